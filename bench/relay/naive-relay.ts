/**
 * The baseline for relay.vs_naive.ratio: what a first multiplayer prototype usually is. A plain
 * socket.io server, one room, every JSON pose `{ player_id, position, rotation, seq, t }` broadcast
 * to everyone in the room with io.to(room).emit (the sender included), no interest management, no
 * validation, no binary. Run as a forked child (procs.ts): it sends `{ type: 'ready', port }` and
 * answers stats requests, so its CPU and heap are measured apart from the load generator.
 *
 * Standalone: `npx tsx bench/relay/naive-relay.ts` listens on a free port and prints it.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { serveStats } from './procs.ts';

const ROOM = 'world';

export interface NaivePose {
  player_id: string;
  position: { x: number; y: number; z: number };
  rotation: { x: number; y: number; z: number; w: number };
  seq: number;
  t: number;
}

const http = createServer();
const io = new Server(http, {
  // Same keep-alive as the protocol so ping traffic is alike on both relays.
  pingInterval: 30_000, pingTimeout: 5_000, maxHttpBufferSize: 16 * 1024, transports: ['websocket'],
});

io.on('connection', (socket) => {
  socket.on('join', (reply?: (ok: { ok: true }) => void) => {
    void socket.join(ROOM);
    reply?.({ ok: true });
  });
  socket.on('pose', (pose: NaivePose) => {
    io.to(ROOM).emit('pose', pose);
  });
});

http.listen(0, () => {
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  if (process.send) {
    serveStats();
    process.send({ type: 'ready', port });
  } else {
    console.log(`naive relay on ws://localhost:${port}`);
  }
});

process.on('SIGTERM', () => { void io.close(); process.exit(0); });
