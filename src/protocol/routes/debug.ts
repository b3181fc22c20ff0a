/** Seed 000 debug adapter and language server routes, re-read for a browser game (see docs/api.md). */
import { z } from 'zod';
import { defineRoute, NoQuery, routeTable } from '../route-spec.ts';
import {
  DebugContinueSchema, DebugEvaluateSchema, DebugLaunchSchema, DebugStepSchema, LspPositionRequestSchema, SetBreakpointsSchema,
} from '../debug.ts';
import { Timestamp } from './common.ts';

const dap = 'Debug Adapter (DAP)';
const lsp = 'Language Server (LSP)';
const Range = z.object({ start: z.object({ line: z.number(), character: z.number() }), end: z.object({ line: z.number(), character: z.number() }) });
/** The seed's examples, word for word (a Godot script URI, no text): completion then starts at the state root. */
const lspExample = { body: { textDocument: { uri: 'file:///C:/godot/scripts/player/spacecraft.gd' }, position: { line: 10, character: 5 } } };

export const DEBUG_ROUTES = routeTable({
  'POST /debug/launch': defineRoute({
    method: 'POST', path: '/debug/launch', group: dap, kind: 'write', statuses: [400, 404],
    query: NoQuery,
    summary: 'Start a debug session on the game loop; `program` loads that scene first, `stopOnEntry` pauses the simulation',
    body: DebugLaunchSchema,
    response: z.object({ status: z.literal('launched'), session_id: z.string(), timestamp: Timestamp }),
    example: { body: { program: 'res://vr_main.tscn', noDebug: false, stopOnEntry: false } },
  }),
  'POST /debug/setBreakpoints': defineRoute({
    method: 'POST', path: '/debug/setBreakpoints', group: dap, kind: 'write', statuses: [400, 409],
    query: NoQuery,
    summary: 'Pause the simulation when a telemetry event fires (`events/<name>`) or a system runs (`systems/player|terrain|scenes`)',
    description: 'Replaces the source\'s breakpoints. An optional `condition` is a path comparison such as `player.health < 50`. Sources the game does not have (like the seed example\'s Godot script) come back `verified: false`; try `{ "source": { "path": "events/terrain_modified" }, "breakpoints": [{}] }`.',
    body: SetBreakpointsSchema,
    response: z.object({ status: z.literal('breakpoints_set'), breakpoints: z.array(z.object({ id: z.number(), line: z.number(), verified: z.boolean(), message: z.string().optional() })) }),
    example: { body: { source: { path: 'res://scripts/player/spacecraft.gd' }, breakpoints: [{ line: 10 }, { line: 25 }] } },
  }),
  'POST /debug/continue': defineRoute({
    method: 'POST', path: '/debug/continue', group: dap, kind: 'write', statuses: [400, 409],
    query: NoQuery,
    summary: 'Resume the simulation',
    body: DebugContinueSchema,
    response: z.object({ status: z.literal('continued'), threadId: z.number(), timestamp: Timestamp }),
    example: { body: { threadId: 1 } },
  }),
  'POST /debug/step': defineRoute({
    method: 'POST', path: '/debug/step', group: dap, kind: 'write', statuses: [400, 409],
    query: NoQuery,
    summary: 'Simulate exactly N frames, then stay paused; answers after they ran',
    body: DebugStepSchema,
    response: z.object({
      status: z.literal('stepped'), frames: z.number(),
      stop_reason: z.enum(['step', 'breakpoint', 'entry', 'pause']).nullable().describe('step: all N frames ran; breakpoint: one hit first'),
      timestamp: Timestamp,
    }),
    example: { body: { frames: 10, threadId: 1 } },
  }),
  'POST /debug/evaluate': defineRoute({
    method: 'POST', path: '/debug/evaluate', group: dap, kind: 'read', statuses: [400, 404],
    query: NoQuery,
    summary: 'Read a path of game state (`player.health`, `scene.current`); never evaluates code',
    body: DebugEvaluateSchema,
    response: z.object({ status: z.literal('evaluated'), result: z.string(), type: z.string(), variablesReference: z.number() }),
    example: { body: { expression: 'player.health', frameId: 0, context: 'watch' } },
  }),
  'POST /lsp/completion': defineRoute({
    method: 'POST', path: '/lsp/completion', group: lsp, kind: 'read', statuses: [400],
    query: NoQuery,
    summary: 'Complete a state path at the cursor',
    body: LspPositionRequestSchema,
    response: z.object({ status: z.literal('success'), items: z.array(z.object({ label: z.string(), kind: z.number(), detail: z.string(), documentation: z.string() })) }),
    example: lspExample,
  }),
  'POST /lsp/definition': defineRoute({
    method: 'POST', path: '/lsp/definition', group: lsp, kind: 'read', statuses: [400, 404],
    query: NoQuery,
    summary: 'Which module (store or system) owns the state path at the cursor',
    body: LspPositionRequestSchema,
    response: z.object({ status: z.literal('success'), uri: z.string(), range: Range }),
    example: lspExample,
  }),
});
