export const chunkKey = (cx: number, cy: number, cz: number): string => `${cx},${cy},${cz}`;

export function parseChunkKey(key: string): [number, number, number] {
  const [cx, cy, cz] = key.split(',').map(Number);
  return [cx, cy, cz];
}
