/**
 * Who is in the world and what they say: presence, typing, chat and notifications into the net
 * store (slow state the UI shows), poses into RemotePlayers (per-frame data, never the store).
 */
import type { JoinResult, PeerInfo } from '../protocol/net/events.ts';
import type { NetStore } from '../state/net-store.ts';
import type { RelaySocket } from './ack.ts';
import type { RemotePlayers } from './remote-players.ts';

/** Chat lines and notifications the store keeps (older ones scroll away). */
const CHAT_KEPT = 100;
const NOTIFICATIONS_KEPT = 20;

export function bindPresence(socket: RelaySocket, store: NetStore, remote: RemotePlayers): void {
  const selfPeer = () => store.getState().me?.peer_id ?? -1;
  socket.on('sync_player_position', (records) => remote.receive(records, performance.now(), selfPeer()));
  socket.on('user_online', (p) => {
    if (p.user_id === store.getState().me?.user_id) return;
    const peer: PeerInfo = { user_id: p.user_id, name: p.name, peer_id: p.peer_id, mode: p.mode };
    store.setState((s) => ({ players: [...s.players.filter((o) => o.user_id !== p.user_id), peer] }));
    remote.addPeer(p.peer_id, p.name);
  });
  socket.on('user_offline', (p) => {
    const gone = store.getState().players.find((o) => o.user_id === p.user_id);
    store.setState((s) => ({
      players: s.players.filter((o) => o.user_id !== p.user_id),
      typing: gone ? s.typing.filter((n) => n !== gone.name) : s.typing,
    }));
    remote.removePeer(p.peer_id);
  });
  socket.on('sync_player_mode', (p) => {
    store.setState((s) => ({ players: s.players.map((o) => (o.user_id === p.player_id ? { ...o, mode: p.mode } : o)) }));
  });
  socket.on('user_typing', (p) => {
    store.setState((s) => ({ typing: p.typing ? [...s.typing.filter((n) => n !== p.name), p.name] : s.typing.filter((n) => n !== p.name) }));
  });
  socket.on('chat_message', (m) => store.setState((s) => ({ chat: [...s.chat, m].slice(-CHAT_KEPT) })));
  socket.on('notification', (n) => store.setState((s) => ({ notifications: [...s.notifications, n].slice(-NOTIFICATIONS_KEPT) })));
  socket.on('notification_updated', (u) => {
    store.setState((s) => ({ notifications: s.notifications.map((n) => (n.id === u.notification_id ? { ...n, read: u.read } : n)) }));
  });
}

/** A join (or a re-join after an outage) replaces who is here, what was said, and who I am. */
export function applyJoin(store: NetStore, remote: RemotePlayers, join: JoinResult): void {
  const me = store.getState().me;
  remote.clear();
  for (const p of join.players) remote.addPeer(p.peer_id, p.name);
  store.setState({
    world: join.world,
    me: me ? { ...me, peer_id: join.peer_id } : { user_id: join.player_id, name: '', peer_id: join.peer_id },
    players: join.players.filter((p) => p.user_id !== join.player_id),
    chat: join.chat.slice(-CHAT_KEPT),
    typing: [],
  });
}
