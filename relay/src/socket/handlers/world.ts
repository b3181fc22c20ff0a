/**
 * Joining and leaving a world, the player's mode and saved state. A join hands the client what it
 * needs to build the world without replaying history (edit_seq, folded_seq and the edited chunks as
 * of a hold on folding), where it left off, who is here and the recent chat; the others hear
 * `user_online` and get "<name> joined your world".
 */
import { z } from 'zod';
import { JoinWorldSchema, PlayerModeEventSchema, PlayerStateSchema, SceneLoadedEventSchema, type JoinResult } from '../../../../src/protocol/net/events.ts';
import { CHAT_HISTORY } from '../../../../src/protocol/net/limits.ts';
import { createPose } from '../../../../src/protocol/net/pose-codec.ts';
import { worldSummary } from '../../http/world-routes.ts';
import { handler, refuse, type HandlerTable } from '../event-door.ts';
import { notify, peerInfo, type SocketContext } from '../context.ts';
import type { Session } from '../session.ts';
import type { BaseHub } from '../../base/base-hub.ts';
import type { BaseJoin } from '../../../../src/protocol/net/base-events.ts';
import type { WorldService } from '../../world/types.ts';
import { ownerOf } from './base.ts';

const user = (session: Session) => session.user as NonNullable<Session['user']>;

/** Saves where the player is (its last pose moves its last saved state), then leaves the room. */
export async function leaveWorld(ctx: SocketContext, session: Session, reason: string): Promise<boolean> {
  const room = session.room;
  if (!room) return false;
  session.releaseJoin();
  const pose = createPose();
  const state = session.lastState;
  if (state && room.poses.grid.read(session.peerId, pose)) {
    session.lastState = { ...state, position: { x: pose.x, y: pose.y, z: pose.z }, mode: pose.spacecraft ? 'spacecraft' : 'walking' };
  }
  const peerId = session.peerId;
  room.remove(session);
  session.room = null;
  session.peerId = 0;
  // Its zone (if it held one) goes to another player now, not at the next review.
  ctx.creatures?.left(room.worldId);
  void session.socket.leave(room.key);
  if (ctx.base) {
    void session.socket.leave(inventoryRoom(user(session).id, room.worldId));
    ctx.base.inventories.forget(ownerOf(session), room.worldId);
  }
  ctx.io.to(room.key).emit('user_offline', { user_id: user(session).id, peer_id: peerId, last_seen: new Date().toISOString() });
  ctx.log.info({ world: room.worldId, user: user(session).id, reason }, 'left world');
  if (room.events?.has('player_left')) room.events.emit('player_left', { world_id: room.worldId, player_id: user(session).id, name: user(session).name });
  if (session.lastState) {
    await ctx.hub.players.save(user(session).dbId, room.worldId, user(session).name, session.lastState).catch((err: unknown) => {
      ctx.log.error({ err, world: room.worldId, user: user(session).id }, 'saving player state on leave failed');
    });
  }
  return true;
}

/** The player's own connections in one world: where its inventory_update goes (base-hub.ts). */
const inventoryRoom = (playerId: string, worldId: number) => `player:${playerId}:${worldId}`;

async function baseJoin(base: BaseHub, session: Session, service: WorldService): Promise<BaseJoin> {
  const b = await base.forWorld(service);
  const owner = ownerOf(session);
  await session.socket.join(inventoryRoom(owner.playerId, service.worldId));
  const states: BaseJoin['states'] = {};
  for (const [id, e] of b.world.structures) states[id] = b.world.state(e);
  return {
    inventory: await base.inventories.get(owner, service.worldId),
    structures: [...b.world.structures.values()].map((e) => e.info),
    states, grid: b.world.reports(), clock: b.world.clockInfo(),
  };
}

