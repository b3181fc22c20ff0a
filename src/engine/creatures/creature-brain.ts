/**
 * The creature AI's fixed 20 Hz tick over the structure-of-arrays store. Per creature, in slot
 * order: perceive (staggered), choose a desired velocity from its state, add separation, go around
 * obstacles, turn it into motion with limited acceleration, then stick walkers to the ground and
 * keep flyers in their height band. Combat resolves inside the attacker's turn.
 *
 * Deterministic: the only inputs are the store, the world's answers and dt, the only maths is
 * + - * / sqrt, and randomness comes from each creature's own xorshift state. Allocation-free: the
 * grid and the scratch arrays live on the brain and are reused every tick.
 */
import { CreatureState, NO_ID, type CreatureStore } from './creature-store.ts';
import { SpatialGrid } from './spatial-grid.ts';
import { TYPE_FLEES, TYPE_FLYER, TYPE_HOSTILE, TYPE_RADIUS, type CreatureWorld } from './creature-world.ts';
import { isWildHostile, liveSlot, nearestEnemy } from './perception.ts';
import { arrive, flee, separate, wander, DIST, DT, DX, DZ, IO_SIZE, SLOW, SPEED, STOP, TX, TZ, WEIGHT } from './steering.ts';
import { avoidObstacles } from './obstacles.ts';
import { strike, ATTACK_REACH, STRIKE_COOLDOWN_TICKS } from './combat.ts';
import { keepFlyerInBand } from './flight.ts';
import { SimEventKind, type EventRing } from './event-ring.ts';

export const TICK_HZ = 20;
export const TICK_DT = 1 / TICK_HZ;
/** Perception runs for a quarter of the creatures each tick (by id), the costliest query spread out. */
const PERCEIVE_EVERY = 4;
const FOLLOW_STOP = 2.5;
const FOLLOW_SLOW = 8;
const STROLL = 0.4;
const FOLLOW_WANDER = 0.25;
const SEPARATION_WEIGHT = 1.5;
/** Reach top speed in a quarter second. */
const ACCEL_PER_SPEED = 4;
const STAMINA_DRAIN_PER_S = 10;
const STAMINA_REGEN_PER_S = 5;

export class CreatureBrain {
  /** 4 m cells: separation looks 3 m around (a 2×2 or 3×3 block), sight 16–30 m (9×9 to 16×16). */
  readonly grid = new SpatialGrid(4);
  /** Numbers passed between the tick's functions (steering.ts says why not as arguments). */
  private readonly io = new Float64Array(IO_SIZE);
  private readonly probe = new Float64Array(8);
  private readonly owner = new Float64Array(3);
  /** Where the tick reports kills, strikes and new targets; none when null (tests, the bench). */
  events: EventRing | null = null;

  tick(store: CreatureStore, world: CreatureWorld, dt: number = TICK_DT): void {
    this.grid.build(store);
    this.io[DT] = dt;
    const tickNo = store.tickCount++;
    for (let s = 0; s < store.count; s++) {
      if (!store.dead[s]) this.step(store, world, s, ((store.id[s] + tickNo) & (PERCEIVE_EVERY - 1)) === 0);
    }
  }

