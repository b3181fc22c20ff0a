/**
 * Seed 000's `creatures`: every creature of every world, under the seed's columns, with what the
 * seed leaves to `state` (JSON): velocity, stamina, the state number, taming progress, the brain's
 * seed, whether the world spawned it, a follow target, and the exact health (the seed's column is
 * an INTEGER; creatures take fractional damage). Ids come from `id_counters` (migration 008), so a
 * number is never handed out twice even after its creature is gone.
 */
import { sql, type Kysely } from 'kysely';
import { iso, type Database } from './schema.ts';

export interface CreatureStateJson {
  velocity: { x: number; y: number; z: number };
  stamina: number;
  state: number;
  taming: number;
  seed: number;
  natural: boolean;
  health: number;
  target_player?: string;
}

export interface CreatureRow {
  creature_id: string;
  world_id: number;
  creature_type: string;
  position: { x: number; y: number; z: number };
  level: number;
  tamed: boolean;
  owner_id: number | null;
  state: CreatureStateJson;
  created_at: string;
  updated_at: string;
}

/** Position, health and state of one creature: what a sync_creature_state report changes. */
export interface CreatureChange {
  creature_id: string;
  position: { x: number; y: number; z: number };
  level: number;
  tamed: boolean;
  owner_id: number | null;
  state: CreatureStateJson;
}

const COUNTER = 'creature';

const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const vec = (v: unknown) => {
  const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
  return { x: num(o.x, 0), y: num(o.y, 0), z: num(o.z, 0) };
};

/** SQLite hands JSON back as text, PostgreSQL (jsonb) as a value; missing fields get defaults. */
function parseState(raw: unknown, columnHealth: number): CreatureStateJson {
  let v: Record<string, unknown> = {};
  try {
    const p = typeof raw === 'string' ? JSON.parse(raw) as unknown : raw;
    if (p && typeof p === 'object' && !Array.isArray(p)) v = p as Record<string, unknown>;
  } catch { /* a broken value reads as defaults */ }
  return {
    velocity: vec(v.velocity), stamina: num(v.stamina, 0), state: num(v.state, 0), taming: num(v.taming, 0),
    seed: num(v.seed, 1) >>> 0, natural: v.natural === true, health: num(v.health, columnHealth),
    ...(typeof v.target_player === 'string' ? { target_player: v.target_player } : {}),
  };
}

/** The seed's integer column: a living creature never reads as 0. */
const healthColumn = (h: number): number => (h > 0 ? Math.max(1, Math.round(h)) : 0);
/** SQLite stores booleans as 0/1, PostgreSQL as booleans. */
const bool = (v: number | boolean): boolean => v === true || v === 1;

export class CreaturesRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async all(worldId: number): Promise<CreatureRow[]> {
    const rows = await this.db.selectFrom('creatures').selectAll().where('world_id', '=', worldId).orderBy('id').execute();
    return rows.map((r) => ({
      creature_id: r.creature_id, world_id: r.world_id, creature_type: r.creature_type,
      position: { x: r.position_x, y: r.position_y, z: r.position_z }, level: r.level, tamed: bool(r.tamed), owner_id: r.owner_id,
      state: parseState(r.state, r.health), created_at: iso(r.created_at), updated_at: iso(r.updated_at),
    }));
  }

  /** The last creature number handed out: the counter, or the largest id in the table if that is higher. */
  async lastNumber(): Promise<number> {
    const c = await this.db.selectFrom('id_counters').select('value').where('name', '=', COUNTER).executeTakeFirst();
    const ids = await this.db.selectFrom('creatures').select('creature_id').execute();
    let max = c ? Number(c.value) : 0;
    for (const r of ids) max = Math.max(max, Number(r.creature_id.slice(9)) || 0);
    return max;
  }

  /** Writes the creature and moves the counter to its number, in one transaction. */
  async insert(row: CreatureRow, n: number): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.insertInto('creatures').values({
        creature_id: row.creature_id, world_id: row.world_id, creature_type: row.creature_type,
        position_x: row.position.x, position_y: row.position.y, position_z: row.position.z,
        level: row.level, health: healthColumn(row.state.health), tamed: row.tamed ? sql<boolean>`TRUE` : sql<boolean>`FALSE`, owner_id: row.owner_id,
        state: JSON.stringify(row.state), created_at: row.created_at, updated_at: row.updated_at,
      }).execute();
      await tx.insertInto('id_counters').values({ name: COUNTER, value: n })
        .onConflict((oc) => oc.column('name').doUpdateSet({ value: n })).execute();
    });
  }

  /** Several creatures' latest state in one transaction. */
  async update(worldId: number, changes: readonly CreatureChange[], at: string): Promise<void> {
    if (changes.length === 0) return;
    await this.db.transaction().execute(async (tx) => {
      for (const c of changes) {
        await tx.updateTable('creatures').set({
          position_x: c.position.x, position_y: c.position.y, position_z: c.position.z, level: c.level,
          health: healthColumn(c.state.health), tamed: c.tamed ? sql<boolean>`TRUE` : sql<boolean>`FALSE`, owner_id: c.owner_id, state: JSON.stringify(c.state), updated_at: at,
        }).where('world_id', '=', worldId).where('creature_id', '=', c.creature_id).execute();
      }
    });
  }

  async remove(worldId: number, creatureIds: readonly string[]): Promise<void> {
    if (creatureIds.length === 0) return;
    await this.db.deleteFrom('creatures').where('world_id', '=', worldId).where('creature_id', 'in', creatureIds).execute();
  }
}
