/**
 * Seed 001's game actions for an account session with a selected character: POST /command (chat
 * and slash commands), GET /status/{session_id} (the character), GET /chat/{session_id} (its
 * world's recent chat). Said lines reach the world's players like chat typed in the game.
 */
import { z } from 'zod';
import type { ChatMessage } from '../../../src/protocol/net/events.ts';
import { CHAT_MAX_CHARS } from '../../../src/protocol/net/limits.ts';
import type { AccountService } from '../accounts/account-service.ts';
import type { CharacterRow } from '../db/characters-repo.ts';
import type { HubPort } from '../socket/hub-port.ts';
import type { RelayServer, Session } from '../socket/session.ts';
import { body, refuse } from './json-body.ts';
import { sendJson } from './respond.ts';
import type { Route } from './router.ts';

const CommandSchema = z.object({ session_id: z.string().min(1).max(128), command: z.string().trim().min(1).max(CHAT_MAX_CHARS + 16) }).strict();
const HELP = 'Commands: /say <text> (or plain text), /who, /where, /help';

export interface GameRoutesContext {
  accounts: AccountService;
  hub: HubPort;
  io: RelayServer;
  connections(): Iterable<Session>;
}

export function gameRoutes(ctx: GameRoutesContext): Route[] {
  /** The session's selected character, or the refusal sent. */
  const character = async (res: Parameters<Route['handle']>[0]['res'], sessionId: string): Promise<{ c: CharacterRow; userId: number } | null> => {
    const s = await ctx.accounts.session(sessionId);
    if (!s.ok) { refuse(res, s.error.code, s.error.message, true); return null; }
    const chosen = s.value.session.character_id;
    const c = chosen ? (await ctx.accounts.characters(s.value.account)).find((x) => x.id === chosen) : undefined;
    if (!c) { refuse(res, 'CONFLICT', 'Select a character first (POST /characters/select)', true); return null; }
    return { c, userId: s.value.account.id };
  };
  const online = (worldId: number) => [...ctx.connections()].filter((s) => s.room?.worldId === worldId && s.user);

  return [
    { method: 'POST', path: '/command', write: true, async handle({ req, res }) {
      const p = await body(req, res, CommandSchema, true);
      if (!p) return;
      const who = await character(res, p.session_id);
      if (!who) return;
      const [verb] = p.command.startsWith('/') ? p.command.slice(1).split(/\s+/) : ['say', p.command];
      const text = p.command.startsWith('/') ? p.command.slice(verb.length + 1).trim() : p.command;
      switch (verb.toLowerCase()) {
        case 'say': {
          if (!text) return refuse(res, 'MISSING_PARAMETER', 'Say what? /say <text>', true);
          if (text.length > CHAT_MAX_CHARS) return refuse(res, 'INVALID_PARAMETER', `At most ${CHAT_MAX_CHARS} characters`, true);
          const message: ChatMessage = await ctx.hub.chat.append(who.c.world_id, { user_id: `user_${who.userId}`, name: who.c.name, text });
          ctx.io.to(`world:${who.c.world_id}`).emit('chat_message', message);
          return sendJson(res, 200, { success: true, message: `You say: ${text}`, chat: message });
        }
        case 'who': {
          const names = online(who.c.world_id).map((s) => s.user!.name);
          return sendJson(res, 200, { success: true, message: names.length ? `Online: ${names.join(', ')}` : 'Nobody is in this world right now', players: names });
        }
        case 'where': {
          const world = await ctx.hub.get(who.c.world_id);
          return sendJson(res, 200, { success: true, message: `${who.c.name} is in ${world?.world_name ?? `world ${who.c.world_id}`}` });
        }
        case 'help': return sendJson(res, 200, { success: true, message: HELP });
        default: return refuse(res, 'INVALID_PARAMETER', `Unknown command /${verb}. ${HELP}`, true);
      }
    } },
    { method: 'GET', path: '/status/:session_id', async handle({ res, params }) {
      const who = await character(res, params.session_id);
      if (!who) return;
      const live = online(who.c.world_id).find((s) => s.user!.dbId === who.userId && s.user!.role !== 'guest');
      const saved = live?.lastState ?? await ctx.hub.players.load(who.userId, who.c.world_id) ?? null;
      sendJson(res, 200, {
        success: true, character_id: who.c.id, character_name: who.c.name, world_id: who.c.world_id, online: Boolean(live),
        position: saved?.position ?? null, health: saved?.health ?? 100, oxygen: saved?.oxygen ?? 100, mode: saved?.mode ?? live?.mode ?? 'walking',
      });
    } },
    { method: 'GET', path: '/chat/:session_id', async handle({ res, params, url }) {
      const who = await character(res, params.session_id);
      if (!who) return;
      const n = Math.min(200, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
      const messages = await ctx.hub.chat.recent(who.c.world_id, n);
      sendJson(res, 200, { success: true, world_id: who.c.world_id, messages });
    } },
  ];
}
