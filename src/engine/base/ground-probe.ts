/**
 * How placement finds the ground: a small interface the caller implements over whatever terrain
 * it holds, plus one implementation over a density sampler (density > 0 is solid, as in the
 * voxel store), which is what the page (collision field) and the relay (its voxel store) have.
 */

export interface GroundProbe {
  /**
   * The y of the ground surface in the column (x, z) nearest fromY: the first surface below it
   * when fromY is in the open, the first surface above it when fromY is inside the ground; null
   * when there is none within the probe's search distance.
   */
  surfaceY(x: number, z: number, fromY: number): number | null;
}

/** Density at a point; > 0 solid, <= 0 open (e.g. sampleTrilinear's density). */
export type DensityAt = (x: number, y: number, z: number) => number;

/**
 * Steps through the column `step` metres at a time, up to `maxDistance`, and places the surface
 * between the last two samples by linear interpolation of density (the iso surface at 0).
 */
export function densityGroundProbe(density: DensityAt, maxDistance = 24, step = 0.25): GroundProbe {
  return {
    surfaceY(x, z, fromY) {
      let prev = density(x, fromY, z);
      const dir = prev > 0 ? 1 : -1; // inside the ground: look up; in the open: look down
      for (let k = 1; k * step <= maxDistance; k++) {
        const y = fromY + dir * k * step;
        const d = density(x, y, z);
        if (d > 0 !== prev > 0) {
          const t = prev / (prev - d); // 0..1 from the previous sample to this one
          return y - dir * step + dir * step * t;
        }
        prev = d;
      }
      return null;
    },
  };
}
