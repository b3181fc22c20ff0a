/**
 * Where the players are, for `follow` and the look-at target: a packed [key, x, y, z] list the page
 * sends (setPlayers), replaced whole each time. A linear scan per lookup: a world holds a handful
 * of players, and a scan of a small Float64Array beats a Map and allocates nothing.
 */
export const PLAYER_STRIDE = 4;

export class PlayerTable {
  count = 0;
  packed = new Float64Array(16 * PLAYER_STRIDE);

  /** Replaces the table with `count` entries of `src` (from offset `at`). */
  set(src: ArrayLike<number>, count: number, at = 0): void {
    const n = count * PLAYER_STRIDE;
    if (this.packed.length < n) this.packed = new Float64Array(n);
    for (let i = 0; i < n; i++) this.packed[i] = src[at + i];
    this.count = count;
  }

  /** Writes player `key`'s position into out[0..2]; false when that player is not in the table. */
  position(key: number, out: Float64Array): boolean {
    if (key < 0) return false;
    const p = this.packed;
    for (let i = 0, o = 0; i < this.count; i++, o += PLAYER_STRIDE) {
      if (p[o] === key) { out[0] = p[o + 1]; out[1] = p[o + 2]; out[2] = p[o + 3]; return true; }
    }
    return false;
  }
}
