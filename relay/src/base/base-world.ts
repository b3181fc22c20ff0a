/**
 * One world's base layer on the relay (issue 12): its structures, the power grid they form and the
 * world clock that drives the sun. The relay is the one simulator: it runs the engine's grid
 * (engine/base/power-grid.ts) at its fixed 10 Hz tick while the world is open, tells the world what
 * changed (power_grid_update per changed network, sync_structure_state per changed structure), and
 * saves battery charges and switches to `structures.state` every SAVE_EVERY_MS and when it closes.
 * Pages show the relay's figures; single-player, a page runs the same grid itself. Fabricator jobs
 * (fabricator-jobs.ts) run on the same ticks and are saved with their fabricator's state.
 *
 * Offline time is not simulated: the clock runs on (it is wall time), but a grid resumes from its
 * saved charges when the world opens again.
 */
import type { NetworkReport } from '../../../src/engine/base/power-report.ts';
import { networkReport, structurePower } from '../../../src/engine/base/power-report.ts';
import { PowerGrid } from '../../../src/engine/base/power-grid.ts';
import { WorldClock } from '../../../src/engine/base/world-clock.ts';
import { windFactorQ16 } from '../../../src/engine/base/wind.ts';
import { givesOxygen } from '../../../src/engine/base/oxygen.ts';
import { STRUCTURE_TYPES, type StructureTypeId } from '../../../src/engine/base/structure-types.ts';
import type { FabricatorUpdate, StructureInfo, StructureState, WorldClockInfo } from '../../../src/protocol/net/base-events.ts';
import type { CraftJob } from '../../../src/engine/crafting/craft-job.ts';
import type { StructureRow, StructuresRepo } from '../db/structures-repo.ts';
import { FabricatorJobs, jobInfo, parseSavedJob, type RunningJob } from './fabricator-jobs.ts';

/** Ticks run at most this far behind before the grid skips ahead (a stalled event loop must not spiral). */
const MAX_CATCH_UP_TICKS = 50;
export const SAVE_EVERY_MS = 10_000;

export interface BaseWorldDeps {
  worldId: number;
  seed: number;
  /** World time is now - epochMs. */
  epochMs: number;
  repo: StructuresRepo;
  /** Public player id of a users row (for StructureInfo.owner_id). */
  playerIdOf(dbId: number | null): string;
  broadcast: { gridUpdate(networks: NetworkReport[], gone: string[], tick: number): void; state(id: string, state: StructureState): void };
  /** Fabricator jobs: progress to tell the world, and finished jobs whose outputs are due (left out: a finished job just ends). */
  fabricator?: { update(u: FabricatorUpdate): void; finished(job: RunningJob): void };
  now?: () => number;
}

export interface PlacedEntry { info: StructureInfo; ownerDb: number | null; n: number; type: StructureTypeId }

export const numberOf = (structureId: string): number => Number(structureId.slice('structure_'.length));

export class BaseWorld {
  readonly grid = new PowerGrid();
  readonly clock = new WorldClock();
  readonly structures = new Map<string, PlacedEntry>();
  readonly jobs: FabricatorJobs;
  private readonly lastState = new Map<string, string>();
  private lastReports = new Map<string, string>();
  private tickDone: number;
  private epochMs: number;
  private readonly now: () => number;
  /** A job started or ended: structure states go out on the next step even if the grid did not change. */
  private stateDirty = false;

  constructor(private readonly d: BaseWorldDeps, rows: StructureRow[]) {
    this.now = d.now ?? Date.now;
    this.epochMs = d.epochMs;
    this.jobs = new FabricatorJobs(this.grid, {
      progress: (u) => d.fabricator?.update(u),
      finished: (job) => { this.stateDirty = true; d.fabricator?.finished(job); },
    });
    for (const r of rows) this.install(r);
    this.tickDone = this.currentTick();
    // One tick at once, so the first joiners see real statuses (a switched-off consumer as disabled), not blank results.
    this.grid.tick(this.clock.solarFactorQ16(this.tickDone), windFactorQ16(this.d.seed, this.tickDone));
    this.announce();
  }

  /** Adds a stored or new structure to the grid (battery charge and switch from its state). */
  install(r: StructureRow): PlacedEntry {
    const n = numberOf(r.structure_id);
    const type = r.structure_type as StructureTypeId;
    const enabled = r.state.enabled !== false;
    this.grid.add({ id: n, type, x: r.position.x, y: r.position.y, z: r.position.z, enabled, health: r.health });
    const charge = Number(r.state.charge_mj);
    if (Number.isFinite(charge) && charge > 0) {
      const s = this.grid.store.slotOf(n);
      this.grid.store.chargeMj[s] = Math.min(charge, Math.round(STRUCTURE_TYPES[type].capacityWh * 3_600_000));
    }
    const entry: PlacedEntry = {
      n, type, ownerDb: r.owner_id,
      info: {
        structure_id: r.structure_id, structure_type: r.structure_type, position: r.position, rotation: r.rotation,
        owner_id: this.d.playerIdOf(r.owner_id), health: r.health, enabled, built_at: r.created_at,
      },
    };
    this.structures.set(r.structure_id, entry);
    const saved = type === 'fabricator' && r.owner_id !== null ? parseSavedJob(r.state.job) : null;
    if (saved) this.jobs.start(r.structure_id, n, saved, { dbId: r.owner_id!, playerId: entry.info.owner_id, name: saved.owner_name });
    return entry;
  }

