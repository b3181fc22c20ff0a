/**
 * The route reference of docs/api.md, rendered from the route table (scripts/api-docs.ts writes it,
 * api-docs.test.ts keeps it true). Pure string work and deterministic: no clocks, table order only.
 */
import type { RouteSpec } from './route-spec.ts';
import { API_PREFIX } from './api.ts';
import { STATUS_TEXT, jsonSchema, routeStatuses } from './openapi.ts';

type Json = Record<string, unknown>;

export const ROUTES_START = '<!-- routes:start -->';
export const ROUTES_END = '<!-- routes:end -->';
/** The relay's address in seed 000's examples (Development base URL). */
const RELAY = 'http://localhost:8080';

/** A JSON Schema as a short type: `string`, `"success"`, `array<number>`, `string | null`. */
function typeName(s: Json): string {
  if ('const' in s) return JSON.stringify(s.const);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (union) return union.map(typeName).join(' | ');
  if (s.type === 'array') return `array<${s.items ? typeName(s.items as Json) : 'any'}>`;
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return typeof s.type === 'string' ? s.type : 'any';
}

/** Table cells must not contain a raw `|`; backticks keep types readable. */
const cell = (t: string): string => t.replace(/\|/g, '\\|');

/** Rows of the 200 response: top-level fields, and one level of nested object fields as `a.b`. */
function responseTable(r: RouteSpec): string[] {
  const schema = jsonSchema(r.response, 'output');
  const props = schema.properties as Record<string, Json> | undefined;
  if (schema.type !== 'object' || !props) {
    return [`Response (\`${r.contentType ?? 'application/json'}\`): \`${typeName(schema)}\`.`];
  }
  const rows = ['| Field | Type | Notes |', '|---|---|---|'];
  const row = (name: string, s: Json) =>
    rows.push(`| \`${name}\` | \`${cell(typeName(s))}\` | ${cell(String(s.description ?? ''))} |`);
  for (const [name, s] of Object.entries(props)) {
    row(name, s);
    const inner = s.properties as Record<string, Json> | undefined;
    if (s.type === 'object' && inner) for (const [sub, t] of Object.entries(inner)) row(`${name}.${sub}`, t);
  }
  return ['Response fields (200):', '', ...rows];
}

/** Indented JSON, but arrays of plain values on one line so long vectors stay short. */
function pretty(v: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
    return `[\n${v.map((x) => inner + pretty(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v === null || typeof v !== 'object' || Object.keys(v).length === 0) return JSON.stringify(v);
  return `{\n${Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(',\n')}\n${indent}}`;
}

/** Shell single quotes: close, escaped quote, reopen. */
const shellQuote = (t: string): string => `'${t.replace(/'/g, `'\\''`)}'`;

function exampleLines(r: RouteSpec): string[] {
  const { query, body } = r.example;
  const qs = query && Object.keys(query).length ? `?${new URLSearchParams(query).toString()}` : '';
  const target = `${r.path}${qs}`;
  const args = [`'${r.method}'`, `'${target}'`, ...(body !== undefined ? [JSON.stringify(body)] : [])];
  // Double quotes around the header so the shell expands $TOKEN; the body is single-quoted JSON.
  const url = `${RELAY}${API_PREFIX}${target}`;
  // A query's `&` would background the command in a shell, so such URLs are quoted.
  const curl = [`curl -X ${r.method} ${qs ? shellQuote(url) : url}`, `-H "Authorization: Bearer $TOKEN"`];
  if (body !== undefined) curl.push(`-H 'Content-Type: application/json'`, `-d ${shellQuote(JSON.stringify(body))}`);
  const shown = body !== undefined ? body : query;
  const label = body !== undefined ? ' (request body)' : query !== undefined ? ' (query parameters)' : '';
  return [
    `**Example**${label}`, '',
    ...(shown !== undefined ? ['```json', pretty(shown), '```', ''] : []),
    '```js', `await window.spacetime.request(${args.join(', ')})`, '```', '',
    '```sh', curl.join(' '), '```',
  ];
}

function routeSection(r: RouteSpec): string[] {
  const statuses = routeStatuses(r).map((s) => `\`${s}\` ${STATUS_TEXT[s] ?? ''}`.trim()).join(', ');
  return [
    `### ${r.method} ${r.path}`, '',
    r.summary, '',
    ...(r.description ? [r.description, ''] : []),
    ...exampleLines(r), '',
    ...responseTable(r), '',
    `Status codes: ${statuses}.`, '',
  ];
}

/** Markdown for every route, grouped by `group` in first-appearance order; ends with one newline. */
export function renderRouteDocs(routes: readonly RouteSpec[]): string {
  const groups = new Map<string, RouteSpec[]>();
  for (const r of routes) groups.set(r.group, [...(groups.get(r.group) ?? []), r]);
  const lines: string[] = [];
  for (const [group, members] of groups) lines.push(`## ${group}`, '', ...members.flatMap(routeSection));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The generated text between the markers, or undefined when the markers are missing. */
export function extractGenerated(doc: string): string | undefined {
  const start = doc.indexOf(ROUTES_START);
  const end = doc.indexOf(ROUTES_END);
  if (start < 0 || end < start) return undefined;
  return `${doc.slice(start + ROUTES_START.length, end).trim()}\n`;
}

/** `doc` with only the text between the markers replaced (markers appended when absent). */
export function spliceGenerated(doc: string, generated: string): string {
  const block = `${ROUTES_START}\n\n${generated.trimEnd()}\n\n${ROUTES_END}`;
  const start = doc.indexOf(ROUTES_START);
  const end = doc.indexOf(ROUTES_END);
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${block}\n`;
  return doc.slice(0, start) + block + doc.slice(end + ROUTES_END.length);
}
