/**
 * Multiplayer against a real relay process (relay/src/serve.ts --prod serving the e2e build) with
 * real Chromium pages and Node socket.io clients. No sleeps: every wait is on an event or a polled
 * condition.
 */
import { readFileSync } from 'node:fs';
import { RELAY_ERROR_CODES, type RelayError } from '../src/protocol/net/errors.ts';
import { badMessages, packConnections, type BadMessage } from './helpers/bad-messages.ts';
import { test, expect, type Multiplayer } from './helpers/multiplayer.ts';
import { authenticate, connectClient, getWorld, joinWorld, type TestClient } from './helpers/relay-client.ts';

const FLOOD = 1000;

/**
 * The relay's own copy of a chunk as of its last edit (terrain_sync's answer; it also pushes the
 * chunk to the world's other clients, who hold the same bytes, so it changes nothing).
 */
async function relayChunk(client: TestClient, c: { x: number; y: number; z: number }): Promise<{ checksum: string; edit_seq: number }> {
  const r = await client.call<{ checksum: string; edit_seq: number; synced_to_clients: number }>('terrain_sync', { chunk_coords: c });
  if (!r.ok) throw new Error(`terrain_sync ${JSON.stringify(c)} refused: ${JSON.stringify(r.error)}`);
  return { checksum: r.value.checksum, edit_seq: r.value.edit_seq };
}

function expectSeedErrorShape(e: RelayError) {
  expect(Object.keys(e).sort()).toEqual(['code', 'details', 'error', 'timestamp']);
  expect(typeof e.error === 'string' && e.error.length > 0).toBe(true);
  expect(RELAY_ERROR_CODES).toContain(e.code);
  expect(e.details !== null && typeof e.details === 'object' && !Array.isArray(e.details)).toBe(true);
  expect(Number.isNaN(Date.parse(e.timestamp))).toBe(false);
}

/** Sends one connection's batch and checks each message got exactly its one refusal. */
async function floodOne(mp: Multiplayer, batch: BadMessage[], index: number): Promise<number> {
  const client = await connectClient(mp.relay.url);
  try {
    const stage = batch[0].stage;
    if (stage !== 'fresh') await authenticate(client, `Flood ${index}`);
    if (stage === 'joined') await joinWorld(client, mp.worldId);
    expect(client.errors, 'no refusal during setup').toEqual([]);
    const acks: Array<Promise<{ m: BadMessage; ack: unknown }>> = [];
    batch.forEach((m, i) => {
      // Every third message asks for an acknowledgement: a refused one answers {ok: false, error}.
      if (i % 3 === 0) acks.push(client.socket.timeout(15_000).emitWithAck(m.event, ...m.args).then((ack: unknown) => ({ m, ack })));
      else client.socket.emit(m.event, ...m.args);
    });
    await client.waitErrors(batch.length);
    for (const { m, ack } of await Promise.all(acks)) {
      const a = ack as { ok: boolean; error?: RelayError };
      expect(a.ok, `${m.what}: ack`).toBe(false);
      expect(a.error?.code, `${m.what}: ack code`).toBe(m.code);
    }
    // A round trip through the same connection's serial queue and the world: anything still in
    // flight for the batch has answered by now, so a second error for one message would show.
    const echo = await client.call('debug_mode', { enabled: false });
    expect(echo.ok).toBe(true);
    if (stage !== 'fresh') expect((await client.call('leave_world', {})).ok).toBe(true);
    expect(client.errors.length, `connection ${index} (${stage}): one error per message`).toBe(batch.length);
    for (const e of client.errors) expectSeedErrorShape(e);
    const got = client.errors.map((e) => e.code).sort();
    const want = batch.map((m) => m.code).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      const count = (xs: string[]) => xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});
      throw new Error(`connection ${index} (${stage}): codes differ\n got  ${JSON.stringify(count(got))}\n want ${JSON.stringify(count(want))}`);
    }
    expect(client.socket.connected, `connection ${index} still connected`).toBe(true);
    return client.errors.length;
  } finally {
    client.close();
  }
}

test.describe('multiplayer', () => {
  test('the relay serves the same e2e build that playwright built', async ({ mp }) => {
    const res = await fetch(`${mp.relay.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(readFileSync('dist/index.html', 'utf8'));
  });

  test('1,000 malformed, oversized and out-of-order messages each get one error event and change nothing', async ({ mp }) => {
    // A real edit first, so there is a stored chunk whose checksum must not move.
    const owner = await connectClient(mp.relay.url);
    await authenticate(owner, 'Owner');
    await joinWorld(owner, mp.worldId);
    const dig = { position: { x: 5, y: -3, z: 5 }, radius: 3, strength: 5, operation: 'remove' as const };
    const acked = await owner.call<{ edit_seq: number }>('sync_terrain_deform', dig);
    expect(acked.ok).toBe(true);
    const chunk = { x: 0, y: -1, z: 0 };
    const worldBefore = await getWorld(mp.relay.url, mp.worldId);
    expect(worldBefore.edit_seq).toBeGreaterThanOrEqual(acked.ok ? acked.value.edit_seq : 1);
    const chunkBefore = await relayChunk(owner, chunk);

    const messages = badMessages(FLOOD);
    expect(messages).toHaveLength(FLOOD);
    const batches = packConnections(messages);
    expect(batches.flat()).toHaveLength(FLOOD);
    let errors = 0;
    for (const [i, batch] of batches.entries()) errors += await floodOne(mp, batch, i);
    expect(errors).toBe(FLOOD);

    const worldAfter = await getWorld(mp.relay.url, mp.worldId);
    expect(worldAfter.edit_seq).toBe(worldBefore.edit_seq);
    const chunkAfter = await relayChunk(owner, chunk);
    expect(chunkAfter.checksum).toBe(chunkBefore.checksum);
    expect(chunkAfter.edit_seq).toBe(chunkBefore.edit_seq);
    expect(owner.errors, 'the owner, who sent nothing wrong, got no error').toEqual([]);
    expect(owner.socket.connected).toBe(true);
    owner.close();
  });
});
