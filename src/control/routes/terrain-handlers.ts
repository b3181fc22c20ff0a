/** Terrain and VR tracking routes. */
import { fail, ok, type Result } from '../../protocol/errors.ts';
import type { BrushEdit, TerrainInfo } from '../../protocol/terrain.ts';
import type { HandlerTable } from '../router.ts';
import { isoNow, succeeded, type ControlContext } from '../control-context.ts';

export function terrainHandlers({ game }: ControlContext): HandlerTable {
  const worldRunning = () => game.store.getState().ready && game.streaming();
  return {
    'POST /terrain/deform': async ({ body }) => {
      if (!worldRunning()) return fail('SERVICE_UNAVAILABLE', 'no world is running (loading, or the menu)');
      const edit = body as BrushEdit;
      const r = await game.deform(edit);
      return r.ok ? ok({ status: 'success', position: edit.position, voxels_modified: r.value.voxelsModified, timestamp: isoNow() }) : r;
    },
    'GET /terrain/info': ({ query }) => game.info(query as { x: number; y: number; z: number }) as Promise<Result<TerrainInfo>>,
    'POST /terrain/sync': async ({ body }) => {
      const { chunk_coords: c } = body as { chunk_coords: { x: number; y: number; z: number } };
      const hash = await game.pool.query<Result<string>>((api) => api.chunkHash({ cx: c.x, cy: c.y, cz: c.z }));
      if (!hash.ok) return hash;
      // No relay yet, so no other client to send to; the hash lets a caller compare clients by hand.
      return ok({ status: 'success', chunk_coords: c, synced_to_clients: 0, chunk_hash: hash.value, timestamp: isoNow() });
    },
    'GET /vr/tracking': () => ok({ ...structuredClone(game.tracking), timestamp: isoNow() }),
    'POST /vr/recenter': () => {
      const r = game.recenterVr();
      return succeeded(r);
    },
  };
}