  uninstall(structureId: string): PlacedEntry | null {
    const e = this.structures.get(structureId);
    if (!e) return null;
    this.jobs.cancel(structureId);
    this.grid.remove(e.n);
    this.structures.delete(structureId);
    this.lastState.delete(structureId);
    return e;
  }

  setEnabled(e: PlacedEntry, enabled: boolean): void {
    e.info.enabled = enabled;
    this.grid.setEnabled(e.n, enabled);
  }

  /** Starts a job on a fabricator whose inputs are paid; its demand goes on at once. */
  startJob(e: PlacedEntry, job: CraftJob, owner: RunningJob['owner']): RunningJob {
    this.stateDirty = true;
    return this.jobs.start(e.info.structure_id, e.n, job, owner);
  }

  /** Stops a fabricator's job unfinished (the caller refunds its inputs). */
  cancelJob(structureId: string): RunningJob | null {
    const job = this.jobs.cancel(structureId);
    if (job) this.stateDirty = true;
    return job;
  }

  currentTick(): number {
    return this.clock.tickAt(Math.max(0, this.now() - this.epochMs));
  }

  clockInfo(): WorldClockInfo {
    const c = this.clock.config;
    return { tick: this.currentTick(), tick_hz: c.tickHz, day_length_s: c.dayLengthSeconds, start_time_of_day: c.startTimeOfDay };
  }

  /** Moves the clock so it is `timeOfDay` now (same day); returns the new epoch to store. */
  setTimeOfDay(timeOfDay: number): number {
    const tick = this.currentTick();
    const dayStart = tick - this.clock.dayTick(tick);
    // dayStart is the tick of this day's midnight (it may be before tick 0 on the first day: then go a day on).
    let wanted = dayStart + Math.round(timeOfDay * this.clock.ticksPerDay);
    while (wanted < 0) wanted += this.clock.ticksPerDay;
    this.epochMs = this.now() - Math.round((wanted * 1000) / this.clock.config.tickHz);
    this.tickDone = this.currentTick();
    return this.epochMs;
  }

  state(e: PlacedEntry): StructureState {
    const p = structurePower(this.grid, e.n);
    const job = this.jobs.get(e.info.structure_id);
    return {
      health: e.info.health, enabled: e.info.enabled, powered: p?.powered ?? false, status: p?.status ?? 'idle', output: p?.output ?? 0,
      oxygen: givesOxygen(this.grid, e.n), ...(job ? { job: jobInfo(job) } : {}),
    };
  }

  reports(): NetworkReport[] {
    this.grid.ensureTopology();
    const out: NetworkReport[] = [];
    for (let n = 0; n < this.grid.networks.count; n++) out.push(networkReport(this.grid, n));
    return out;
  }

  /** Runs the ticks wall time has reached, then announces what changed. */
  step(): void {
    const target = this.currentTick();
    if (target - this.tickDone > MAX_CATCH_UP_TICKS) this.tickDone = target - MAX_CATCH_UP_TICKS;
    let changed = false;
    while (this.tickDone < target) {
      this.tickDone++;
      const t = this.tickDone;
      if (this.grid.tick(this.clock.solarFactorQ16(t), windFactorQ16(this.d.seed, t))) changed = true;
      this.jobs.afterTick();
    }
    this.jobs.announce();
    if (changed || this.stateDirty) this.announce();
  }

  /**
   * Several ticks may run in one step and the grid's per-network flags describe the last one only,
   * so what changed is found by comparing each network's report with the one last sent.
   */
  private announce(): void {
    this.stateDirty = false;
    const nets = this.grid.networks, changed: NetworkReport[] = [];
    const sent = new Map<string, string>();
    for (let n = 0; n < nets.count; n++) {
      const r = networkReport(this.grid, n);
      const json = JSON.stringify(r);
      sent.set(r.base_id, json);
      if (this.lastReports.get(r.base_id) !== json) changed.push(r);
    }
    const gone = [...this.lastReports.keys()].filter((b) => !sent.has(b));
    this.lastReports = sent;
    if (changed.length || gone.length) this.d.broadcast.gridUpdate(changed, gone, this.tickDone);
    for (const [id, e] of this.structures) {
      const s = this.state(e);
      // A job's recipe, not its progress: progress goes out as fabricator_update, a tenth at a time.
      const key = `${s.health}|${s.enabled}|${s.powered}|${s.status}|${s.output}|${s.oxygen}|${s.job?.recipe_id ?? ''}`;
      if (this.lastState.get(id) === key) continue;
      this.lastState.set(id, key);
      this.d.broadcast.state(id, s);
    }
  }

  /** Battery charges, switches and fabricator jobs, for structures.state. */
  saveList(): Array<{ structure_id: string; health: number; state: Record<string, unknown> }> {
    const out = [];
    for (const id of this.structures.keys()) out.push(this.saveEntry(id)!);
    return out;
  }

  /** One structure's saveList entry (none when it is gone). */
  saveEntry(id: string): { structure_id: string; health: number; state: Record<string, unknown> } | null {
    const e = this.structures.get(id);
    if (!e) return null;
    const s = this.grid.store.slotOf(e.n);
    const charge = s >= 0 ? this.grid.store.chargeMj[s] : 0;
    const job = this.jobs.saved(id);
    return { structure_id: id, health: e.info.health, state: { enabled: e.info.enabled, ...(charge > 0 ? { charge_mj: charge } : {}), ...(job ? { job } : {}) } };
  }
}
