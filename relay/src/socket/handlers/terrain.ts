/**
 * Terrain events. Edits are acknowledged with their sequence number once durable; the broadcast to
 * the world (the sender included) comes from the world service's onEdits, in sequence order, so an
 * ack and a broadcast never race each other into a different order. Chunks go out as
 * receive_terrain_chunk: asked for, repairs after a checksum mismatch, and POST /terrain/sync.
 */
import {
  ChecksumReportSchema, RequestChunkSchema, RequestEditsSchema, TerrainDeformSchema, TerrainSyncSchema,
} from '../../../../src/protocol/net/events.ts';
import { handler, refuse, Refusal, type HandlerTable } from '../event-door.ts';
import { ownerOf } from './base.ts';
import type { SocketContext } from '../context.ts';
import type { Session } from '../session.ts';

const roomOf = (session: Session) => session.room as NonNullable<Session['room']>;
const userId = (session: Session) => (session.user as NonNullable<Session['user']>).id;

export function terrainHandlers(ctx: SocketContext): HandlerTable {
  return {
    sync_terrain_deform: handler('sync_terrain_deform', {
      cls: 'edit', schema: TerrainDeformSchema, needs: 'world',
      async run(session, edit) {
        const started = process.hrtime.bigint();
        const room = roomOf(session);
        // Digs pay into the inventory and builds are paid from it (base/edit-payments.ts): a build holds its soil first.
        // A creative relay is a sandbox: digs still yield, builds are free.
        const pay = ctx.base?.get(room.worldId)?.payments;
        const owner = ownerOf(session);
        let reserved = 0;
        if (pay && !ctx.base?.creative) {
          const r = await pay.reserve(owner, edit);
          if (!r.ok) throw new Refusal(r.error);
          reserved = r.reserved;
        }
        let sequenced;
        try {
          sequenced = await room.service.submit(edit, userId(session));
        } catch (e) {
          if (pay) await pay.release(owner, reserved);
          throw e;
        }
        pay?.expect(sequenced.edit_seq, owner, reserved);
        ctx.metrics.editAcked(Number(process.hrtime.bigint() - started) / 1e9);
        return { edit_seq: sequenced.edit_seq };
      },
    }),
    request_terrain_chunk: handler('request_terrain_chunk', {
      cls: 'other', schema: RequestChunkSchema, needs: 'world',
      async run(session, p) {
        // Only edited chunks are stored; a never-edited chunk the client generates itself.
        const chunk = await roomOf(session).service.storedChunk(p.chunk_coords);
        if (!chunk) return { queued: false };
        session.socket.emit('receive_terrain_chunk', chunk);
        return { queued: true };
      },
    }),
    request_terrain_edits: handler('request_terrain_edits', {
      cls: 'other', schema: RequestEditsSchema, needs: 'world',
      async run(session, p) {
        const service = roomOf(session).service;
        const edits = await service.editsSince(p.since_seq);
        // The joiner has now read what it missed: the log may fold again.
        session.releaseJoin();
        if (edits === 'resync') {
          throw refuse('RESYNC_REQUIRED', `the edits after ${p.since_seq} were folded into chunks: join the world again`, { since_seq: p.since_seq, folded_seq: service.foldedSeq });
        }
        return { edits, edit_seq: service.editSeq };
      },
    }),
    report_chunk_checksums: handler('report_chunk_checksums', {
      cls: 'other', schema: ChecksumReportSchema, needs: 'world',
      async run(session, report) {
        const room = roomOf(session);
        const mismatched = await room.service.verify(report.edit_seq, report.chunks);
        for (const coords of mismatched) {
          ctx.metrics.checksumMismatch();
          ctx.log.warn({ world: room.worldId, user: userId(session), chunk: coords, edit_seq: report.edit_seq }, 'chunk checksum mismatch: repairing');
          session.socket.emit('receive_terrain_chunk', await room.service.currentChunk(coords, 'repair'));
        }
      },
    }),
    terrain_sync: handler('terrain_sync', {
      cls: 'other', schema: TerrainSyncSchema, needs: 'world',
      async run(session, p) {
        const room = roomOf(session);
        const chunk = await room.service.currentChunk(p.chunk_coords, 'sync');
        session.socket.to(room.key).emit('receive_terrain_chunk', chunk);
        return { synced_to_clients: room.size - 1, checksum: chunk.checksum, edit_seq: chunk.edit_seq };
      },
    }),
  };
}
