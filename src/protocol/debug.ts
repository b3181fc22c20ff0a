/**
 * Debug Adapter and Language Server shapes of seed 000 (POST /debug/launch, /debug/setBreakpoints,
 * /debug/continue, /debug/evaluate, /lsp/completion, /lsp/definition), re-read for a browser game:
 * the game loop is the debuggee, breakpoints sit on telemetry events or named systems, and
 * expressions are dotted paths over game state (never evaluated as code).
 * Objects are not strict: DAP/LSP clients routinely send extra fields (sourceModified, lines, ...).
 */
import { z } from 'zod';
import { fail, ok, type Result } from './errors.ts';
import { ScenePathSchema } from './scenes.ts';
import { INTERVAL_EVENTS, TELEMETRY_EVENTS, type TelemetryEvent } from './telemetry.ts';

/**
 * Telemetry events a breakpoint can stop on: the game's own happenings. The interval events (fps,
 * tracking, position) are samples sent on a timer, not moments in the game, so they are not here.
 */
export const DEBUG_EVENTS = TELEMETRY_EVENTS.filter((e) => !(INTERVAL_EVENTS as readonly TelemetryEvent[]).includes(e));
export type DebugEvent = TelemetryEvent;

/** Systems a breakpoint can stop in: `player` each player step, `terrain` an edit being applied, `scenes` a load completing. */
export const DEBUG_SYSTEMS = ['player', 'terrain', 'scenes'] as const;
export type DebugSystem = (typeof DEBUG_SYSTEMS)[number];

export type BreakpointKind = 'events' | 'systems';

/** Longest breakpoint condition: conditions are checked inside the frame, so they stay short. */
export const MAX_CONDITION_LENGTH = 200;
export const MAX_BREAKPOINTS_PER_SOURCE = 64;
/** One minute at 60 Hz: longer runs are what continue is for. */
export const MAX_STEP_FRAMES = 3600;

const int = (name: string) => z.int(`${name} must be an integer`);

export const DebugLaunchSchema = z.object({
  /** The scene to debug (`res://scenes/test_arena.tscn` or a bare name); absent = the current one. */
  program: ScenePathSchema.optional(),
  noDebug: z.boolean('noDebug must be a boolean').optional(),
  stopOnEntry: z.boolean('stopOnEntry must be a boolean').optional(),
});
export type DebugLaunchRequest = z.infer<typeof DebugLaunchSchema>;

export const SetBreakpointsSchema = z.object({
  /** `events/<telemetry event>` or `systems/<system>`; see parseBreakpointSource. */
  source: z.object({ path: z.string('source.path must be a string').min(1).max(200) }),
  breakpoints: z
    .array(
      z.object({
        line: int('line').min(0).optional(),
        condition: z.string('condition must be a string').max(MAX_CONDITION_LENGTH).optional(),
      }),
    )
    .max(MAX_BREAKPOINTS_PER_SOURCE, `at most ${MAX_BREAKPOINTS_PER_SOURCE} breakpoints per source`),
});
export type SetBreakpointsRequest = z.infer<typeof SetBreakpointsSchema>;

export const DebugContinueSchema = z.object({ threadId: int('threadId').optional() });
export type DebugContinueRequest = z.infer<typeof DebugContinueSchema>;

export const DebugStepSchema = z.object({
  frames: int('frames').min(1).max(MAX_STEP_FRAMES),
  threadId: int('threadId').optional(),
});
export type DebugStepRequest = z.infer<typeof DebugStepSchema>;

export const DebugEvaluateSchema = z.object({
  expression: z.string('expression must be a string').min(1).max(200),
  frameId: int('frameId').optional(),
  context: z.enum(['watch', 'repl', 'hover', 'variables']).optional(),
});
export type DebugEvaluateRequest = z.infer<typeof DebugEvaluateSchema>;

/** `text` is the expression document being edited; without it completion starts at the state root. */
export const LspPositionRequestSchema = z.object({
  textDocument: z.object({ uri: z.string('textDocument.uri must be a string'), text: z.string().max(10_000).optional() }),
  position: z.object({ line: int('position.line').min(0), character: int('position.character').min(0) }),
});
export type LspPositionRequest = z.infer<typeof LspPositionRequestSchema>;

