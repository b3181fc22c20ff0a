/**
 * Sign bitmasks of every x-row of a 34^3 density field, used by the mesher to visit only
 * the cells whose corners change sign. Row r = y + z*34 gets bit x set (x = 0..31 in lo,
 * 32..33 in bits 0..1 of hi) when its sample is solid (> 0).
 *
 * On little-endian hosts (every browser in practice) four samples are classified per
 * 32-bit read (SWAR); a scalar path covers unaligned views and big-endian hosts.
 */
import { FIELD_SIZE } from '../protocol/world.ts';

const F = FIELD_SIZE;
const F2 = F * F;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** 0x80 in each byte of w that is > 0 (sign clear and low 7 bits nonzero; no cross-byte carries). */
const positiveBytes = (w: number): number => ((w & 0x7f7f7f7f) + 0x7f7f7f7f) & ~w & 0x80808080;
/**
 * Packs the four byte flags of positiveBytes into 4 low bits (byte 0 -> bit 0). One multiply
 * gathers bits 7, 15, 23, 31 into bits 28..31 (shifts 21, 14, 7, 0); the other partial
 * products land on distinct lower bits, so nothing carries into the result.
 */
const nibble = (p: number): number => Math.imul(p, 0x204081) >>> 28;

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
    // Two rows are 68 bytes = 17 whole words, so pairs of rows need no alignment case:
    // words 0..7 and 2 bytes of word 8 are row r, the rest of word 8 and words 9..16 row r+1.
    for (let r = 0, k = 0; r < F2; r += 2, k += 17) {
      const n8 = nibble(positiveBytes(w[k + 8]));
      lo[r] = nibble(positiveBytes(w[k])) | (nibble(positiveBytes(w[k + 1])) << 4)
        | (nibble(positiveBytes(w[k + 2])) << 8) | (nibble(positiveBytes(w[k + 3])) << 12)
        | (nibble(positiveBytes(w[k + 4])) << 16) | (nibble(positiveBytes(w[k + 5])) << 20)
        | (nibble(positiveBytes(w[k + 6])) << 24) | (nibble(positiveBytes(w[k + 7])) << 28);
      hi[r] = n8 & 3;
      const n16 = nibble(positiveBytes(w[k + 16]));
      lo[r + 1] = (n8 >>> 2) | (nibble(positiveBytes(w[k + 9])) << 2)
        | (nibble(positiveBytes(w[k + 10])) << 6) | (nibble(positiveBytes(w[k + 11])) << 10)
        | (nibble(positiveBytes(w[k + 12])) << 14) | (nibble(positiveBytes(w[k + 13])) << 18)
        | (nibble(positiveBytes(w[k + 14])) << 22) | (nibble(positiveBytes(w[k + 15])) << 26) | (n16 << 30);
      hi[r + 1] = n16 >>> 2;
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
