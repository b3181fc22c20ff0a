/**
 * The page's creatures (issue 13). It keeps the registry (every creature this page knows, by n),
 * feeds the creature simulation (the worker, through a CreatureSimPort) the creatures this page
 * simulates, and answers the control API and the UI.
 *
 * Single-player the page owns everything: ids are its own, every creature is simulated here. In a
 * shared world the relay keeps the registry and hands each 1000 m zone to one page: this page
 * simulates only the zones granted to it (zone-authority.ts sends their positions and states) and
 * shows the rest from the relay's position records. Spawns, commands and feedings are asked of the
 * relay, which tells every page (CreatureSink).
 */
import { COMMAND_STATE, creatureId, creatureNumber, type CreatureCommand, type CreatureInfo, type CreatureRecord, type CreatureSpawnRequest } from '../../protocol/creatures.ts';
import { zoneIdAt, type CreatureDrop, type CreatureJoin } from '../../protocol/net/creature-events.ts';
import { fail, ok, type Result } from '../../protocol/errors.ts';
import type { Vec3 } from '../../protocol/vec3.ts';
import { CREATURE_TYPES, statsAtLevel } from '../../engine/creatures/creature-types.ts';
import type { CreatureSink } from '../../net/creature-link.ts';
import type { CreatureFrame } from '../../scene/creature-frame.ts';
import { creatureInfo } from './creature-info.ts';
import { WILD, type CreatureSimPort, type SimEvent } from './sim-port.ts';
import type { CreatureHooks, SharedLink } from './service-deps.ts';

/** The owner key of tamed creatures whose owner is not in the world (peer ids are u16). */
const OFFLINE_OWNER = 65536;

export class CreatureService implements CreatureSink {
  readonly registry = new Map<number, CreatureRecord>();
  /** Creatures this page simulates (all of them single-player; its zones' in a shared world), n → zone. */
  readonly simulated = new Map<number, string>();
  /** Zones granted to this page (shared world only). */
  readonly myZones = new Set<string>();
  shared = false;
  myPeer = -1;
  private nextLocal = 1;

  constructor(
    readonly sim: CreatureSimPort,
    readonly frame: CreatureFrame,
    private readonly link: SharedLink,
    private readonly hooks: CreatureHooks,
  ) {}

  /** The owner key the simulation uses for a player id (peer id shared, 0 for me single-player). */
  ownerKey(owner: string | null): number {
    if (owner === null) return WILD;
    if (!this.shared) return owner === this.hooks.me() ? 0 : WILD;
    // An owner not in the world now keeps a key no player has: the creature stays tamed and waits.
    return this.hooks.peerOf(owner) ?? OFFLINE_OWNER;
  }

  private simulate(rec: CreatureRecord, zone: string): void {
    const n = creatureNumber(rec.creature_id);
    if (this.simulated.has(n)) this.sim.remove(n);
    this.simulated.set(n, zone);
    this.sim.add(rec, this.ownerKey(rec.owner));
    this.hooks.meta(n, rec);
  }

  private unsimulate(n: number): void {
    if (this.simulated.delete(n)) this.sim.remove(n);
  }

  /**
   * The terrain switched worlds (a scene load): the worker starts over on the new one (`reinit`).
   * Single-player creatures belonged to the old world and go; in a shared world the creatures this
   * page simulates are the new world's (the join came first), so they are added to the new worker.
   */
  worldChanged(reinit: () => void): void {
    const keep = this.shared ? [...this.simulated].flatMap(([n, zone]) => {
      const rec = this.registry.get(n);
      return rec ? [[rec, zone] as const] : [];
    }) : [];
    if (!this.shared) {
      for (const n of this.registry.keys()) this.hooks.forget(n);
      this.registry.clear();
    }
    this.simulated.clear();
    reinit();
    for (const [rec, zone] of keep) this.simulate(rec, zone);
  }

