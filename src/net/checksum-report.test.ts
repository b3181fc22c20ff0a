import { describe, expect, it } from 'vitest';
import { chunksNear } from './checksum-report.ts';

describe('chunksNear', () => {
  it('lists the chunks a brush sphere (plus a voxel) can reach, inside the world', () => {
    expect(chunksNear({ position: { x: 16, y: 16, z: 16 }, radius: 3 })).toEqual([{ x: 0, y: 0, z: 0 }]);
    const border = chunksNear({ position: { x: 31, y: 16, z: 0.5 }, radius: 2 });
    expect(border).toHaveLength(4);
    expect(border).toContainEqual({ x: 1, y: 0, z: -1 });
    // Below the lowest chunk row: clipped to the world.
    expect(chunksNear({ position: { x: 16, y: -63, z: 16 }, radius: 4 }).every((c) => c.y >= -2)).toBe(true);
  });
});