async function joinWorld(ctx: SocketContext, session: Session, worldId: number | undefined): Promise<JoinResult> {
  const me = user(session);
  const row = worldId === undefined ? await ctx.hub.defaultWorld() : await ctx.hub.get(worldId);
  if (!row) throw refuse('WORLD_NOT_FOUND', `there is no world ${worldId}`, { world_id: worldId });
  if (session.room) await leaveWorld(ctx, session, 'switching worlds');
  const room = await ctx.rooms.get(row.world_id);
  if (!room) throw refuse('WORLD_NOT_FOUND', `there is no world ${row.world_id}`, { world_id: row.world_id });
  // A signed-in player is its character in this world: others see and chat with that name.
  if (me.role === 'guest' && ctx.openToGuests && !(await ctx.openToGuests(row.world_id))) {
    throw refuse('PERMISSION_DENIED', `${row.world_name} is invite-only: sign in with an account that has been invited`, { world_id: row.world_id });
  }
  if (me.role === 'player' && ctx.characterFor) {
    const character = await ctx.characterFor(me.dbId, row.world_id);
    if (!character.ok) throw refuse('PERMISSION_DENIED', character.error.message, { world_id: row.world_id });
    me.name = character.value.name;
  }
  const hold = await room.service.beginJoin();
  try {
    const [saved, chat] = await Promise.all([ctx.hub.players.load(me.dbId, row.world_id), ctx.hub.chat.recent(row.world_id, CHAT_HISTORY)]);
    if (!session.socket.connected) throw refuse('SERVER_ERROR', 'disconnected while joining');
    const peerId = room.add(session);
    if (peerId === null) throw refuse('SERVER_ERROR', `world ${row.world_id} is full`);
    session.room = room;
    session.peerId = peerId;
    session.lastState = saved ?? null;
    session.mode = saved?.mode ?? 'walking';
    session.holdJoin(hold, ctx.joinHoldMs);
    const others = room.list().filter((s) => s !== session);
    await session.socket.join(room.key);
    // After joining the room, so a structure placed meanwhile arrives as an event if the list missed it.
    const base = ctx.base ? await baseJoin(ctx.base, session, room.service) : undefined;
    const creatures = ctx.creatures ? (await ctx.creatures.forRoom(room)).join() : undefined;
    session.socket.to(room.key).emit('user_online', { ...peerInfo(session), last_seen: new Date().toISOString() });
    for (const other of others) notify(other, 'player_joined', 'Player joined', `${me.name} joined your world`, { user_id: me.id, name: me.name, world_id: row.world_id });
    ctx.log.info({ world: row.world_id, user: me.id, peer: peerId, edit_seq: hold.edit_seq }, 'joined world');
    if (room.events?.has('player_joined')) room.events.emit('player_joined', { world_id: row.world_id, player_id: me.id, name: me.name });
    return {
      world: worldSummary({ ...row, edit_seq: hold.edit_seq }, room.size),
      player_id: me.id, peer_id: peerId,
      edit_seq: hold.edit_seq, folded_seq: hold.folded_seq, edited_chunks: hold.edited_chunks,
      player_state: saved ?? null, players: others.map(peerInfo), chat, ...(base ? { base } : {}), ...(creatures ? { creatures } : {}),
    };
  } catch (err) {
    if (session.joinHold !== hold) hold.release();
    throw err;
  }
}

export function worldHandlers(ctx: SocketContext): HandlerTable {
  return {
    join_world: handler('join_world', {
      cls: 'other', schema: JoinWorldSchema, needs: 'auth',
      run: (session, p) => session.serial(() => joinWorld(ctx, session, p.world_id)),
    }),
    leave_world: handler('leave_world', {
      cls: 'other', schema: z.object({}).strict().optional(), needs: 'auth',
      run: async (session) => ({ left: await session.serial(() => leaveWorld(ctx, session, 'left')) }),
    }),
    sync_player_mode: handler('sync_player_mode', {
      cls: 'other', schema: PlayerModeEventSchema, needs: 'world',
      run(session, p) {
        session.mode = p.mode;
        session.socket.to((session.room as NonNullable<Session['room']>).key).emit('sync_player_mode', { player_id: user(session).id, mode: p.mode });
        return { mode: p.mode };
      },
    }),
    scene_loaded: handler('scene_loaded', {
      cls: 'other', schema: SceneLoadedEventSchema, needs: 'world',
      run(session, p) {
        const room = session.room as NonNullable<Session['room']>;
        if (!room.events?.has('scene_loaded')) return;
        const me = user(session);
        room.events.emit('scene_loaded', { world_id: room.worldId, player_id: me.id, name: me.name, ...p });
      },
    }),
    save_player_state: handler('save_player_state', {
      cls: 'other', schema: PlayerStateSchema, needs: 'world',
      async run(session, state) {
        session.lastState = state;
        await ctx.hub.players.save(user(session).dbId, (session.room as NonNullable<Session['room']>).worldId, user(session).name, state);
        return { saved: true };
      },
    }),
  };
}
