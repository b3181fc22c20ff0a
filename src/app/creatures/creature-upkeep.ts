/**
 * The creature service's clockwork on the page (issue 13), on a 10 Hz timer:
 *  - tells the simulation where the players are (follow targets);
 *  - in a shared world, sends the positions of the creatures this page simulates (its zones) at
 *    10 Hz, and their full states once a second, as sync_creature_position / sync_creature_state;
 *    a death is reported at once;
 *  - keeps the registry's health/stamina/position current from the simulation's saves;
 *  - every few seconds runs the natural spawner around the players in the area this page simulates.
 */
import { creatureId, creatureNumber, CREATURE_TYPE_NAMES } from '../../protocol/creatures.ts';
import { writeCreatureRecord, CREATURE_RECORD_BYTES, CREATURE_RECORDS_MAX } from '../../protocol/net/creature-codec.ts';
import { zoneIdAt, type CreatureStateReport } from '../../protocol/net/creature-events.ts';
import { planNaturalSpawns, type SpawnerCreature, type SpawnerPlayer } from '../../engine/spawning/natural-spawner.ts';
import type { CreatureService } from './creature-service.ts';
import type { SimEvent } from './sim-port.ts';
import type { CreatureStateEventSchema } from '../../protocol/net/creature-events.ts';
import type { z } from 'zod';

export interface UpkeepDeps {
  /** Players to perceive and follow, [key, x, y, z] each, written into `out`; returns how many. */
  players(out: Float64Array): number;
  /** The local player's position (spawning happens around the players in this page's area). */
  me(): SpawnerPlayer | null;
  /** Other players' positions (shared world). */
  others(): SpawnerPlayer[];
  /** Brings the creature frame up to now (frames may not be drawing: a hidden tab, paused rendering). */
  refresh(): void;
  sendPositions(bytes: Uint8Array): void;
  sendState(payload: z.input<typeof CreatureStateEventSchema>): Promise<unknown>;
  /** Asks the relay who holds a zone; resolves to the holder's peer id (null: nobody), or undefined on a refusal. */
  requestAuthority(zone: string): Promise<number | null | undefined>;
  biomeAt(x: number, z: number): number;
  /** Natural spawning on (URL flag `spawn=0` turns it off for tests that want an empty world). */
  naturalSpawning(): boolean;
}

const TICK_MS = 100;
/** The relay takes messages up to 16 KB: 682 records; sent in batches of this many. */
const RECORDS_PER_MESSAGE = 600;
const SPAWN_EVERY_TICKS = 30;
const CHECK_ZONE_EVERY_TICKS = 20;
const STATE_EVERY_MS = 1000;