  /** Stops simulating a creature that left this page's zone (the relay gives it to that zone's authority). */
  release(n: number): void {
    this.unsimulate(n);
  }

  // ---- requests (control API, UI) ----

  async spawn(req: CreatureSpawnRequest, natural = false): Promise<Result<{ record: CreatureRecord; requested: Vec3 }>> {
    const placed = await this.sim.groundNear(req.creature_type, req.position);
    if (!placed) return fail('CONFLICT', `no ground within reach of (${req.position.x}, ${req.position.y}, ${req.position.z}) to put a ${req.creature_type} on`);
    const level = req.level ?? 1;
    if (this.shared) {
      const a = await this.link.request('sync_creature_spawn', { creature_type: req.creature_type, position: placed, level, ...(natural ? { natural } : {}) });
      if (!a.ok) return this.link.refusal(a.error);
      this.spawned(a.value.creature);
      return ok({ record: a.value.creature, requested: req.position });
    }
    const n = this.nextLocal++;
    const stats = statsAtLevel(CREATURE_TYPES[req.creature_type], level);
    const record: CreatureRecord = {
      creature_id: creatureId(n), creature_type: req.creature_type, level, position: placed, velocity: { x: 0, y: 0, z: 0 },
      health: stats.health, stamina: stats.stamina, state: 0, tamed: false, owner: null, taming: 0, seed: n * 2654435761 >>> 0, natural,
    };
    this.spawned(record);
    return ok({ record, requested: req.position });
  }

  async command(id: string, command: CreatureCommand, targetPlayer?: string): Promise<Result<{ creature_id: string; command: CreatureCommand }>> {
    const rec = this.registry.get(creatureNumber(id));
    if (!rec) return fail('RESOURCE_NOT_FOUND', `no creature ${id} in this world`);
    if (!this.shared) return fail('SERVICE_UNAVAILABLE', 'commands go to tamed creatures, and taming needs a shared world\'s inventory: this page is single-player (POST /connect)');
    const a = await this.link.request('sync_creature_command', { creature_id: id, command, ...(targetPlayer ? { parameters: { target_player: targetPlayer } } : {}) });
    return a.ok ? ok(a.value) : this.link.refusal(a.error);
  }

  async feed(id: string): Promise<Result<{ creature: CreatureRecord; fed: string; tamed: boolean }>> {
    if (!this.registry.has(creatureNumber(id))) return fail('RESOURCE_NOT_FOUND', `no creature ${id} in this world`);
    if (!this.shared) return fail('SERVICE_UNAVAILABLE', 'feeding spends food from the inventory, which a shared world keeps: this page is single-player (POST /connect)');
    const a = await this.link.request('creature_feed', { creature_id: id });
    if (!a.ok) return this.link.refusal(a.error);
    this.updated(a.value.creature);
    return ok(a.value);
  }

  info(id: string): Result<CreatureInfo> {
    const n = creatureNumber(id);
    const rec = this.registry.get(n);
    return rec ? ok(creatureInfo(rec, n, this.frame)) : fail('RESOURCE_NOT_FOUND', `no creature ${id} in this world`);
  }

  // ---- what the relay says (CreatureSink) and what the simulation reports ----

  joined(join: CreatureJoin, myPeer: number): void {
    this.reset();
    this.shared = true;
    this.myPeer = myPeer;
    for (const rec of join.creatures) this.spawned(rec);
    for (const [zone, peer] of Object.entries(join.authorities)) if (peer === myPeer) this.granted(zone, peer, undefined);
  }

  left(): void {
    this.reset();
    this.shared = false;
  }

  private reset(): void {
    this.sim.clear();
    for (const n of this.registry.keys()) this.hooks.forget(n);
    this.registry.clear();
    this.simulated.clear();
    this.myZones.clear();
  }

