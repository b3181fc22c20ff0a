/** Player routes: the sim validates and acts; this adds the seed's status and timestamp. */
import { fail, ok, type Result } from '../../protocol/errors.ts';
import type { HandlerTable } from '../router.ts';
import type { PLAYER_ROUTES } from '../../protocol/routes/player.ts';
import { isoNow, refuseWhileLoading, succeeded, type ControlContext } from '../control-context.ts';

export function playerHandlers({ game }: ControlContext): HandlerTable<typeof PLAYER_ROUTES> {
  const player = game.player;
  /** One local player for now: another id is a resource that does not exist (multiplayer adds them). */
  const unknownPlayer = (id: string | undefined): Result<never> | null =>
    id !== undefined && id !== player.playerId ? fail('RESOURCE_NOT_FOUND', `no player ${id}; the local player is ${player.playerId}`) : null;
  const busy = () => refuseWhileLoading(game);

  return {
    'POST /player/spawn': ({ body }) => unknownPlayer(body.player_id) ?? busy() ?? succeeded(player.spawn(body)),
    'GET /player/position': ({ query }) => unknownPlayer(query.player_id) ?? ok({ ...player.snapshot(), timestamp: isoNow() }),
    'POST /player/teleport': ({ body }) => unknownPlayer(body.player_id) ?? busy() ?? succeeded(player.teleportRequest(body)),
    'POST /player/mode': ({ body }) => unknownPlayer(body.player_id) ?? busy() ?? succeeded(player.modeRequest(body)),
  };
}
