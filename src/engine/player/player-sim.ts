/**
 * The player simulation: a walking body and a ship in one plain state object, advanced on a fixed
 * 1/120 s tick so the result does not depend on the frame rate and a recorded input sequence
 * replays identically (all maths is + - * / sqrt, see angles.ts). Each frame the game calls
 * step(frameSeconds, input) and then cameraPose(pose), which interpolates between the last two
 * ticks so motion is smooth at 72/90/144 Hz.
 *
 * Tick order: turn, move the body of the current mode (collision inside), fall/impact damage,
 * oxygen, then death and respawn. Commands (mode, teleport, spawn) live in player-commands.ts.
 */
import { DEFAULT_PLAYER_ID, type ModeRequest, type PlayerMode, type PlayerSnapshot, type SpawnRequest, type TeleportRequest } from '../../protocol/player.ts';
import type { Vec3 } from '../../protocol/vec3.ts';
import { wrapAngle } from './angles.ts';
import type { CollisionField } from './collision-field.ts';
import { FreeSpots } from './free-spot.ts';
import {
  EYE_HEIGHT, MAX_TICKS_PER_STEP, TICK_SECONDS, WALK_PITCH_RATE, WALK_TURN_RATE, clampUnit, clampPitch,
} from './player-constants.ts';
import { hover, setMode, spawn, teleport, type ModeOptions } from './player-commands.ts';
import { modeRequest, snapshotOf, teleportRequest } from './player-requests.ts';
import { PlayerEvents, type PlayerListener } from './player-events.ts';
import { createPlayerState, type CameraPose, type PlayerInput, type PlayerState } from './player-state.ts';
import { parkShipBeside, respawn, rideShip, type SimParts } from './placement.ts';
import { copyQuat, nlerpQuat, setQuatFromEulerYXZ } from './quaternion.ts';
import { ShapeMover } from './shape-mover.ts';
import { Spacecraft } from './spacecraft.ts';
import { Vitals } from './vitals.ts';
import { Walker } from './walker.ts';
import { applyVrMoves } from './vr-moves.ts';
import { TickClock } from '../tick-clock.ts';

export interface PlayerSimOptions {
  /** Whether the air at a point is breathable (bases, later); the ship always is. */
  isPressurised?: (x: number, y: number, z: number) => boolean;
  /** The game's shared fixed-tick clock (default: one of its own, at 1/120 s). */
  clock?: TickClock;
  /** Start with level flight (VR "snap vertical"); state.levelFlight can change it any time. */
  levelFlight?: boolean;
  /** Initial spawn point (feet) and yaw in radians; the ship parks beside it. */
  spawn?: { x: number; y: number; z: number; yaw?: number };
  playerId?: string;
}

const never = () => false;

export class PlayerSim implements SimParts {
  readonly state: PlayerState;
  readonly mover: ShapeMover;
  readonly spots: FreeSpots;
  readonly walker: Walker;
  readonly spacecraft: Spacecraft;
  readonly vitals = new Vitals();
  readonly events = new PlayerEvents();
  readonly playerId: string;
  private readonly isPressurised: (x: number, y: number, z: number) => boolean;
  readonly clock: TickClock;
  /** Pose at the previous tick, for render interpolation. */
  private readonly prev = { x: 0, y: 0, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 };

  constructor(readonly field: CollisionField, options: PlayerSimOptions = {}) {
    const sp = options.spawn ?? { x: 0, y: 0, z: 0 };
    this.state = createPlayerState(sp.x, sp.y, sp.z, sp.yaw ?? 0, options.levelFlight ?? false);
    this.mover = new ShapeMover(field);
    this.spots = new FreeSpots(this.mover);
    this.walker = new Walker(this.mover);
    this.spacecraft = new Spacecraft(this.mover);
    this.isPressurised = options.isPressurised ?? never;
    this.playerId = options.playerId ?? DEFAULT_PLAYER_ID;
    this.clock = options.clock ?? new TickClock(TICK_SECONDS, MAX_TICKS_PER_STEP);
    parkShipBeside(this);
  }

  /** Subscribes to 'died', 'respawned', 'mode', 'landed' and 'damaged'; returns the unsubscribe. */
  on(listener: PlayerListener): () => void { return this.events.on(listener); }

  /** Advances by a frame of dt seconds: mouse look and VR turns/teleports now, then whole ticks (at most 8; the rest is dropped). */
  step(dt: number, input: PlayerInput): number {
    return this.run(this.clock.advance(dt), input);
  }

  /** A frame whose clock the game has already advanced: look and VR moves once, then `ticks` ticks. */
  run(ticks: number, input: PlayerInput): number {
    this.look(input);
    applyVrMoves(this, input);
    for (let i = 0; i < ticks; i++) this.tick(input);
    return ticks;
  }