  spawned(rec: CreatureRecord): void {
    const n = creatureNumber(rec.creature_id);
    const known = this.registry.has(n);
    this.registry.set(n, rec);
    this.hooks.meta(n, rec);
    const zone = zoneIdAt(rec.position.x, rec.position.y, rec.position.z);
    if (!this.shared || this.myZones.has(zone)) this.simulate(rec, zone);
    if (!known) this.hooks.spawned(rec);
  }

  positions(records: Uint8Array): void {
    this.hooks.positions(records, this.simulated);
  }

  commanded(id: string, command: CreatureCommand, targetPlayer: string | undefined): void {
    const n = creatureNumber(id);
    const rec = this.registry.get(n);
    if (!rec) return;
    rec.state = COMMAND_STATE[command];
    const follow = command === 'follow' ? this.ownerKey(targetPlayer ?? rec.owner) : WILD;
    if (this.simulated.has(n)) this.sim.command(n, rec.state, follow);
    this.hooks.action({ creature_id: id, action: 'command', command });
  }

  updated(rec: CreatureRecord): void {
    const n = creatureNumber(rec.creature_id);
    const before = this.registry.get(n);
    this.registry.set(n, rec);
    this.hooks.meta(n, rec);
    // The relay moved it to another zone (it followed its owner over a border): that zone's authority runs it now.
    const zone = zoneIdAt(rec.position.x, rec.position.y, rec.position.z);
    if (this.shared && this.simulated.has(n) && this.simulated.get(n) !== zone) this.unsimulate(n);
    if (this.shared && !this.simulated.has(n) && this.myZones.has(zone)) this.simulate(rec, zone);
    else if (this.simulated.has(n) && before && (before.owner !== rec.owner || before.state !== rec.state)) {
      this.sim.setOwner(n, this.ownerKey(rec.owner));
      this.sim.command(n, rec.state, rec.state === COMMAND_STATE.follow ? this.ownerKey(rec.owner) : WILD);
    }
    if (before && !before.tamed && rec.tamed) this.hooks.action({ creature_id: rec.creature_id, action: 'tamed' });
  }

  removed(id: string, reason: 'died' | 'despawned', drop: CreatureDrop | undefined): void {
    const n = creatureNumber(id);
    this.unsimulate(n);
    this.registry.delete(n);
    this.hooks.forget(n);
    this.hooks.removed(id, reason, drop);
  }

  granted(zone: string, peer: number, creatures: CreatureRecord[] | undefined): void {
    if (peer !== this.myPeer) return this.revoked(zone);
    this.myZones.add(zone);
    // The grantee gets the zone's creatures as the relay last heard them; without a list (the join's
    // authorities), the zone's creatures are those the registry places in it.
    const list = creatures ?? [...this.registry.values()].filter((r) => zoneIdAt(r.position.x, r.position.y, r.position.z) === zone);
    for (const rec of list) {
      this.registry.set(creatureNumber(rec.creature_id), rec);
      this.simulate(rec, zone);
    }
  }

  revoked(zone: string): void {
    if (!this.myZones.delete(zone)) return;
    for (const [n, z] of [...this.simulated]) if (z === zone) this.unsimulate(n);
  }

  /** The simulation's events: telemetry, and single-player deaths (shared: the authority reports them). */
  simEvents(events: readonly SimEvent[]): void {
    for (const e of events) {
      if (e.kind === 'ready') this.hooks.ready(e.creatures, e.restored, e.restarts);
      else if (e.kind === 'error') this.hooks.error(e.message, e.restarts);
      else if (e.kind === 'struck') this.hooks.action({ creature_id: creatureId(e.n), action: 'attack', target_id: e.target > 0 ? creatureId(e.target) : null, damage: e.damage });
      else if (e.kind === 'died') {
        this.hooks.action({ creature_id: creatureId(e.n), action: 'died', target_id: e.killer > 0 ? creatureId(e.killer) : null });
        if (!this.shared) this.removed(creatureId(e.n), 'died', undefined);
      } else this.hooks.thinking(creatureId(e.n), e.kind, e.target > 0 ? creatureId(e.target) : null, e.state);
    }
  }
}
