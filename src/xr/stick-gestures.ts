/** A stick past this is a deliberate push; it must come back inside RELEASE to arm again. */
const PUSH = 0.7;
const RELEASE = 0.3;

export type StickGesture = 'none' | 'turn-left' | 'turn-right' | 'aim-start' | 'aim-release';

/**
 * Turns a thumbstick into discrete gestures, Quest style: a sideways flick snap-turns once per flick;
 * pushing forward starts a teleport aim that fires when the stick is let go.
 */
export class StickGestures {
  private turnArmed = true;
  aiming = false;

  update(x: number, y: number, teleport: boolean, snapTurn: boolean): StickGesture {
    if (this.aiming) {
      if (Math.abs(x) < RELEASE && Math.abs(y) < RELEASE) {
        this.aiming = false;
        return 'aim-release';
      }
      return 'none';
    }
    if (teleport && y < -PUSH && Math.abs(x) < PUSH) {
      this.aiming = true;
      return 'aim-start';
    }
    if (!snapTurn) return 'none';
    if (this.turnArmed && Math.abs(x) > PUSH) {
      this.turnArmed = false;
      return x > 0 ? 'turn-right' : 'turn-left';
    }
    if (!this.turnArmed && Math.abs(x) < RELEASE) this.turnArmed = true;
    return 'none';
  }

  /** Drops an aim in progress without teleporting (mode change, settings change). */
  cancel(): void {
    this.aiming = false;
  }
}
