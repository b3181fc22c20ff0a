export const chunkKey = (cx: number, cy: number, cz: number): string => `${cx},${cy},${cz}`;

