/**
 * One world's creatures as the relay knows them: each one's record (what joiners and new zone
 * authorities get) as last heard, its owner's users row, and the authority zone it is in. Looked up
 * by id for the reliable events and by number for the binary positions, whose hot path moves a
 * creature with no allocation unless it crosses into another zone.
 */
import type { CreatureRecord, CreatureTypeName } from '../../../src/protocol/creatures.ts';
import { zoneCell } from '../../../src/protocol/net/creature-events.ts';
import { CREATURE_TYPES, statsAtLevel } from '../../../src/engine/creatures/creature-types.ts';
import type { CreatureChange, CreatureRow } from '../db/creatures-repo.ts';

export interface CreatureEntry {
  readonly n: number;
  readonly record: CreatureRecord;
  ownerDb: number | null;
  readonly maxHealth: number;
  /** The zone id and its integer cell, compared on the hot path without building the id. */
  zone: string;
  zx: number; zy: number; zz: number;
  /** Whom `follow` follows (the owner when unset): kept in the row's state JSON. */
  target?: string;
  /** Changed since the last save (positions from the hot path). */
  dirty: boolean;
}

export { zoneCell };
const zoneName = (zx: number, zy: number, zz: number): string => `zone_${zx}_${zy}_${zz}`;

export const maxHealthOf = (type: CreatureTypeName, level: number): number => statsAtLevel(CREATURE_TYPES[type], level).health;

export class CreatureRegistry {
  readonly entries = new Map<string, CreatureEntry>();
  private readonly byNumber = new Map<number, CreatureEntry>();
  /** Creature ids per zone, so a grant lists its zone without walking the world. */
  private readonly zones = new Map<string, Set<CreatureEntry>>();

  get size(): number { return this.entries.size; }
  get(id: string): CreatureEntry | undefined { return this.entries.get(id); }
  byNum(n: number): CreatureEntry | undefined { return this.byNumber.get(n); }

  add(record: CreatureRecord, n: number, ownerDb: number | null, target?: string): CreatureEntry {
    const p = record.position;
    const zx = zoneCell(p.x), zy = zoneCell(p.y), zz = zoneCell(p.z);
    const e: CreatureEntry = {
      n, record, ownerDb, maxHealth: maxHealthOf(record.creature_type, record.level),
      zone: zoneName(zx, zy, zz), zx, zy, zz, dirty: false, ...(target ? { target } : {}),
    };
    this.entries.set(record.creature_id, e);
    this.byNumber.set(n, e);
    this.zoneSet(e.zone).add(e);
    return e;
  }

  remove(e: CreatureEntry): boolean {
    if (this.entries.get(e.record.creature_id) !== e) return false;
    this.entries.delete(e.record.creature_id);
    this.byNumber.delete(e.n);
    this.leaveZone(e);
    return true;
  }

  /** Moves `e` to (x, y, z); true when that put it in another zone (its `zone` then names the new one). */
  moveTo(e: CreatureEntry, x: number, y: number, z: number): boolean {
    const p = e.record.position;
    p.x = x; p.y = y; p.z = z;
    e.dirty = true;
    const zx = zoneCell(x), zy = zoneCell(y), zz = zoneCell(z);
    if (zx === e.zx && zy === e.zy && zz === e.zz) return false;
    this.leaveZone(e);
    e.zx = zx; e.zy = zy; e.zz = zz;
    e.zone = zoneName(zx, zy, zz);
    this.zoneSet(e.zone).add(e);
    return true;
  }

  inZone(zone: string): CreatureEntry[] {
    return [...(this.zones.get(zone) ?? [])];
  }

  countIn(zone: string, test: (e: CreatureEntry) => boolean): number {
    let n = 0;
    for (const e of this.zones.get(zone) ?? []) if (test(e)) n++;
    return n;
  }

  zonesWithCreatures(): IterableIterator<string> {
    return this.zones.keys();
  }

  records(): CreatureRecord[] {
    return [...this.entries.values()].map((e) => e.record);
  }

  private zoneSet(zone: string): Set<CreatureEntry> {
    let s = this.zones.get(zone);
    if (!s) this.zones.set(zone, s = new Set());
    return s;
  }

  private leaveZone(e: CreatureEntry): void {
    const s = this.zones.get(e.zone);
    s?.delete(e);
    if (s && s.size === 0) this.zones.delete(e.zone);
  }
}

/** What the row's state JSON keeps of an entry. */
export function changeOf(e: CreatureEntry): CreatureChange {
  const r = e.record;
  return {
    creature_id: r.creature_id, position: { ...r.position }, level: r.level, tamed: r.tamed, owner_id: e.ownerDb,
    state: {
      velocity: { ...r.velocity }, stamina: r.stamina, state: r.state, taming: r.taming, seed: r.seed, natural: r.natural, health: r.health,
      ...(e.target ? { target_player: e.target } : {}),
    },
  };
}

/** A stored row back as a record; `owner` is the owner's public player id. */
export function recordOf(row: CreatureRow, owner: string | null): CreatureRecord {
  const s = row.state;
  return {
    creature_id: row.creature_id, creature_type: row.creature_type as CreatureTypeName, level: row.level,
    position: { ...row.position }, velocity: { ...s.velocity }, health: s.health, stamina: s.stamina, state: s.state,
    tamed: row.tamed, owner, taming: s.taming, seed: s.seed, natural: s.natural,
  };
}
