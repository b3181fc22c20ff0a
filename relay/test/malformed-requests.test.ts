/**
 * Request targets Node accepts but no URL parser does (`//[`): the relay answers or drops them and
 * stays up, whether they come as a plain request or as a WebSocket upgrade, on the main port and
 * on the telemetry port.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay } from './helpers.ts';

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay;

beforeAll(async () => { relay = await startRelay({ telemetryPort: 0 }); });
afterAll(async () => { await relay.close(); });

/** Sends raw bytes and resolves with everything the relay answers before it closes (or 2 s of silence ends it). */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    socket.setTimeout(2000, () => socket.end());
    socket.on('data', (d) => { got += d.toString('latin1'); if (got.includes('\r\n\r\n') && !/upgrade/i.test(text)) socket.end(); });
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
    socket.write(text);
  });
}

describe('malformed request targets', () => {
  it('refuses them in the seed format and keeps serving, plain or as an upgrade', async () => {
    const plain = await raw(relay.port, 'GET //[ HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(plain).toMatch(/^HTTP\/1.1 400/);
    expect(plain).toContain('"error":"INVALID_PARAMETER"');
    await raw(relay.port, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    await raw(relay.telemetryPort!, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    const health = await fetch(`${relay.url}/health`);
    expect(health.status).toBe(200);
  });
});
