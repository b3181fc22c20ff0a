/**
 * The page's end of the relay's creature layer (issue 13; protocol/net/creature-events.ts): it
 * binds the relay's creature events on each connection, hands them and the join's creatures to
 * whoever runs creatures on this page (app/creatures/creature-service.ts, the `sink`), and sends
 * requests. It keeps no state of its own: the service holds the registry and the simulation.
 */
import type { CreatureRecord, CreatureCommand } from '../protocol/creatures.ts';
import type { CreatureClientEvents, CreatureDrop, CreatureJoin, CreatureStateEventSchema } from '../protocol/net/creature-events.ts';
import { relayError } from '../protocol/net/errors.ts';
import type { z } from 'zod';
import { call, type AckOf, type RelaySocket } from './ack.ts';

/** What the relay tells a page about creatures, in arrival order. */
export interface CreatureSink {
  /** A (re)join: every creature as the relay has it, and who holds which zone. */
  joined(join: CreatureJoin, myPeer: number): void;
  /** Left the shared world (or never joined): back to the page's own creatures. */
  left(): void;
  spawned(rec: CreatureRecord): void;
  positions(records: Uint8Array): void;
  commanded(creatureId: string, command: CreatureCommand, targetPlayer: string | undefined): void;
  updated(rec: CreatureRecord): void;
  removed(creatureId: string, reason: 'died' | 'despawned', drop: CreatureDrop | undefined): void;
  granted(zone: string, peer: number, creatures: CreatureRecord[] | undefined): void;
  revoked(zone: string): void;
}

type Request = keyof CreatureClientEvents;
type Acked = Exclude<Request, 'sync_creature_position'>;
type PayloadOf<E extends Request> = Parameters<CreatureClientEvents[E]>[0];

export class CreatureLink {
  private sink: CreatureSink | null = null;

  constructor(private readonly socket: () => RelaySocket | null) {}

  attach(sink: CreatureSink): void {
    this.sink = sink;
  }

  bind(socket: RelaySocket): void {
    const s = () => this.sink;
    socket.on('sync_creature_spawn', (rec) => s()?.spawned(rec));
    socket.on('sync_creature_position', (records) => {
      // socket.io hands binary over as an ArrayBuffer in the browser.
      const bytes = records instanceof Uint8Array ? records : new Uint8Array(records);
      s()?.positions(bytes);
    });
    socket.on('sync_creature_command', (c) => s()?.commanded(c.creature_id, c.command, c.parameters?.target_player));
    socket.on('sync_creature_update', (rec) => s()?.updated(rec));
    socket.on('sync_creature_remove', (r) => s()?.removed(r.creature_id, r.reason, r.drop));
    socket.on('grant_authority', (g) => s()?.granted(g.object_id, g.peer_id, g.creatures));
    socket.on('revoke_authority', (r) => s()?.revoked(r.object_id));
  }

  applyJoin(join: CreatureJoin | undefined, myPeer: number): void {
    if (join) this.sink?.joined(join, myPeer);
    else this.sink?.left();
  }

  clear(): void {
    this.sink?.left();
  }

  /** Asks the relay; its refusal comes back as the ack's error. */
  request<E extends Acked>(event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
    const socket = this.socket();
    if (!socket) return Promise.resolve({ ok: false, error: relayError('SERVER_ERROR', 'not connected to the shared world') } as AckOf<E>);
    return call(socket, event, payload);
  }

  /** The authority's positions: volatile, like poses (a late one is stale by the next). */
  sendPositions(bytes: Uint8Array): void {
    const socket = this.socket();
    if (socket?.connected) socket.volatile.emit('sync_creature_position', bytes);
  }

  sendState(payload: z.input<typeof CreatureStateEventSchema>): Promise<AckOf<'sync_creature_state'>> {
    return this.request('sync_creature_state', payload);
  }
}
