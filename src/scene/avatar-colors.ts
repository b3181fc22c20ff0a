/**
 * A player's colour from their peer id, so every page paints the same player the same colour with
 * nothing sent over the wire. The golden-ratio hue step keeps consecutive ids far apart on the
 * colour wheel (peers usually join with neighbouring ids).
 */
const GOLDEN = 0.618033988749895;

/** sRGB components 0..1 of a saturated, mid-light colour for `peerId`. */
export function peerColor(peerId: number, out: { r: number; g: number; b: number }): { r: number; g: number; b: number } {
  const h = (((peerId * GOLDEN) % 1) + 1) % 1;
  return hslToRgb(h, 0.7, 0.55, out);
}

/** The same colour as a CSS string, for the DOM (chat names, player lists). */
export function peerCss(peerId: number): string {
  const c = peerColor(peerId, { r: 0, g: 0, b: 0 });
  const to = (v: number) => Math.round(v * 255).toString(16).padStart(2, '0');
  return `#${to(c.r)}${to(c.g)}${to(c.b)}`;
}

/** The same colour in linear components, as instance colours take it (three's working colour space). */
export function peerColorLinear(peerId: number, out: { r: number; g: number; b: number }): { r: number; g: number; b: number } {
  peerColor(peerId, out);
  out.r = srgbToLinear(out.r);
  out.g = srgbToLinear(out.g);
  out.b = srgbToLinear(out.b);
  return out;
}

const srgbToLinear = (c: number): number => (c < 0.04045 ? c * 0.0773993808 : Math.pow(c * 0.9478672986 + 0.0521327014, 2.4));

function hslToRgb(h: number, s: number, l: number, out: { r: number; g: number; b: number }) {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  out.r = hue(p, q, h + 1 / 3);
  out.g = hue(p, q, h);
  out.b = hue(p, q, h - 1 / 3);
  return out;
}

function hue(p: number, q: number, t: number): number {
  if (t < 0) t += 1;
  if (t > 1) t -= 1;
  if (t < 1 / 6) return p + (q - p) * 6 * t;
  if (t < 1 / 2) return q;
  if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
  return p;
}