export class CreatureUpkeep {
  private readonly players = new Float64Array(4 * 64);
  private readonly bytes = new Uint8Array(CREATURE_RECORD_BYTES * CREATURE_RECORDS_MAX);
  private readonly view = new DataView(this.bytes.buffer);
  private readonly rng = Uint32Array.of(0x5eed);
  private ticks = 0;
  private lastState = 0;
  private despawned: string[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private spawning = false;

  constructor(private readonly service: CreatureService, private readonly deps: UpkeepDeps) {}

  start(): void {
    this.timer ??= setInterval(() => this.tick(), TICK_MS);
    this.service.sim.listen((events) => this.onEvents(events), () => this.onSaved());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private tick(): void {
    this.service.sim.setPlayers(this.players, this.deps.players(this.players));
    if (this.service.shared && this.service.simulated.size > 0) this.sendPositions();
    if (++this.ticks % SPAWN_EVERY_TICKS === 0 && this.deps.naturalSpawning()) void this.spawnNaturally();
    if (this.ticks % CHECK_ZONE_EVERY_TICKS === 0) void this.checkZone();
  }

  /**
   * In a shared world, the zone this page's player stands in should be this page's or another
   * page's. A grant that raced a rejoin (it arrived before the join result was applied, which
   * resets the zones) would leave it simulated by nobody: if the relay says this page holds the
   * zone while the page does not think so, the page takes it up again.
   */
  private async checkZone(): Promise<void> {
    const svc = this.service, me = this.deps.me();
    if (!svc.shared || !me) return;
    const zone = zoneIdAt(me.x, me.y, me.z);
    if (svc.myZones.has(zone)) return;
    const holder = await this.deps.requestAuthority(zone);
    if (holder === svc.myPeer && svc.shared && !svc.myZones.has(zone)) svc.granted(zone, holder, undefined);
  }

  private sendPositions(): void {
    this.deps.refresh();
    const f = this.service.frame;
    let k = 0;
    for (let i = 0; i < f.count && k < CREATURE_RECORDS_MAX; i++) {
      const n = f.number[i];
      if (!this.service.simulated.has(n)) continue;
      writeCreatureRecord(this.view, k++, n, f.x[i], f.y[i], f.z[i], f.vx[i], f.vy[i], f.vz[i], f.state[i], f.health01[i]);
    }
    for (let from = 0; from < k; from += RECORDS_PER_MESSAGE) {
      this.deps.sendPositions(this.bytes.subarray(from * CREATURE_RECORD_BYTES, Math.min(k, from + RECORDS_PER_MESSAGE) * CREATURE_RECORD_BYTES));
    }
  }

  private onSaved(): void {
    const saved = this.service.sim.saved();
    for (const [n, s] of saved) {
      const rec = this.service.registry.get(n);
      if (!rec) continue;
      rec.position = { x: s.x, y: s.y, z: s.z };
      rec.velocity = { x: s.vx, y: s.vy, z: s.vz };
      rec.health = s.health; rec.stamina = s.stamina; rec.state = s.state;
    }
    const now = performance.now();
    if (!this.service.shared || now - this.lastState < STATE_EVERY_MS * 0.9) return;
    this.lastState = now;
    this.report([]);
    // The relay moved any creature that walked out of its zone to the zone it entered (whose
    // authority, if any, is granted it): this page lets it go and shows it as a remote one.
    for (const [n, zone] of [...this.service.simulated]) {
      const s = saved.get(n);
      if (s && zoneIdAt(s.x, s.y, s.z) !== zone) this.service.release(n);
    }
  }

  /** One sync_creature_state per zone this page holds; `died` adds death reports. */
  private report(died: Array<{ n: number; killer: number }>): void {
    const saved = this.service.sim.saved();
    const byZone = new Map<string, CreatureStateReport[]>();
    for (const zone of this.service.myZones) byZone.set(zone, []);
    for (const [n, zone] of this.service.simulated) {
      const s = saved.get(n);
      const list = byZone.get(zone);
      if (!s || !list) continue;
      const death = died.find((d) => d.n === n);
      list.push({
        creature_id: creatureId(n), position: { x: s.x, y: s.y, z: s.z }, velocity: { x: s.vx, y: s.vy, z: s.vz },
        health: death ? 0 : Math.max(0, s.health), stamina: Math.max(0, s.stamina), state: s.state,
        ...(death ? { died: { killer_id: death.killer > 0 ? creatureId(death.killer) : null } } : {}),
      });
    }
    const despawned = this.despawned;
    this.despawned = [];
    for (const [zone, creatures] of byZone) {
      const mine = despawned.filter((id) => this.service.simulated.get(creatureNumber(id)) === zone);
      if (creatures.length > 0 || mine.length > 0) void this.deps.sendState({ object_id: zone, creatures, ...(mine.length ? { despawned: mine } : {}) });
    }
  }

  private onEvents(events: readonly SimEvent[]): void {
    this.service.simEvents(events);
    if (!this.service.shared) return;
    const died = [];
    for (const e of events) if (e.kind === 'died' && this.service.simulated.has(e.n)) died.push({ n: e.n, killer: e.killer });
    if (died.length > 0) this.report(died);
  }

  private async spawnNaturally(): Promise<void> {
    if (this.spawning) return;
    const me = this.deps.me();
    if (!me) return;
    const svc = this.service;
    const inArea = (p: SpawnerPlayer) => !svc.shared || svc.myZones.has(zoneIdAt(p.x, p.y, p.z));
    const players = [me, ...this.deps.others()].filter(inArea);
    if (players.length === 0) return;
    const creatures: SpawnerCreature[] = [];
    for (const [n, rec] of svc.registry) {
      if (svc.shared && !svc.simulated.has(n)) continue;
      creatures.push({ n, x: rec.position.x, z: rec.position.z, natural: rec.natural, wild: !rec.tamed });
    }
    const plan = planNaturalSpawns(players, creatures, this.deps.biomeAt, this.rng);
    for (const n of plan.despawn) {
      if (svc.shared) this.despawned.push(creatureId(n));
      else svc.removed(creatureId(n), 'despawned', undefined);
    }
    this.spawning = true;
    try {
      for (const s of plan.spawns) {
        if (!CREATURE_TYPE_NAMES.includes(s.type)) continue;
        await svc.spawn({ creature_type: s.type, position: { x: s.x, y: s.y, z: s.z }, level: s.level }, true);
      }
    } finally {
      this.spawning = false;
    }
  }
}
