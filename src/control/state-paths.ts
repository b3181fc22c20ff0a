/**
 * The readable game state as a typed tree, and the only ways the debug/LSP doors touch it:
 * dotted paths (`player.position.y`) are parsed by a small grammar and walked over own properties.
 * Nothing here ever reaches eval/Function, so an expression cannot run code or climb prototypes.
 */
import { COMPLETION_KIND, parseStatePath as parsePath, splitCondition, type CompletionItem, type ConditionLiteral, type ConditionOp, type EvaluatedType, type LspRange, type PathSegment as Segment } from '../protocol/debug.ts';
import { fail, ok, type Result } from '../protocol/errors.ts';
import { STATE_SPEC, type NodeSpec } from '../protocol/state-tree.ts';

export type NodeType = EvaluatedType;
export interface StateNode {
  type: NodeType;
  doc: string;
  /** Repo-relative path of the module that owns the value (the LSP definition target). */
  owner: string;
  /** The value may also be null (scene.current while nothing is loaded). */
  nullable?: boolean;
  children?: Record<string, StateNode>;
}

/** Owners are written once per subtree and inherited, so a moved module is one edit. */
function own(spec: NodeSpec, inherited: string): StateNode {
  const owner = spec.owner ?? inherited;
  if (spec.type !== 'object') return { type: spec.type, doc: spec.doc, owner, ...(spec.nullable ? { nullable: true } : {}) };
  return { type: 'object', doc: spec.doc, owner, children: Object.fromEntries(Object.entries(spec.children).map(([k, c]) => [k, own(c, owner)])) };
}

/** The lookup tree, built from the one declaration (protocol/state-tree.ts) that GameStateView is derived from too. */
export const STATE_TREE: StateNode = own(STATE_SPEC, '');

export type { GameStateView } from '../protocol/state-tree.ts';

/** Edit distance, case-blind: typo suggestions only, the tree has a few dozen names. */
function distance(a: string, b: string): number {
  [a, b] = [a.toLowerCase(), b.toLowerCase()];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

const allPaths = (node: StateNode, path = ''): string[] => Object.entries(node.children ?? {})
  .flatMap(([key, child]) => [path + key, ...allPaths(child, `${path + key}.`)]);

/** A near sibling first (typos), else the same name elsewhere in the tree (`health` → `player.health`). */
function suggest(name: string, siblings: Record<string, StateNode>, parent: string): string | undefined {
  const near = Object.keys(siblings).map((key) => ({ key, d: distance(name, key) }))
    .filter(({ d }) => d <= Math.max(1, Math.floor(name.length / 3))).sort((a, b) => a.d - b.d)[0];
  if (near) return parent ? `${parent}.${near.key}` : near.key;
  return allPaths(STATE_TREE).find((path) => path.endsWith(`.${name}`));
}

/** The tree node a path names; indices are checked against the value, not the tree. */
function nodeOf(path: string): Result<{ segments: Segment[]; node: StateNode }> {
  const segments = parsePath(path);
  if (!segments.ok) return segments;
  let node = STATE_TREE;
  for (const [i, { name }] of segments.value.entries()) {
    const child = node.children && Object.hasOwn(node.children, name) ? node.children[name] : undefined;
    const walked = segments.value.slice(0, i).map((s) => s.name).join('.');
    if (!child) {
      const hint = suggest(name, node.children ?? {}, walked);
      return fail('RESOURCE_NOT_FOUND', `${walked ? `'${walked}'` : 'the game state'} has no '${name}'${hint ? `; did you mean '${hint}'?` : ''}`);
    }
    node = child;
  }
  return ok({ segments: segments.value, node });
}

/** The raw value behind known segments, walking own properties only. */
function resolve(segments: readonly Segment[], root: object): Result<unknown> {
  let value: unknown = root;
  for (const { name, index } of segments) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, name)) {
      return fail('RESOURCE_NOT_FOUND', `'${name}' is not available in the current game state`);
    }
    value = (value as Record<string, unknown>)[name];
    if (index === undefined) continue;
    if (!Array.isArray(value)) return fail('INVALID_PARAMETER', `'${name}' is not a list; [${index}] cannot apply`);
    if (index >= value.length) return fail('RESOURCE_NOT_FOUND', `'${name}[${index}]' is out of range (length ${value.length})`);
    value = value[index];
  }
  return ok(value);
}

