import { Color, DataTexture, LinearMipmapLinearFilter, LinearFilter, MeshStandardMaterial, RGBAFormat, RepeatWrapping } from 'three';
import { MATERIALS, type MaterialName } from '../protocol/world.ts';

const PALETTE: Record<MaterialName, string> = {
  air: '#000000',
  rock: '#84807a',
  soil: '#6e5136',
  grass: '#5f9a34',
  sand: '#dcc48e',
  ice: '#9fd0f0',
  snow: '#eef3f8',
  ore: '#b5703a',
  basalt: '#3d3c42',
  sandstone: '#c48a58',
  // Verdigris green-blue, far enough from grass and from iron ore's rust to tell apart at a glance.
  copper_ore: '#3f9e88',
};

/**
 * One material for all terrain: a per-vertex palette colour by material id, triplanar detail from a
 * tiling noise texture (no UVs needed on voxel meshes), and rock showing through on steep slopes.
 */
export function createTerrainMaterial(): MeshStandardMaterial {
  const material = new MeshStandardMaterial({ roughness: 0.92, metalness: 0.0 });
  const palette = MATERIALS.map((m) => new Color(PALETTE[m]).convertSRGBToLinear());
  const detail = createDetailTexture(128);
  // Declarations both stages share: the palette and what the vertex stage hands to the fragment stage.
  const shared = `
        uniform vec3 stPalette[${palette.length}];
        varying vec3 vStColor;
        varying vec3 vStWorld;
        varying vec3 vStNormal;`;
  material.onBeforeCompile = (shader) => {
    shader.uniforms.stPalette = { value: palette };
    shader.uniforms.stDetail = { value: detail };
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', `#include <common>${shared}
        attribute float materialId;`)
      .replace('#include <project_vertex>', `#include <project_vertex>
        #ifdef USE_BATCHING
          vec4 stWorld = modelMatrix * batchingMatrix * vec4(transformed, 1.0);
        #else
          vec4 stWorld = modelMatrix * vec4(transformed, 1.0);
        #endif
        vStWorld = stWorld.xyz;
        vStNormal = normalize(mat3(modelMatrix) * objectNormal);
        vStColor = stPalette[int(materialId + 0.5)];`);
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', `#include <common>${shared}
        uniform sampler2D stDetail;
        float stTriplanar(vec3 p, vec3 n, float scale) {
          vec3 w = pow(abs(n), vec3(4.0));
          w /= (w.x + w.y + w.z);
          return texture2D(stDetail, p.yz * scale).r * w.x
               + texture2D(stDetail, p.xz * scale).r * w.y
               + texture2D(stDetail, p.xy * scale).r * w.z;
        }`)
      .replace('#include <color_fragment>', `#include <color_fragment>
        vec3 stN = normalize(vStNormal);
        float stFine = stTriplanar(vStWorld, stN, 0.37);
        float stCoarse = stTriplanar(vStWorld, stN, 0.043);
        // Steep faces show bare rock whatever the surface material.
        float stSteep = smoothstep(0.55, 0.35, stN.y);
        vec3 stBase = mix(vStColor, stPalette[1] * 0.9, stSteep * 0.85);
        diffuseColor.rgb *= stBase * (0.72 + 0.38 * stFine) * (0.85 + 0.3 * stCoarse);`);
  };
  material.customProgramCacheKey = () => 'spacetime-terrain-v1';
  return material;
}

/** Tiling value noise (several octaves on a wrapping lattice), used only for shading detail. */
function createDetailTexture(size: number): DataTexture {
  const data = new Uint8Array(size * size * 4);
  const lattice = (x: number, y: number, period: number) => {
    const h = Math.imul(((x % period) + period) % period, 374761393) ^ Math.imul(((y % period) + period) % period, 668265263);
    const m = Math.imul(h ^ (h >>> 13), 1274126177);
    return ((m ^ (m >>> 16)) >>> 0) / 4294967295;
  };
  const smooth = (t: number) => t * t * (3 - 2 * t);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let v = 0, amp = 0.5;
      for (let period = 8; period <= 64; period *= 2) {
        const fx = (x / size) * period, fy = (y / size) * period;
        const ix = Math.floor(fx), iy = Math.floor(fy);
        const tx = smooth(fx - ix), ty = smooth(fy - iy);
        const a = lattice(ix, iy, period), b = lattice(ix + 1, iy, period);
        const c = lattice(ix, iy + 1, period), d = lattice(ix + 1, iy + 1, period);
        v += amp * ((a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty);
        amp *= 0.5;
      }
      const byte = Math.max(0, Math.min(255, Math.round(v * 270)));
      data.set([byte, byte, byte, 255], (y * size + x) * 4);
    }
  }
  const texture = new DataTexture(data, size, size, RGBAFormat);
  texture.wrapS = texture.wrapT = RepeatWrapping;
  texture.magFilter = LinearFilter;
  texture.minFilter = LinearMipmapLinearFilter;
  texture.generateMipmaps = true;
  texture.needsUpdate = true;
  return texture;
}
