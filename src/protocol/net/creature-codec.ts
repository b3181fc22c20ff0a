/**
 * sync_creature_position's binary records: 24 bytes per creature, little-endian, concatenated.
 *
 *   0  u32  creature number (the n of creature_<n>)
 *   4  f32  x, 8 f32 y, 12 f32 z   (m)
 *  16  i16  vx, 18 i16 vy, 20 i16 vz   (cm/s, clamped to ±327.67 m/s)
 *  22  u8   state (index into CREATURE_STATE_NAMES)
 *  23  u8   health as a fraction of its maximum, 0..255
 *
 * Float32 positions keep centimetres out to 100 km, more than the 1000 m zones need. Written and
 * read through one DataView per buffer, with no objects per record.
 */
export const CREATURE_RECORD_BYTES = 24;
/** The most records one message may carry (the relay refuses larger). */
export const CREATURE_RECORDS_MAX = 2048;

const clampI16 = (v: number): number => (v > 32767 ? 32767 : v < -32768 ? -32768 : Math.round(v));

/** Writes record `i` into `view`. */
export function writeCreatureRecord(
  view: DataView, i: number, n: number, x: number, y: number, z: number, vx: number, vy: number, vz: number, state: number, health01: number,
): void {
  const o = i * CREATURE_RECORD_BYTES;
  view.setUint32(o, n, true);
  view.setFloat32(o + 4, x, true); view.setFloat32(o + 8, y, true); view.setFloat32(o + 12, z, true);
  view.setInt16(o + 16, clampI16(vx * 100), true); view.setInt16(o + 18, clampI16(vy * 100), true); view.setInt16(o + 20, clampI16(vz * 100), true);
  view.setUint8(o + 22, state);
  view.setUint8(o + 23, health01 <= 0 ? 0 : health01 >= 1 ? 255 : Math.round(health01 * 255));
}

/** How many whole records `bytes` holds, or -1 if it is not a whole number of them (or too many, or none). */
export function creatureRecordCount(bytes: Uint8Array): number {
  const n = bytes.byteLength / CREATURE_RECORD_BYTES;
  return Number.isInteger(n) && n >= 1 && n <= CREATURE_RECORDS_MAX ? n : -1;
}

/** Readers for record i of a DataView over the message. */
export const recordNumber = (v: DataView, i: number): number => v.getUint32(i * CREATURE_RECORD_BYTES, true);
export const recordX = (v: DataView, i: number): number => v.getFloat32(i * CREATURE_RECORD_BYTES + 4, true);
export const recordY = (v: DataView, i: number): number => v.getFloat32(i * CREATURE_RECORD_BYTES + 8, true);
export const recordZ = (v: DataView, i: number): number => v.getFloat32(i * CREATURE_RECORD_BYTES + 12, true);
export const recordVx = (v: DataView, i: number): number => v.getInt16(i * CREATURE_RECORD_BYTES + 16, true) / 100;
export const recordVy = (v: DataView, i: number): number => v.getInt16(i * CREATURE_RECORD_BYTES + 18, true) / 100;
export const recordVz = (v: DataView, i: number): number => v.getInt16(i * CREATURE_RECORD_BYTES + 20, true) / 100;
export const recordState = (v: DataView, i: number): number => v.getUint8(i * CREATURE_RECORD_BYTES + 22);
export const recordHealth01 = (v: DataView, i: number): number => v.getUint8(i * CREATURE_RECORD_BYTES + 23) / 255;
