/** Terrain and VR tracking routes. */
import { fail, ok, type Result } from '../../protocol/errors.ts';
import type { HandlerTable } from '../router.ts';
import type { TERRAIN_ROUTES } from '../../protocol/routes/terrain.ts';
import { isoNow, succeeded, type ControlContext } from '../control-context.ts';

export function terrainHandlers({ game }: ControlContext): HandlerTable<typeof TERRAIN_ROUTES> {
  const worldRunning = () => game.store.getState().ready && game.streaming();
  return {
    'POST /terrain/deform': async ({ body }) => {
      if (!worldRunning()) return fail('SERVICE_UNAVAILABLE', 'no world is running (loading, or the menu)');
      const r = await game.deform(body);
      return r.ok ? ok({ status: 'success', position: body.position, voxels_modified: r.value.voxelsModified, edit_seq: r.value.editSeq, timestamp: isoNow() }) : r;
    },
    'GET /terrain/info': ({ query }) => game.info(query),
    'POST /terrain/sync': async ({ body }) => {
      const { chunk_coords: c } = body;
      const hash = await game.pool.query<Result<string>>((api) => api.chunkHash({ cx: c.x, cy: c.y, cz: c.z }));
      if (!hash.ok) return hash;
      // Single-player there is no one to send to (0); the hash lets a caller compare pages either way.
      const synced = game.shared() ? await game.net.session.pushChunk(c) : ok(0);
      if (!synced.ok) return synced;
      return ok({ status: 'success', chunk_coords: c, synced_to_clients: synced.value, chunk_hash: hash.value, timestamp: isoNow() });
    },
    'GET /vr/tracking': () => ok({ ...structuredClone(game.frame.tracking), timestamp: isoNow() }),
    'POST /vr/recenter': () => {
      const r = game.recenterVr();
      return succeeded(r);
    },
  };
}