  private step(store: CreatureStore, world: CreatureWorld, s: number, perceive: boolean): void {
    const t = store.type[s], io = this.io, dt = io[DT];
    const stamina = store.stamina[s];
    const speed = stamina > 0 ? store.speed[s] : store.speed[s] * 0.5;
    io[SPEED] = speed;
    let state = store.state[s];
    let target = liveSlot(store, store.target[s]);
    if (target < 0) store.target[s] = NO_ID;
    if (perceive && state !== CreatureState.Stay && state !== CreatureState.Passive && state !== CreatureState.Follow) {
      const hunts = state === CreatureState.Aggressive || isWildHostile(store, s);
      if (hunts || TYPE_FLEES[t] === 1) {
        const id = nearestEnemy(store, this.grid, s), before = store.target[s];
        store.target[s] = id;
        target = liveSlot(store, id);
        if (TYPE_FLEES[t] === 1 && !hunts) state = target >= 0 ? CreatureState.Flee : state === CreatureState.Flee ? CreatureState.Wander : state;
        store.state[s] = state;
        if (id !== before && id !== NO_ID && this.events !== null) {
          const e = this.events.push(SimEventKind.Thinking, store.id[s], id);
          if (e >= 0) this.events.value[e] = hunts ? 0 : 1;
        }
      }
    }
    io[DX] = 0; io[DZ] = 0;
    if (store.cooldown[s] > 0) store.cooldown[s]--;
    if (state === CreatureState.Stay) { store.vx[s] = 0; store.vy[s] = 0; store.vz[s] = 0; return; }

    let sprint = false;
    if (state === CreatureState.Flee && target >= 0) {
      io[TX] = store.x[target]; io[TZ] = store.z[target];
      flee(store, s, io);
      sprint = true;
    } else if (target >= 0 && (state === CreatureState.Aggressive || (TYPE_HOSTILE[t] === 1 && store.owner[s] < 0 && state !== CreatureState.Passive))) {
      const reach = TYPE_RADIUS[t] + TYPE_RADIUS[store.type[target]] + ATTACK_REACH;
      io[TX] = store.x[target]; io[TZ] = store.z[target]; io[STOP] = reach * 0.8; io[SLOW] = reach;
      arrive(store, s, io);
      if (io[DIST] <= reach && store.cooldown[s] === 0) { this.strike(store, s, target); store.cooldown[s] = STRIKE_COOLDOWN_TICKS; }
      sprint = true;
    } else if (state === CreatureState.Follow || (state === CreatureState.Aggressive && store.owner[s] >= 0)) {
      if (world.ownerPosition(store.leader[s], this.owner)) {
        io[TX] = this.owner[0]; io[TZ] = this.owner[2]; io[STOP] = FOLLOW_STOP; io[SLOW] = FOLLOW_SLOW;
        arrive(store, s, io);
      }
      io[WEIGHT] = FOLLOW_WANDER;
      wander(store, s, io);
    } else {
      io[WEIGHT] = STROLL;
      wander(store, s, io);
    }
    io[WEIGHT] = SEPARATION_WEIGHT;
    separate(store, this.grid, s, io);
    const flyer = TYPE_FLYER[t] === 1, probe = this.probe;
    if (!flyer) avoidObstacles(store, world, s, io, probe);
    this.move(store, s);
    if (flyer) keepFlyerInBand(store, world, s, io, probe);
    else { probe[0] = store.x[s]; probe[1] = store.y[s]; probe[2] = store.z[s]; world.groundAt(probe); store.y[s] = probe[1]; store.vy[s] = 0; }
    const drain = sprint ? -STAMINA_DRAIN_PER_S : STAMINA_REGEN_PER_S;
    store.stamina[s] = Math.max(0, Math.min(store.maxStamina[s], stamina + drain * dt));
  }

  /** Slot s strikes slot target, reporting the strike and a kill. */
  private strike(store: CreatureStore, s: number, target: number): void {
    const before = store.health[target];
    const killed = strike(store, s, target);
    const events = this.events;
    if (events === null) return;
    let e = events.push(SimEventKind.Struck, store.id[s], store.id[target]);
    if (e >= 0) events.value[e] = before - store.health[target];
    if (!killed) return;
    e = events.push(SimEventKind.Died, store.id[target], store.id[s]);
    if (e >= 0) { events.x[e] = store.x[target]; events.y[e] = store.y[target]; events.z[e] = store.z[target]; }
  }

  /** Desired velocity (clamped to speed) → velocity with limited acceleration → position and heading. */
  private move(store: CreatureStore, s: number): void {
    const io = this.io, speed = io[SPEED], dt = io[DT];
    let dx = io[DX], dz = io[DZ];
    const dl = Math.sqrt(dx * dx + dz * dz);
    if (dl > speed) { dx = (dx / dl) * speed; dz = (dz / dl) * speed; }
    let ax = dx - store.vx[s], az = dz - store.vz[s];
    const al = Math.sqrt(ax * ax + az * az), maxDv = speed * ACCEL_PER_SPEED * dt;
    if (al > maxDv) { ax = (ax / al) * maxDv; az = (az / al) * maxDv; }
    const vx = store.vx[s] + ax, vz = store.vz[s] + az;
    store.vx[s] = vx; store.vz[s] = vz;
    store.x[s] += vx * dt; store.z[s] += vz * dt;
    const v = Math.sqrt(vx * vx + vz * vz);
    if (v > 0.05) { store.headX[s] = vx / v; store.headZ[s] = vz / v; }
  }
}
