/** Scene routes, including the SceneRouter forms (POST/GET/PUT /scene). */
import { ok } from '../../protocol/errors.ts';
import type { Handler, HandlerTable } from '../router.ts';
import type { ControlContext } from '../control-context.ts';

export function sceneHandlers({ game }: ControlContext): HandlerTable {
  const load: Handler = ({ body }) => game.scenes.load(body);
  const current: Handler = () => game.scenes.currentInfo();
  const validate: Handler = ({ body }) => game.scenes.validate(body);
  return {
    'GET /scenes': () => {
      const scenes = game.scenes.list();
      return ok({ scenes, count: scenes.length });
    },
    'POST /scene/load': load,
    'GET /scene/current': current,
    'POST /scene/reload': ({ body }) => game.scenes.reload(body ?? {}),
    'GET /scene/history': () => ok(game.scenes.history()),
    'POST /scene/validate': validate,
    'POST /scene': load,
    'GET /scene': current,
    'PUT /scene': validate,
  };
}