/**
 * The target a breakpoint source path names. A `res://` prefix is tolerated because DAP clients
 * send whatever path their editor shows. Null when the kind or name is unknown.
 */
export function parseBreakpointSource(path: string): { kind: BreakpointKind; name: string } | null {
  const match = /^(?:res:\/\/)?(events|systems)\/([a-z_]+)$/.exec(path.trim());
  if (!match) return null;
  const kind = match[1] as BreakpointKind;
  const names: readonly string[] = kind === 'events' ? DEBUG_EVENTS : DEBUG_SYSTEMS;
  return names.includes(match[2]) ? { kind, name: match[2] } : null;
}

export interface DebugLaunchResult { status: 'launched'; session_id: string; timestamp: string }

export interface BreakpointInfo { id: number; line: number; verified: boolean; message?: string }
export interface BreakpointsSetResult { status: 'breakpoints_set'; breakpoints: BreakpointInfo[] }

export interface DebugContinueResult { status: 'continued'; threadId: number; timestamp: string }
/** Ours: answered once the frames have run, so a following evaluate sees their result. */
export interface DebugStepResult { status: 'stepped'; frames: number; timestamp: string }

export type EvaluatedType = 'int' | 'float' | 'string' | 'bool' | 'object' | 'null';
export interface DebugEvaluateResult { status: 'evaluated'; result: string; type: EvaluatedType; variablesReference: 0 }

export interface PathSegment { name: string; index?: number }
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(\d{1,6})\])?$/;

/**
 * The whole expression grammar: `a.b[2].c`. Anything else (calls, operators, quotes) is refused, and
 * so are prototype names, because the walk over game state must never leave its own data.
 */
export function parseStatePath(expression: string): Result<PathSegment[]> {
  const text = expression.trim();
  if (!text) return fail('INVALID_PARAMETER', 'expression is empty');
  const segments: PathSegment[] = [];
  for (const part of text.split('.')) {
    const match = SEGMENT.exec(part);
    if (!match) return fail('INVALID_PARAMETER', `'${text}' is not a state path: use names joined by dots, e.g. player.position.y`);
    if (FORBIDDEN.has(match[1])) return fail('INVALID_PARAMETER', `'${match[1]}' is not readable`);
    segments.push({ name: match[1], index: match[2] === undefined ? undefined : Number(match[2]) });
  }
  return ok(segments);
}

export type ConditionLiteral = number | string | boolean | null;
const OPS = ['==', '!=', '<=', '>=', '<', '>'] as const;
export type ConditionOp = (typeof OPS)[number];
const CONDITION = /^(.+?)\s*(==|!=|<=|>=|<|>)\s*(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|'[^']*'|"[^"]*"|true|false|null)$/;

/** A breakpoint condition's syntax: `<path> <op> <literal>` or a bare path (truthy). The path is checked by the caller. */
export function splitCondition(expression: string): Result<{ path: string; op?: ConditionOp; literal?: ConditionLiteral }> {
  const text = expression.trim();
  const match = CONDITION.exec(text);
  if (!match) {
    return /[=!<>]/.test(text)
      ? fail('INVALID_PARAMETER', `'${text}' is not a condition: use <path> <op> <literal>, op one of ${OPS.join(' ')}`)
      : ok({ path: text });
  }
  const [, path, op, raw] = match as unknown as [string, string, ConditionOp, string];
  const literal = raw === 'true' ? true : raw === 'false' ? false : raw === 'null' ? null : /^['"]/.test(raw) ? raw.slice(1, -1) : Number(raw);
  if (op !== '==' && op !== '!=' && typeof literal !== 'number') return fail('INVALID_PARAMETER', `${op} needs a number on the right`);
  return ok({ path, op, literal });
}

/** LSP CompletionItemKind values we use. */
export const COMPLETION_KIND = { Field: 5, Module: 9 } as const;
export interface CompletionItem { label: string; kind: number; detail: string; documentation: string }
export interface CompletionResult { status: 'success'; items: CompletionItem[] }

export interface LspPosition { line: number; character: number }
export interface LspRange { start: LspPosition; end: LspPosition }
export interface DefinitionResult { status: 'success'; uri: string; range: LspRange }

/** The plain object evaluatePath walks, derived from the state tree's one declaration. */
export type { GameStateView } from './state-tree.ts';
