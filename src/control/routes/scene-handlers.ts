/** Scene routes, including the SceneRouter forms (POST/GET/PUT /scene). */
import { ok } from '../../protocol/errors.ts';
import type { HandlerTable } from '../router.ts';
import type { SCENE_ROUTES } from '../../protocol/routes/scene.ts';
import type { ControlContext } from '../control-context.ts';
import type { SceneLoadRequest } from '../../protocol/scenes.ts';

export function sceneHandlers({ game }: ControlContext): HandlerTable<typeof SCENE_ROUTES> {
  // The SceneRouter forms share the seed routes' schemas, so one function serves both keys.
  const load = ({ body }: { body: SceneLoadRequest }) => game.scenes.load(body);
  const current = () => game.scenes.currentInfo();
  const validate = ({ body }: { body: SceneLoadRequest }) => game.scenes.validate(body);
  return {
    'GET /scenes': () => {
      const scenes = game.scenes.list();
      return ok({ scenes, count: scenes.length });
    },
    'POST /scene/load': load,
    'GET /scene/current': current,
    'POST /scene/reload': ({ body }) => game.scenes.reload(body),
    'GET /scene/history': () => ok(game.scenes.history()),
    'POST /scene/validate': validate,
    'POST /scene': load,
    'GET /scene': current,
    'PUT /scene': validate,
  };
}
