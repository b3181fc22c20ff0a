/**
 * Sign bitmasks of every x-row of a 34^3 density field, used by the mesher to visit only
 * the cells whose corners change sign. Row r = y + z*34 gets bit x set (x = 0..31 in lo,
 * 32..33 in bits 0..1 of hi) when its sample is solid (> 0).
 *
 * On little-endian hosts (every browser in practice) four samples are classified per
 * 32-bit read (SWAR); a scalar path covers unaligned views and big-endian hosts.
 */
import { FIELD_SIZE } from './constants.ts';

const F = FIELD_SIZE;
const F2 = F * F;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** 0x80 in each byte of w that is > 0 (sign clear and low 7 bits nonzero; no cross-byte carries). */
const positiveBytes = (w: number): number => ((w & 0x7f7f7f7f) + 0x7f7f7f7f) & ~w & 0x80808080;
/** Packs the four byte flags of positiveBytes into 4 low bits (byte 0 -> bit 0). */
const nibble = (p: number): number => ((p >>> 7) & 1) | ((p >>> 14) & 2) | ((p >>> 21) & 4) | ((p >>> 28) & 8);

export interface SignRows {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Recomputes lo/hi for a FIELD_VOLUME field. Allocates only the first time it sees a buffer (or offset). */
  compute(density: Int8Array): void;
}

export function createSignRows(): SignRows {
  const lo = new Int32Array(F2);
  const hi = new Int32Array(F2);
  // Int32 views of the density buffers seen so far, so alternating between a few fields
  // (worker scratch, bench fixtures) allocates nothing after the first call for each.
  const views = new WeakMap<ArrayBufferLike, Int32Array<ArrayBufferLike>>();

  function swar(w: Int32Array): void {
    for (let r = 0; r < F2; r++) {
      const s = r * F;
      let k = s >> 2;
      let l: number, h: number;
      if ((s & 2) === 0) { // row starts on a word: 8 full words, then 2 bytes of the ninth
        l = 0;
        for (let j = 0; j < 8; j++) l |= nibble(positiveBytes(w[k + j])) << (j * 4);
        h = nibble(positiveBytes(w[k + 8])) & 3;
      } else { // row starts mid-word: 2 bytes, then 8 full words (the last spills 2 bits into hi)
        l = nibble(positiveBytes(w[k++])) >>> 2;
        let n = 0;
        for (let j = 0; j < 8; j++) { n = nibble(positiveBytes(w[k + j])); l |= n << (2 + j * 4); }
        h = n >>> 2;
      }
      lo[r] = l;
      hi[r] = h;
    }
  }

  function scalar(density: Int8Array): void {
    for (let r = 0; r < F2; r++) {
      const s = r * F;
      let l = 0;
      for (let x = 0; x < 32; x++) if (density[s + x] > 0) l |= 1 << x;
      lo[r] = l;
      hi[r] = (density[s + 32] > 0 ? 1 : 0) | (density[s + 33] > 0 ? 2 : 0);
    }
  }

  function compute(density: Int8Array): void {
    if (!LITTLE_ENDIAN || (density.byteOffset & 3) !== 0) { scalar(density); return; }
    let words = views.get(density.buffer);
    if (words === undefined || words.byteOffset !== density.byteOffset) {
      words = new Int32Array(density.buffer, density.byteOffset, (F2 * F) >> 2);
      views.set(density.buffer, words);
    }
    swar(words);
  }

  return { lo, hi, compute };
}
