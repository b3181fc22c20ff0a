/**
 * Seed 003's social events inside a world: chat (kept, so a joiner gets the recent history), typing
 * indicators, and marking a notification read. The sender's chat message comes back in its ack;
 * the others get the chat_message event.
 */
import { ChatSchema, NotificationReadSchema, TypingSchema } from '../../../../src/protocol/net/events.ts';
import { handler, refuse, type HandlerTable } from '../event-door.ts';
import type { SocketContext } from '../context.ts';
import type { Session } from '../session.ts';

const roomOf = (session: Session) => session.room as NonNullable<Session['room']>;
const userOf = (session: Session) => session.user as NonNullable<Session['user']>;

function typing(session: Session, on: boolean): void {
  const { id, name } = userOf(session);
  session.socket.to(roomOf(session).key).emit('user_typing', { user_id: id, name, typing: on });
}

export function socialHandlers(ctx: SocketContext): HandlerTable {
  return {
    chat_message: handler('chat_message', {
      cls: 'chat', schema: ChatSchema, needs: 'world',
      async run(session, p) {
        const room = roomOf(session);
        const { id, name } = userOf(session);
        const message = await ctx.hub.chat.append(room.worldId, { user_id: id, name, text: p.text });
        session.socket.to(room.key).emit('chat_message', message);
        return message;
      },
    }),
    typing_start: handler('typing_start', { cls: 'typing', schema: TypingSchema, needs: 'world', run: (session) => typing(session, true) }),
    typing_stop: handler('typing_stop', { cls: 'typing', schema: TypingSchema, needs: 'world', run: (session) => typing(session, false) }),
    notification_read: handler('notification_read', {
      cls: 'other', schema: NotificationReadSchema, needs: 'auth',
      run(session, p) {
        if (!session.notifications.delete(p.notification_id)) {
          throw refuse('VALIDATION_ERROR', `no unread notification ${p.notification_id}`, { notification_id: p.notification_id });
        }
        session.socket.emit('notification_updated', { notification_id: p.notification_id, read: true, read_at: new Date().toISOString() });
      },
    }),
  };
}
