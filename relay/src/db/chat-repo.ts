/** A world's chat history: appended as messages arrive, the last CHAT_HISTORY sent to a joiner. */
import type { Kysely } from 'kysely';
import type { ChatMessage } from '../../../src/protocol/net/events.ts';
import { iso, type Database } from './schema.ts';

export class ChatRepo {
  constructor(private readonly db: Kysely<Database>) {}

  async append(worldId: number, msg: { user_id: string; name: string; text: string }): Promise<ChatMessage> {
    const at = new Date().toISOString();
    const r = await this.db.insertInto('chat_messages')
      .values({ world_id: worldId, user_id: msg.user_id, name: msg.name, text: msg.text, created_at: at })
      .returning('id').executeTakeFirstOrThrow();
    return { id: r.id, user_id: msg.user_id, name: msg.name, text: msg.text, timestamp: at };
  }

  /** The last `n` messages, oldest first. */
  async recent(worldId: number, n: number): Promise<ChatMessage[]> {
    const rows = await this.db.selectFrom('chat_messages').selectAll().where('world_id', '=', worldId)
      .orderBy('id', 'desc').limit(Math.max(0, Math.floor(n))).execute();
    return rows.reverse().map((r) => ({ id: r.id, user_id: r.user_id, name: r.name, text: r.text, timestamp: iso(r.created_at) }));
  }
}
