/** What the creature service is given: the relay link's requests, and hooks into the rest of the page. */
import type { CreatureRecord, CreatureStateName } from '../../protocol/creatures.ts';
import type { CreatureClientEvents, CreatureDrop } from '../../protocol/net/creature-events.ts';
import type { RelayError } from '../../protocol/net/errors.ts';
import type { Result } from '../../protocol/errors.ts';
import type { AiActionData } from '../../protocol/telemetry.ts';
import type { AckOf } from '../../net/ack.ts';

type Acked = Exclude<keyof CreatureClientEvents, 'sync_creature_position'>;

export interface SharedLink {
  request<E extends Acked>(event: E, payload: Parameters<CreatureClientEvents[E]>[0]): Promise<AckOf<E>>;
  /** A relay refusal as a route failure (seed 000 code, the relay's message). */
  refusal(error: RelayError): Result<never>;
}

export interface CreatureHooks {
  /** This player's public id. */
  me(): string;
  /** A player's peer id in the shared world (null when not in it). */
  peerOf(playerId: string): number | null;
  /** Type, level and owner flags for the interpolator and renderer. */
  meta(n: number, rec: CreatureRecord): void;
  forget(n: number): void;
  /** Relay position records; creatures this page simulates are in `simulated` (their records are its own). */
  positions(records: Uint8Array, simulated: ReadonlyMap<number, string>): void;
  spawned(rec: CreatureRecord): void;
  removed(id: string, reason: 'died' | 'despawned', drop: CreatureDrop | undefined): void;
  action(data: AiActionData): void;
  thinking(id: string, decision: 'hunt' | 'flee' | 'calm', target: string | null, state: number): void;
  ready(creatures: number, restored: boolean, restarts: number): void;
  error(message: string, restarts: number): void;
}

export type { CreatureStateName };
