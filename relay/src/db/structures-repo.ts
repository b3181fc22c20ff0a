/**
 * Seed 000's `structures`: every placed base part of every world, with its owner, pose, health and
 * a JSON `state` (on/off, a battery's stored energy). Written when a structure lands, changes or
 * goes, so a relay restart brings the base back as it was.
 */
import type { Kysely } from 'kysely';
import { iso, type Database } from './schema.ts';

export interface StructureRow {
  structure_id: string;
  world_id: number;
  owner_id: number | null;
  structure_type: string;
  position: { x: number; y: number; z: number };
  /** Degrees (the seed's Vector3 rotation); structures turn about y only. */
  rotation: { x: number; y: number; z: number };
  health: number;
  state: Record<string, unknown>;
  created_at: string;
  updated_at: string;
}

/** SQLite hands JSON back as text, PostgreSQL (jsonb) as a value. */
const parseState = (raw: unknown): Record<string, unknown> => {
  if (!raw) return {};
  try {
    const v = typeof raw === 'string' ? JSON.parse(raw) as unknown : raw;
    return v && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {};
  } catch {
    return {};
  }
};

export class StructuresRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async all(worldId: number): Promise<StructureRow[]> {
    const rows = await this.db.selectFrom('structures').selectAll().where('world_id', '=', worldId).orderBy('id').execute();
    return rows.map((r) => ({
      structure_id: r.structure_id, world_id: r.world_id, owner_id: r.owner_id, structure_type: r.structure_type,
      position: { x: r.position_x, y: r.position_y, z: r.position_z },
      rotation: { x: r.rotation_x, y: r.rotation_y, z: r.rotation_z },
      health: r.health, state: parseState(r.state), created_at: iso(r.created_at), updated_at: iso(r.updated_at),
    }));
  }

  async insert(s: StructureRow): Promise<void> {
    await this.db.insertInto('structures').values({
      structure_id: s.structure_id, world_id: s.world_id, owner_id: s.owner_id, structure_type: s.structure_type,
      position_x: s.position.x, position_y: s.position.y, position_z: s.position.z,
      rotation_x: s.rotation.x, rotation_y: s.rotation.y, rotation_z: s.rotation.z,
      health: s.health, state: JSON.stringify(s.state), created_at: s.created_at, updated_at: s.updated_at,
    }).execute();
  }

  /** True when it was there. */
  async remove(worldId: number, structureId: string): Promise<boolean> {
    const r = await this.db.deleteFrom('structures').where('world_id', '=', worldId).where('structure_id', '=', structureId).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Health and state of several structures in one transaction (the power grid's periodic save). */
  async update(worldId: number, changes: Array<{ structure_id: string; health: number; state: Record<string, unknown> }>, at: string): Promise<void> {
    if (changes.length === 0) return;
    await this.db.transaction().execute(async (tx) => {
      for (const c of changes) {
        await tx.updateTable('structures').set({ health: c.health, state: JSON.stringify(c.state), updated_at: at })
          .where('world_id', '=', worldId).where('structure_id', '=', c.structure_id).execute();
      }
    });
  }
}
