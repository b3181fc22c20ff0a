/**
 * The creature simulation as a Web Worker exposes it through Comlink:
 *   Comlink.expose(createCreatureApi({ transfer: Comlink.transfer, now: () => performance.now() }))
 * Every method validates its input with zod and answers a Result in seed 000's error format; bad
 * input never throws and changes nothing. The worker runs its own fixed 20 Hz loop (an accumulator
 * on a timer, at most MAX_CATCH_UP ticks per wake-up) and after each tick calls the main thread
 * back with the render snapshot (transferred), the tick's events and, every SAVE_EVERY_TICKS, a
 * save to restore from if the worker dies.
 *
 * Inputs (spawn, remove, command, setOwner, setPlayers, clear) are counted as they arrive, refused
 * ones too, and a save carries the count: a client that logs the input calls it sends knows which
 * ones a save already holds, and re-sends the rest to a replacement worker.
 */
import { z } from 'zod';
import { fail, ok, zodFailure, type Result } from '../../protocol/errors.ts';
import { BrushEditSchema, WorldInitSchema, type WorldKind } from '../../protocol/terrain.ts';
import type { Vec3 } from '../../protocol/vec3.ts';
import { decodeChunk } from '../chunk-codec.ts';
import { ChunkSnapshotSchema, isSnapshot, type TerrainOp } from '../terrain-service.ts';
import { CreatureSim } from './creature-sim.ts';
import { VoxelCreatureWorld } from './voxel-creature-world.ts';
import { CREATURE_TYPE_IDS } from './creature-types.ts';
import { TICK_DT } from './creature-brain.ts';
import { saveProblem } from './sim-save.ts';
import type { SimEvent } from './sim-events.ts';
import {
  CommandStateSchema, CreatureNumberSchema, GroundNearSchema, PlayerKeySchema, PlayersSchema, SavedSchema, SpawnInputSchema, StepSchema,
  type SavedCreatures,
} from './creature-api-schemas.ts';

export const TICK_MS = TICK_DT * 1000;
/** Ticks run at most per wake-up: a worker that fell behind catches up a little and drops the rest. */
export const MAX_CATCH_UP = 3;
/** A save goes with every this many ticks' message (one a second at 20 Hz). */
export const SAVE_EVERY_TICKS = 20;

/** What the worker sends after each tick. `snapshot` is transferred: hand it back with recycle(). */
export interface CreatureTickMessage {
  tick: number;
  snapshot: Float32Array;
  events: SimEvent[];
  save?: SavedCreatures;
}

export interface CreatureApiOptions {
  transfer?: <T>(value: T, transferables: Transferable[]) => T;
  /** Milliseconds, monotonic (performance.now in a worker). */
  now?: () => number;
  /** Runs `fn` later, outside the current call; crash() throws from there. */
  later?: (fn: () => void) => void;
  /** The loop's timer (setInterval / clearInterval if omitted). */
  every?: (fn: () => void, ms: number) => unknown;
  cancel?: (handle: unknown) => void;
}

const ReplaySchema = z.array(z.union([ChunkSnapshotSchema, BrushEditSchema]));
const n = CreatureNumberSchema;
const notFound = <T>(id: number): Result<T> => fail('RESOURCE_NOT_FOUND', `creature_${id} is not simulated here`);
const notReady = <T>(): Result<T> => fail('SERVICE_UNAVAILABLE', 'the creature simulation has no world yet: call init first');

