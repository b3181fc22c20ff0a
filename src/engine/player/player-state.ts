/**
 * The data the player sim mutates in place and the renderer/HUD read every frame: one plain object
 * (PlayerState), the input the controls write (PlayerInput) and the camera pose the sim writes
 * (CameraPose). Creating them is the only allocation; step() reuses them.
 */
import type { PlayerMode } from '../../protocol/player.ts';
import { MAX_HEALTH, MAX_OXYGEN } from './player-constants.ts';

export interface ShipState {
  x: number; y: number; z: number;
  vx: number; vy: number; vz: number;
  /** Orientation; identity looks toward -z with +y up. */
  qx: number; qy: number; qz: number; qw: number;
  /** Smoothed angular rates about the ship's own x (pitch), y (yaw) and z (roll) axes, rad/s. */
  wx: number; wy: number; wz: number;
  /** Resting on the ground: no motion until thrust is given. */
  landed: boolean;
}

export interface SpawnPoint { x: number; y: number; z: number; yaw: number; pitch: number }

export interface PlayerState {
  mode: PlayerMode;
  /** Walking body: feet position and velocity. */
  x: number; y: number; z: number;
  vx: number; vy: number; vz: number;
  /** View yaw (0 looks toward -z, positive turns left) and pitch (positive looks up), radians. */
  yaw: number; pitch: number;
  grounded: boolean;
  /** The last tick wanted to move into terrain that has not streamed in, so it stood still. */
  held: boolean;
  ship: ShipState;
  health: number;
  oxygen: number;
  alive: boolean;
  deaths: number;
  spawn: SpawnPoint;
  /** Ship keeps its up = world up (VR comfort: no pitch or roll; moveY is vertical thrust). */
  levelFlight: boolean;
  /** Ticks simulated so far. */
  ticks: number;
}

/**
 * What the controls set each frame. move* and turn* are -1..1 and persist until changed;
 * look* are radians accumulated from the mouse and consumed (zeroed) by step().
 */
export interface PlayerInput {
  /** Strafe right (+) / left (-). */
  moveX: number;
  /** Ship thrust up (+) / down (-). */
  moveY: number;
  /** Forward (+) / back (-). */
  moveZ: number;
  jump: boolean;
  boost: boolean;
  /** Radians to add this frame: yaw left (+), pitch up (+). In the ship they turn about its own axes. */
  lookYaw: number;
  lookPitch: number;
  /** Turn rates (-1..1): yaw left (+), pitch up (+), roll right (+). */
  turnYaw: number;
  turnPitch: number;
  roll: number;
  /** Yaw that moveX/moveZ are relative to (VR head or controller); NaN = the view yaw. */
  headYaw: number;
  /** VR snap turn to apply this frame, radians (left +), about the head; consumed by step(). */
  snapTurn: number;
  /** The head's horizontal offset from the feet in the body's own frame (VR; 0 on the desktop), metres. */
  headX: number;
  headZ: number;
  /** A VR arc teleport this frame: the head lands on (teleportX, teleportY, teleportZ); consumed by step(). */
  teleport: boolean;
  teleportX: number;
  teleportY: number;
  teleportZ: number;
}

export interface CameraPose { x: number; y: number; z: number; qx: number; qy: number; qz: number; qw: number }

export function createPlayerInput(): PlayerInput {
  return {
    moveX: 0, moveY: 0, moveZ: 0, jump: false, boost: false,
    lookYaw: 0, lookPitch: 0, turnYaw: 0, turnPitch: 0, roll: 0, headYaw: NaN,
    snapTurn: 0, headX: 0, headZ: 0, teleport: false, teleportX: 0, teleportY: 0, teleportZ: 0,
  };
}

export function createCameraPose(): CameraPose {
  return { x: 0, y: 0, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 };
}

export function createPlayerState(x = 0, y = 0, z = 0, yaw = 0, levelFlight = false): PlayerState {
  return {
    mode: 'walking',
    x, y, z, vx: 0, vy: 0, vz: 0, yaw, pitch: 0, grounded: false, held: false,
    ship: { x, y, z, vx: 0, vy: 0, vz: 0, qx: 0, qy: 0, qz: 0, qw: 1, wx: 0, wy: 0, wz: 0, landed: false },
    health: MAX_HEALTH, oxygen: MAX_OXYGEN, alive: true, deaths: 0,
    spawn: { x, y, z, yaw, pitch: 0 },
    levelFlight,
    ticks: 0,
  };
}
