/**
 * Trigonometry from + - * / and sqrt only. ESLint bans Math.sin/cos/atan2/... in src/engine because
 * their last bits differ between JS engines; the player sim uses these instead, so a recorded input
 * sequence replays bit-identically in any browser, worker or Node. Accuracy is a few ulp over the
 * angles the sim sees (|x| up to a few thousand radians); cost is a handful of multiplies.
 */

export const DEG = Math.PI / 180;

// pi/2 split in two (Cody-Waite) so x - k*pi/2 stays accurate for the multiples we reduce by.
const HALF_PI_HI = 1.5707963267948966;
const HALF_PI_LO = 6.123233995736766e-17;
const INV_HALF_PI = 2 / Math.PI;

// Taylor coefficients 1/n!, alternating; on |r| <= pi/4 the first omitted term is below 1e-16.
const S3 = -1 / 6, S5 = 1 / 120, S7 = -1 / 5040, S9 = 1 / 362880, S11 = -1 / 39916800;
const S13 = 1 / 6227020800, S15 = -1 / 1307674368000;
const C2 = -1 / 2, C4 = 1 / 24, C6 = -1 / 720, C8 = 1 / 40320, C10 = -1 / 3628800;
const C12 = 1 / 479001600, C14 = -1 / 87178291200, C16 = 1 / 20922789888000;

function sinKernel(r: number): number {
  const r2 = r * r;
  return r + r * r2 * (S3 + r2 * (S5 + r2 * (S7 + r2 * (S9 + r2 * (S11 + r2 * (S13 + r2 * S15))))));
}

function cosKernel(r: number): number {
  const r2 = r * r;
  return 1 + r2 * (C2 + r2 * (C4 + r2 * (C6 + r2 * (C8 + r2 * (C10 + r2 * (C12 + r2 * (C14 + r2 * C16)))))));
}

/** sin(x): reduce to |r| <= pi/4 plus a quadrant, then the matching kernel. */
export function sin(x: number): number {
  const k = Math.round(x * INV_HALF_PI);
  const r = (x - k * HALF_PI_HI) - k * HALF_PI_LO;
  switch (k & 3) {
    case 0: return sinKernel(r);
    case 1: return cosKernel(r);
    case 2: return -sinKernel(r);
    default: return -cosKernel(r);
  }
}

export function cos(x: number): number {
  const k = Math.round(x * INV_HALF_PI);
  const r = (x - k * HALF_PI_HI) - k * HALF_PI_LO;
  switch (k & 3) {
    case 0: return cosKernel(r);
    case 1: return -sinKernel(r);
    case 2: return -cosKernel(r);
    default: return sinKernel(r);
  }
}

/**
 * Both at once, through a typed array: io[0] = angle in, io[1] = sin, io[2] = cos out. Hot paths use
 * this because a double passed to or returned from a call V8 does not inline is boxed on the heap.
 */
export function sinCos(io: Float64Array): void {
  const x = io[0];
  const k = Math.round(x * INV_HALF_PI);
  const r = (x - k * HALF_PI_HI) - k * HALF_PI_LO;
  // The kernels written out: a call here would box r and both results.
  const r2 = r * r;
  const s = r + r * r2 * (S3 + r2 * (S5 + r2 * (S7 + r2 * (S9 + r2 * (S11 + r2 * (S13 + r2 * S15))))));
  const c = 1 + r2 * (C2 + r2 * (C4 + r2 * (C6 + r2 * (C8 + r2 * (C10 + r2 * (C12 + r2 * (C14 + r2 * C16)))))));
  switch (k & 3) {
    case 0: io[1] = s; io[2] = c; break;
    case 1: io[1] = c; io[2] = -s; break;
    case 2: io[1] = -s; io[2] = -c; break;
    default: io[1] = -c; io[2] = s;
  }
}

/**
 * atan(t) for 0 <= t <= 1. Two half-angle steps, atan(t) = 2 atan(t / (1 + sqrt(1 + t^2))), bring
 * t below tan(pi/16) ~ 0.2, where 11 series terms leave an error under 1e-17.
 */
function atanUnit(t: number): number {
  const t1 = t / (1 + Math.sqrt(1 + t * t));
  const u = t1 / (1 + Math.sqrt(1 + t1 * t1));
  const u2 = u * u;
  let sum = 0;
  for (let n = 21; n >= 3; n -= 2) sum = ((n & 2) ? -1 : 1) / n + u2 * sum;
  return 4 * (u + u * u2 * sum);
}

/** atan2(y, x) in (-pi, pi], same quadrant rules as Math.atan2 for finite input (atan2(0, 0) = 0). */
export function atan2(y: number, x: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  const ax = Math.abs(x), ay = Math.abs(y);
  if (ax === 0 && ay === 0) return x < 0 || Object.is(x, -0) ? (Object.is(y, -0) ? -Math.PI : Math.PI) : y;
  let a = ay <= ax ? atanUnit(ay / ax) : Math.PI / 2 - atanUnit(ax / ay);
  if (x < 0) a = Math.PI - a;
  return y < 0 ? -a : a;
}

/** asin(x) for x in [-1, 1] (clamped), via atan2 so the ends stay accurate. */
export function asin(x: number): number {
  const c = Math.max(-1, Math.min(1, x));
  return atan2(c, Math.sqrt(Math.max(0, 1 - c * c)));
}

/** The same angle in (-pi, pi], so yaw never grows without bound. */
export function wrapAngle(a: number): number {
  const TWO_PI = 2 * Math.PI;
  return a - TWO_PI * Math.round(a / TWO_PI);
}