export function createCreatureApi(opts: CreatureApiOptions = {}) {
  const transfer = opts.transfer ?? (<T>(value: T) => value);
  const now = opts.now ?? (() => performance.now());
  const later = opts.later ?? ((fn: () => void) => { setTimeout(fn); });
  const every = opts.every ?? ((fn: () => void, ms: number) => setInterval(fn, ms));
  const cancel = opts.cancel ?? ((h: unknown) => clearInterval(h as ReturnType<typeof setInterval>));
  let world: VoxelCreatureWorld | null = null;
  let sim: CreatureSim | null = null;
  let inputs = 0;
  let listener: ((m: CreatureTickMessage) => unknown) | null = null;
  let timer: unknown = null;
  let paused = false;
  let last = 0, behind = 0;

  const save = (s: CreatureSim): SavedCreatures => ({ state: s.saveState(), inputs, tick: s.tick });

  function tickOnce(s: CreatureSim): void {
    s.step();
    const events = s.drainEvents();
    const snapshot = s.packSnapshot();
    if (!listener) { s.recycle(snapshot); return; }
    const message: CreatureTickMessage = { tick: s.tick, snapshot, events };
    const buffers: Transferable[] = [snapshot.buffer];
    if (s.tick % SAVE_EVERY_TICKS === 0) { message.save = save(s); buffers.push(message.save.state.buffer); }
    void listener(transfer(message, buffers));
  }

  function pump(): void {
    const t = now();
    behind += t - last;
    last = t;
    if (!sim || paused) { behind = 0; return; }
    let ran = 0;
    while (behind >= TICK_MS && ran < MAX_CATCH_UP) { tickOnce(sim); behind -= TICK_MS; ran++; }
    if (behind >= TICK_MS) behind = 0; // too far behind: drop it rather than spiral
  }

  /** Counts an input call, then runs it if the sim exists and the check passes. */
  function input<T>(run: (s: CreatureSim) => Result<T>): Result<T> {
    inputs++;
    return sim ? run(sim) : notReady();
  }

  return {
    /** Starts a fresh world (no creatures, no ops) for `seed` and `kind`, like the terrain worker's init. */
    init(input: unknown): Result<{ seed: number; kind: WorldKind }> {
      const p = WorldInitSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      world = new VoxelCreatureWorld(p.data);
      sim = new CreatureSim(world, 256);
      inputs = 0;
      return ok({ seed: p.data.seed, kind: p.data.kind });
    },

    /** Applies terrain ops (edits and deflated chunk snapshots) in order; all are checked before any applies. */
    terrainOps(input: unknown): Result<{ applied: number; ops: number }> {
      if (!world) return notReady();
      const p = ReplaySchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      const ops = p.data as TerrainOp[], inflated: Array<Uint8Array | null> = [];
      for (const op of ops) {
        if (!isSnapshot(op)) { inflated.push(null); continue; }
        const bytes = decodeChunk(op.data);
        if (!bytes.ok) return bytes;
        inflated.push(bytes.value);
      }
      const w = world;
      ops.forEach((op, i) => (isSnapshot(op) ? w.loadChunk(op.cx, op.cy, op.cz, inflated[i]!) : w.applyEdit(op)));
      return ok({ applied: ops.length, ops: w.ops });
    },

    /** Where a creature of this type would stand nearest to `position` (not an input: nothing changes). */
    groundNear(input: unknown): Result<Vec3> {
      if (!sim) return notReady();
      const p = GroundNearSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      const { x, y, z } = p.data.position;
      return ok(sim.groundNear(x, y, z, CREATURE_TYPE_IDS.indexOf(p.data.type)));
    },

    /** Adds a creature at the next tick, on the ground nearest its position; answers where. */
    spawn(input: unknown): Result<Vec3> {
      return spawnInput(input);
    },

    remove(id: unknown): Result<{ n: number }> {
      return input((s) => {
        const p = n.safeParse(id);
        if (!p.success) return zodFailure(p.error);
        if (!s.has(p.data)) return notFound(p.data);
        s.remove(p.data);
        return ok({ n: p.data });
      });
    },

    /** A command state (0..4, COMMAND_STATE) and, for follow, whom (a player key; its owner if omitted or -1). */
    command(id: unknown, state: unknown, followKey?: unknown): Result<{ n: number; state: number }> {
      return input((s) => {
        const p = z.tuple([n, CommandStateSchema, PlayerKeySchema.optional()]).safeParse([id, state, followKey]);
        if (!p.success) return zodFailure(p.error);
        if (!s.has(p.data[0])) return notFound(p.data[0]);
        s.command(p.data[0], p.data[1], p.data[2] ?? -1);
        return ok({ n: p.data[0], state: p.data[1] });
      });
    },

    /** Tames (a player key) or frees (-1) a creature. */
    setOwner(id: unknown, ownerKey: unknown): Result<{ n: number; ownerKey: number }> {
      return input((s) => {
        const p = z.tuple([n, PlayerKeySchema]).safeParse([id, ownerKey]);
        if (!p.success) return zodFailure(p.error);
        if (!s.has(p.data[0])) return notFound(p.data[0]);
        s.setOwner(p.data[0], p.data[1]);
        return ok({ n: p.data[0], ownerKey: p.data[1] });
      });
    },

    /** The players' positions, [key, x, y, z] per player (replaces the last list at the next tick). */
    setPlayers(packed: unknown): Result<{ players: number }> {
      return input((s) => {
        const p = PlayersSchema.safeParse(packed);
        if (!p.success) return zodFailure(p.error);
        s.setPlayers(p.data);
        return ok({ players: p.data.length / 4 });
      });
    },

    /** Removes every creature (at the next tick). */
    clear(): Result<{ cleared: true }> {
      return input((s) => { s.clear(); return ok({ cleared: true as const }); });
    },

    /** Starts the 20 Hz loop, calling `onTick` (a Comlink.proxy from the main thread) after every tick. */
    start(onTick: unknown): Result<{ tick: number }> {
      if (typeof onTick !== 'function') return fail('INVALID_PARAMETER', 'onTick must be a function (Comlink.proxy)');
      if (!sim) return notReady();
      listener = onTick as (m: CreatureTickMessage) => unknown;
      if (timer === null) { last = now(); behind = 0; timer = every(pump, TICK_MS / 2); }
      return ok({ tick: sim.tick });
    },

    stop(): Result<{ tick: number }> {
      if (timer !== null) cancel(timer);
      timer = null;
      listener = null;
      return ok({ tick: sim?.tick ?? 0 });
    },

    /** Holds the loop (tests, a paused game); step() still runs ticks. */
    pause(): Result<{ paused: true }> { paused = true; return ok({ paused: true as const }); },
    resume(): Result<{ paused: false }> { paused = false; last = now(); behind = 0; return ok({ paused: false as const }); },

    /** Runs `count` ticks now, each reported to the listener like the loop's. */
    step(count: unknown = 1): Result<{ tick: number }> {
      const p = StepSchema.safeParse(count);
      if (!p.success) return zodFailure(p.error);
      if (!sim) return notReady();
      for (let i = 0; i < p.data; i++) tickOnce(sim);
      return ok({ tick: sim.tick });
    },

    /** The whole state now (transferred), with the count of input calls it holds. */
    saveState(): Result<SavedCreatures> {
      if (!sim) return notReady();
      const saved = save(sim);
      return transfer(ok(saved), [saved.state.buffer]);
    },

    /** Replaces the creatures with a save (from saveState or a tick message); the input count becomes the save's. */
    restoreState(input: unknown): Result<{ tick: number; count: number }> {
      if (!sim) return notReady();
      const p = SavedSchema.safeParse(input);
      if (!p.success) return zodFailure(p.error);
      const problem = saveProblem(p.data.state, sim.store.arrays().length);
      if (problem) return fail('INVALID_PARAMETER', `state: ${problem}`);
      sim.restoreState(p.data.state);
      inputs = p.data.inputs;
      return ok({ tick: sim.tick, count: sim.count });
    },

    /** Hands a snapshot buffer back so the next ones reuse it. */
    recycle(buffer: unknown): void {
      if (sim && buffer instanceof Float32Array) sim.recycle(buffer);
    },

    status(): { ready: boolean; tick: number; count: number; inputs: number; running: boolean; paused: boolean } {
      return { ready: sim !== null, tick: sim?.tick ?? 0, count: sim?.count ?? 0, inputs, running: timer !== null, paused };
    },

    /** Test hook: the worker throws from a later task (its `error` event), as the terrain worker's does. */
    crash(): void {
      later(() => { throw new Error('creature worker crash requested (test hook)'); });
    },
  };

  function spawnInput(raw: unknown): Result<Vec3> {
    return input((s) => {
      const p = SpawnInputSchema.safeParse(raw);
      if (!p.success) return zodFailure(p.error);
      const c = p.data;
      if (s.has(c.n)) return fail('CONFLICT', `creature_${c.n} is already simulated here`);
      return ok(s.spawn({
        n: c.n, type: CREATURE_TYPE_IDS.indexOf(c.type), level: c.level, x: c.position.x, y: c.position.y, z: c.position.z,
        vx: c.velocity?.x ?? 0, vy: c.velocity?.y ?? 0, vz: c.velocity?.z ?? 0, health: c.health ?? Infinity, stamina: c.stamina ?? Infinity,
        state: c.state ?? 0, ownerKey: c.ownerKey ?? -1, followKey: c.followKey ?? -1, seed: c.seed ?? c.n,
      }));
    });
  }
}

export type CreatureApi = ReturnType<typeof createCreatureApi>;
