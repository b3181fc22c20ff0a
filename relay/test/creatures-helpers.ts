/**
 * Plumbing for the creature tests: a creative relay, players that stand somewhere (a pose the relay
 * has processed before the call returns), position records, waits on the first matching event.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { CreatureRecord } from '../../src/protocol/creatures.ts';
import { creatureNumber } from '../../src/protocol/creatures.ts';
import { CREATURE_RECORD_BYTES, recordNumber, recordX, writeCreatureRecord } from '../../src/protocol/net/creature-codec.ts';
import type { RelayToClientEvents } from '../../src/protocol/net/events.ts';
import { ask, disconnectAll, player, poseAt, send, startRelay, type Client } from './helpers.ts';

export type Relay = Awaited<ReturnType<typeof startRelay>>;

export function harness() {
  const relays: Relay[] = [];
  const open: Client[] = [];
  return {
    async start(dataDir?: string) {
      const r = await startRelay({ creative: true, ...(dataDir ? { dataDir } : {}) });
      relays.push(r);
      return r;
    },
    async join(r: Relay, name: string) {
      const p = await player(r.url, name);
      open.push(p.socket);
      return p;
    },
    async stop(r: Relay) {
      const at = relays.indexOf(r);
      if (at >= 0) relays.splice(at, 1);
      await disconnectAll(r, open);
      await r.close();
    },
    async cleanup() {
      for (const r of relays.splice(0)) {
        await disconnectAll(r, open);
        await r.close();
      }
    },
  };
}

export const dbOf = (r: Relay) => (r.hub as unknown as { db: Kysely<Database> }).db;

/** Sends a pose at (x, y, z) and returns once the relay has handled it (an acknowledged event after it on the same socket). */
export async function standAt(socket: Client, x: number, y: number, z: number): Promise<void> {
  send(socket, 'sync_player_position', poseAt(x, y, z));
  await ask(socket, 'request_authority', { object_id: 'zone_0_0_0' });
}

/** The first `event` on `socket` whose payload passes `test`. */
export function until<E extends keyof RelayToClientEvents>(socket: Client, event: E, test: (d: Parameters<RelayToClientEvents[E]>[0]) => boolean = () => true): Promise<Parameters<RelayToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    const on = (d: Parameters<RelayToClientEvents[E]>[0]) => {
      if (!test(d)) return;
      socket.off(event as never, on as never);
      resolve(d);
    };
    socket.on(event as never, on as never);
  });
}

/** Position records for creatures at the given places. */
export function records(...list: Array<{ id: string; x: number; y: number; z: number; state?: number; health01?: number }>): Uint8Array {
  const bytes = new Uint8Array(list.length * CREATURE_RECORD_BYTES);
  const view = new DataView(bytes.buffer);
  list.forEach((c, i) => writeCreatureRecord(view, i, creatureNumber(c.id), c.x, c.y, c.z, 0.5, 0, -0.25, c.state ?? 0, c.health01 ?? 1));
  return bytes;
}

/** (creature number, x) of each record in a received message. */
export function decoded(msg: Uint8Array | ArrayBuffer): Array<{ n: number; x: number }> {
  const bytes = msg instanceof Uint8Array ? msg : new Uint8Array(msg);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Array<{ n: number; x: number }> = [];
  for (let i = 0; i < bytes.byteLength / CREATURE_RECORD_BYTES; i++) out.push({ n: recordNumber(view, i), x: recordX(view, i) });
  return out;
}

export async function spawn(socket: Client, body: Record<string, unknown>): Promise<CreatureRecord> {
  const ack = await ask<{ creature: CreatureRecord }>(socket, 'sync_creature_spawn', body);
  if (!ack.ok) throw new Error(`spawn refused: ${ack.error.error}`);
  return ack.value.creature;
}