  /** Board ('spacecraft': within 6 m of the ship) or leave ('walking': ship slower than 3 m/s); force skips the rules. */
  setMode(mode: PlayerMode, options?: ModeOptions): ReturnType<typeof setMode> { return setMode(this, mode, options); }
  /** Moves the player (or the ship, in spacecraft mode) to a free spot; yaw in degrees. */
  teleport(position: Vec3, yawDeg?: number): ReturnType<typeof teleport> { return teleport(this, position, yawDeg); }
  /** Sets the spawn point and places the player there ({ position, rotation?, mode?, player_id? }). */
  spawn(request: SpawnRequest): ReturnType<typeof spawn> { return spawn(this, request); }
  /** In the ship, hovering still at a pose (degrees): loading, menus, camera placement. */
  hover(position: Vec3, yawDeg: number, pitchDeg: number): ReturnType<typeof hover> { return hover(this, position, yawDeg, pitchDeg); }
  /** Seed bodies: { position, rotation?, player_id? } and { mode, player_id?, force? }. */
  teleportRequest(body: TeleportRequest): ReturnType<typeof teleportRequest> { return teleportRequest(this, body); }
  modeRequest(body: ModeRequest): ReturnType<typeof modeRequest> { return modeRequest(this, body); }

  /** Eye position and view orientation for the current mode, interpolated between ticks. */
  cameraPose(out: CameraPose): CameraPose {
    const s = this.state, prev = this.prev;
    const t = this.clock.alpha;
    const walking = s.mode === 'walking';
    const body = walking ? s : s.ship;
    out.x = prev.x + (body.x - prev.x) * t;
    out.y = prev.y + (body.y - prev.y) * t + (walking ? EYE_HEIGHT : 0);
    out.z = prev.z + (body.z - prev.z) * t;
    if (walking) setQuatFromEulerYXZ(out, s.pitch, s.yaw, 0);
    else nlerpQuat(prev, s.ship, t, out);
    return out;
  }

  /** The seed's GET /player/position fields (without the timestamp), plus grounded/landed/speed. */
  snapshot(): PlayerSnapshot { return snapshotOf(this.state, this.playerId); }

  /** Forgets unsimulated frame time, so a recording and its replay start their ticks at the same instant. */
  resetClock(): void {
    this.clock.reset();
    this.savePrev();
  }

  /** Makes the next cameraPose() show the current state with no glide from the old one. */
  snapPose(): void {
    this.savePrev();
  }

  private look(input: PlayerInput): void {
    const s = this.state;
    const yaw = input.lookYaw || 0, pitch = input.lookPitch || 0;
    input.lookYaw = 0;
    input.lookPitch = 0;
    if (s.mode === 'walking') {
      s.yaw = wrapAngle(s.yaw + yaw);
      s.pitch = clampPitch(s.pitch + pitch);
    } else {
      // Turn the interpolation start too, or the mouse would lag a tick behind.
      this.spacecraft.look(s.ship, yaw, pitch, s.levelFlight);
      this.spacecraft.look(this.prev, yaw, pitch, s.levelFlight);
    }
  }

  private tick(input: PlayerInput): void {
    const s = this.state, dt = TICK_SECONDS, vitals = this.vitals;
    s.ticks++;
    this.savePrev();
    vitals.begin();
    let pressurised: boolean;
    if (s.mode === 'walking') {
      s.yaw = wrapAngle(s.yaw + clampUnit(input.turnYaw) * WALK_TURN_RATE * dt);
      s.pitch = clampPitch(s.pitch + clampUnit(input.turnPitch) * WALK_PITCH_RATE * dt);
      this.walker.tick(s, input, dt);
      if (this.walker.landingSpeed > 0) vitals.fall(s, this.walker.landingSpeed);
      pressurised = this.isPressurised(s.x, s.y, s.z);
    } else {
      const craft = this.spacecraft;
      s.held = craft.tick(s.ship, input, s.levelFlight, dt);
      rideShip(s);
      if (craft.impact > 0) vitals.shipImpact(s, craft.impact);
      if (craft.touchedDown) this.events.emit({ type: 'landed', position: { x: s.ship.x, y: s.ship.y, z: s.ship.z } });
      pressurised = true;
    }
    vitals.breathe(s, pressurised, dt);
    if (vitals.reportable > 0) {
      this.events.emit({ type: 'damaged', amount: Math.round(vitals.reportable * 10) / 10, cause: vitals.cause, health: s.health });
    }
    if (s.health <= 0) this.die();
  }

  private die(): void {
    const s = this.state;
    const at = s.mode === 'walking' ? s : s.ship;
    s.alive = false;
    s.deaths++;
    this.events.emit({ type: 'died', cause: this.vitals.cause, position: { x: at.x, y: at.y, z: at.z }, deaths: s.deaths });
    respawn(this);
    this.events.emit({ type: 'respawned', position: { x: s.x, y: s.y, z: s.z } });
  }

  private savePrev(): void {
    const s = this.state, prev = this.prev;
    const body = s.mode === 'walking' ? s : s.ship;
    prev.x = body.x; prev.y = body.y; prev.z = body.z;
    copyQuat(s.ship, prev);
  }
}
