/** Player routes: the sim validates and acts; this adds the seed's status and timestamp. */
import { fail, ok, type Result } from '../../protocol/errors.ts';
import type { HandlerTable } from '../router.ts';
import { isoNow, refuseWhileLoading, succeeded, type ControlContext } from '../control-context.ts';

export function playerHandlers({ game }: ControlContext): HandlerTable {
  const player = game.player;
  /** One local player for now: another id is a resource that does not exist (multiplayer adds them). */
  const unknownPlayer = (id: unknown): Result<never> | null =>
    id !== undefined && id !== player.playerId ? fail('RESOURCE_NOT_FOUND', `no player ${String(id)}; the local player is ${player.playerId}`) : null;
  const busy = () => refuseWhileLoading(game);
  const withId = (body: unknown) => (body as { player_id?: string }).player_id;

  return {
    'POST /player/spawn': ({ body }) => unknownPlayer(withId(body)) ?? busy() ?? succeeded(player.spawn(body)),
    'GET /player/position': ({ query }) => unknownPlayer(query.player_id) ?? ok({ ...player.snapshot(), timestamp: isoNow() }),
    'POST /player/teleport': ({ body }) => unknownPlayer(withId(body)) ?? busy() ?? succeeded(player.teleportRequest(body)),
    'POST /player/mode': ({ body }) => unknownPlayer(withId(body)) ?? busy() ?? succeeded(player.modeRequest(body)),
  };
}
