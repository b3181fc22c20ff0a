/**
 * Debug adapter and language server routes over the game loop: launch a session (optionally on a
 * scene), break on events or systems, continue, step N frames, read state paths, complete them.
 */
import { fail, ok, type Result } from '../../protocol/errors.ts';
import { completePath, definitionOf, evaluatePath } from '../state-paths.ts';
import type { HandlerTable } from '../router.ts';
import type { DEBUG_ROUTES } from '../../protocol/routes/debug.ts';
import { isoNow, settleWithin, unixSeconds, type ControlContext } from '../control-context.ts';

/** A step that has not finished in this long is stuck (rendering paused, tab hidden). */
const STEP_TIMEOUT_MS = 120_000;

export function debugHandlers(ctx: ControlContext): HandlerTable<typeof DEBUG_ROUTES> {
  const { game, debug } = ctx;
  const noSession = (): Result<never> | null => (debug.active ? null : fail('CONFLICT', 'no debug session; POST /debug/launch first'));
  const dap = () => void (ctx.activity.dap = unixSeconds());
  const lsp = () => void (ctx.activity.lsp = unixSeconds());

  return {
    'POST /debug/launch': async ({ body }) => {
      dap();
      const { program, noDebug, stopOnEntry } = body;
      if (program) {
        const loaded = await game.scenes.load({ scene_path: program });
        if (!loaded.ok) return loaded;
      }
      const { session_id } = debug.launch({ noDebug, stopOnEntry });
      return ok({ status: 'launched', session_id, timestamp: isoNow() });
    },
    'POST /debug/setBreakpoints': ({ body }) => {
      dap();
      const { source, breakpoints } = body;
      return noSession() ?? ok({ status: 'breakpoints_set', breakpoints: debug.setBreakpoints(source.path, breakpoints) });
    },
    'POST /debug/continue': ({ body }) => {
      dap();
      const refused = noSession();
      if (refused) return refused;
      debug.continue();
      return ok({ status: 'continued', threadId: body.threadId ?? 1, timestamp: isoNow() });
    },
    'POST /debug/step': async ({ body }) => {
      dap();
      const refused = noSession();
      if (refused) return refused;
      if (!game.playing()) return fail('CONFLICT', 'the simulation is not running (a scene is loading, or the menu is up)');
      if (game.store.getState().renderPaused) return fail('CONFLICT', 'rendering is paused, so no frame can be stepped');
      const { frames } = body;
      debug.step(frames);
      const done = await settleWithin(debug.whenStepsDone(), STEP_TIMEOUT_MS);
      if (done === 'timeout') return fail('SERVICE_UNAVAILABLE', `the ${frames} frames did not run within ${STEP_TIMEOUT_MS / 1000} s`);
      // A breakpoint (or a new launch) can end the step early: say why it stopped.
      return ok({ status: 'stepped', frames, stop_reason: debug.stopReason?.reason ?? null, timestamp: isoNow() });
    },
    'POST /debug/evaluate': ({ body }) => {
      dap();
      const r = evaluatePath(body.expression, ctx.stateView());
      return r.ok ? ok({ status: 'evaluated', result: r.value.result, type: r.value.type, variablesReference: 0 }) : r;
    },
    'POST /lsp/completion': ({ body }) => {
      lsp();
      const { textDocument, position } = body;
      return ok({ status: 'success', items: completePath(textDocument.text ?? '', position.line, position.character) });
    },
    'POST /lsp/definition': ({ body }) => {
      lsp();
      const { textDocument, position } = body;
      const r = definitionOf(textDocument.text ?? '', position.line, position.character);
      return r.ok ? ok({ status: 'success', ...r.value }) : r;
    },
  };
}