export function evaluatePath(expression: string, root: object): Result<{ result: string; type: EvaluatedType }> {
  const found = nodeOf(expression);
  if (!found.ok) return found;
  const value = resolve(found.value.segments, root);
  if (!value.ok) return value;
  const v = value.value;
  return ok({ result: typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v), type: v === null ? 'null' : found.value.node.type });
}

export interface ParsedCondition { segments: Segment[]; op?: ConditionOp; literal?: ConditionLiteral }

/** Parsed once when a breakpoint is set, so a bad condition is reported then (unverified), not each frame. */
export function parseCondition(expression: string): Result<ParsedCondition> {
  const split = splitCondition(expression);
  if (!split.ok) return split;
  const { path, op, literal } = split.value;
  const found = nodeOf(path);
  if (!found.ok) return found;
  if (op && found.value.node.type === 'object') return fail('INVALID_PARAMETER', `'${path}' is an object and cannot be compared`);
  return ok({ segments: found.value.segments, op, literal });
}

export function checkCondition(condition: ParsedCondition, root: object): Result<boolean> {
  const found = resolve(condition.segments, root);
  if (!found.ok) return found;
  const [{ op, literal }, value] = [condition, found.value];
  if (op === undefined) return ok(Boolean(value));
  if (op === '==') return ok(value === literal);
  if (op === '!=') return ok(value !== literal);
  if (typeof value !== 'number' || typeof literal !== 'number') return ok(false);
  return ok(op === '<' ? value < literal : op === '<=' ? value <= literal : op === '>' ? value > literal : value >= literal);
}

export function evaluateCondition(expression: string, root: object): Result<boolean> {
  const parsed = parseCondition(expression);
  return parsed.ok ? checkCondition(parsed.value, root) : parsed;
}

/** The line the cursor is on, and the cursor clamped into it (LSP clients may point past the end). */
const lineAt = (text: string, line: number, character: number) => {
  const source = text.split('\n')[line] ?? '';
  return { source, at: Math.min(character, source.length) };
};

export function completePath(text: string, line: number, character: number): CompletionItem[] {
  const { source, at } = lineAt(text, line, character);
  const prefix = /[A-Za-z0-9_.[\]]*$/.exec(source.slice(0, at))?.[0] ?? '';
  const parts = prefix.split('.'), partial = parts.pop() ?? '';
  const parent = parts.length ? nodeOf(parts.join('.')) : ok({ node: STATE_TREE });
  if (!parent.ok || !parent.value.node.children) return [];
  return Object.entries(parent.value.node.children)
    .filter(([key]) => key.toLowerCase().startsWith(partial.toLowerCase()))
    .map(([label, child]) => ({ label, kind: child.children ? COMPLETION_KIND.Module : COMPLETION_KIND.Field,
      detail: child.nullable ? `${child.type} | null` : child.type, documentation: child.doc }));
}

export function definitionOf(text: string, line: number, character: number): Result<{ uri: string; range: LspRange }> {
  const { source, at } = lineAt(text, line, character);
  // The path up to the end of the word under the cursor: on `player` in `player.health` → `player`.
  const end = at + (/^[A-Za-z0-9_]*/.exec(source.slice(at))?.[0].length ?? 0);
  const path = /[A-Za-z0-9_.[\]]*$/.exec(source.slice(0, end))?.[0].replace(/^\.+|\.+$/g, '') ?? '';
  // No path (or no text, as from an editor that sends only a position): the tree's own builder.
  if (!path) return ok({ uri: 'file:///src/control/state-view.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  const found = nodeOf(path);
  if (!found.ok) return found;
  // The owner module, not a line in it: the browser cannot read sources to find the field.
  const zero = { line: 0, character: 0 };
  return ok({ uri: `file:///${found.value.node.owner}`, range: { start: zero, end: zero } });
}
