/** Options read from the page URL: ?seed=N, ?scene=name, ?world=id, ?xr=emulate, ?bridge, ?view=M, ?pos=x,y,z, ?yaw=deg, ?pitch=deg, ?spawn=0. */
export interface UrlFlags {
  seed: number;
  emulateXr: boolean;
  bridge: boolean;
  /** Streaming radius in metres; null = the player's view-distance setting. */
  viewDistance: number | null;
  /** Scene to start in (a registry name or res:// path); unknown names fall back to vr_main with a warning. */
  scene: string;
  position: [number, number, number] | null;
  yaw: number | null;
  pitch: number | null;
  /** The shared world to join (a share link's ?world=<id>); null = the relay's default world. */
  world: number | null;
  /** Natural creature spawning around the player (?spawn=0 turns it off: tests that want only the creatures they spawn). */
  naturalSpawning: boolean;
  /** ?creatureDemo=N: a developer demo of N creatures walking and flying in front of the spawn (0 = off). */
  creatureDemo: number;
}

export const DEFAULT_SEED = 1337;

export function readUrlFlags(search: string): UrlFlags {
  const q = new URLSearchParams(search);
  const int = (name: string, fallback: number, lo: number, hi: number) => {
    const v = Number(q.get(name));
    return q.has(name) && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.trunc(v))) : fallback;
  };
  const pos = q.get('pos')?.split(',').map(Number);
  const angle = (name: string) => (q.has(name) && Number.isFinite(Number(q.get(name))) ? Number(q.get(name)) : null);
  return {
    seed: int('seed', DEFAULT_SEED, 0, 0xffffffff),
    emulateXr: q.get('xr') === 'emulate',
    bridge: q.has('bridge'),
    viewDistance: q.has('view') ? int('view', 160, 64, 320) : null,
    scene: q.get('scene') ?? 'vr_main',
    position: pos && pos.length === 3 && pos.every(Number.isFinite) ? [pos[0], pos[1], pos[2]] : null,
    yaw: angle('yaw'),
    pitch: angle('pitch'),
    world: worldId(q.get('world')),
    naturalSpawning: q.get('spawn') !== '0',
    creatureDemo: int('creatureDemo', 0, 0, 5000),
  };
}

/** A world id is a positive integer (WorldIdSchema); anything else names no world. */
function worldId(raw: string | null): number | null {
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return id >= 1 && id <= 2 ** 31 - 1 ? id : null;
}
