/**
 * The control API as an OpenAPI 3.1 document, generated from the route table so it can never drift
 * from what the router validates. Pure TypeScript: the game serves it in page at GET /openapi.json,
 * and the relay's HTTP door can serve the same object.
 */
import { z } from 'zod';
import { takesBody, takesQuery, type RouteSpec } from './route-spec.ts';
import { API_MEDIA_TYPE, API_PREFIX, API_VERSION } from './api.ts';
import { ERROR_STATUS, type ErrorCode } from './errors.ts';

type Json = Record<string, unknown>;

/** Reason phrases of seed 000 "HTTP Status Codes"; they are the OpenAPI response descriptions. */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** The seed's standard error format, as a schema so the document and tests share one definition. */
export const ErrorBodySchema = z.object({
  error: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
  message: z.string().describe('Human-readable error message'),
  status_code: z.number(),
  timestamp: z.string().describe('ISO 8601 time of the answer'),
  request_id: z.string(),
  retry_after: z.number().optional().describe('Seconds until a rate-limited caller may try again (429 only)'),
});

/** JSON Schema of a zod schema for embedding: OpenAPI 3.1 speaks draft 2020-12, minus the `$schema` tag. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  // 'any' rather than a throw: a transform or custom type should degrade to {} in the docs, not break GET /openapi.json.
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

/** `post_scene_load`: method plus path, so ids stay stable when routes are reordered. */
export const operationId = (r: Pick<RouteSpec, 'method' | 'path'>): string =>
  `${r.method.toLowerCase()}_${r.path.replace(/^\/+/, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '')}`;

/** Every status a route can answer: 200, its own, the door's 401, and 400 when it takes input. */
export function routeStatuses(r: RouteSpec): number[] {
  const all = new Set([200, ...r.statuses, 401]);
  if (takesQuery(r) || takesBody(r)) all.add(400);
  return [...all].sort((a, b) => a - b);
}

/** A body the door accepts when absent (`EmptyBody`, `.optional()`) is an optional requestBody. */
export const bodyRequired = (r: RouteSpec): boolean => takesBody(r) && !r.body.safeParse(undefined).success;

/**
 * Headers every answer carries. Rate limits are the network door's (the relay enforces the seed's
 * per-IP limits), so their headers and 429 are documented there, not by the page.
 */
const ANSWER_HEADERS = {
  'X-Request-Id': { description: 'Id of this request (also in error bodies as request_id)', schema: { type: 'string' } },
  'X-API-Version': { description: 'Major API version that answered', schema: { type: 'string' } },
  'Server-Timing': { description: 'handler;dur=…, total;dur=… (milliseconds)', schema: { type: 'string' } },
};
const headerRefs = Object.fromEntries(Object.keys(ANSWER_HEADERS).map((h) => [h, { $ref: `#/components/headers/${h}` }]));

function parameters(r: RouteSpec): Json[] | undefined {
  if (!takesQuery(r)) return undefined;
  // Read the names off the JSON Schema rather than zod internals: it already resolved optional and pipes.
  const schema = jsonSchema(r.query, 'input');
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({
    name, in: 'query', required: required.has(name), schema: s,
    ...(r.example.query?.[name] !== undefined ? { example: r.example.query[name] } : {}),
  }));
}

function operation(r: RouteSpec): Json {
  const schema = jsonSchema(r.response, 'output');
  // The seed's Accept: application/vnd.spacetime.v2+json selects v2; it only makes sense for JSON answers.
  const content: Json = { [r.contentType ?? 'application/json']: { schema } };
  if (!r.contentType) content[API_MEDIA_TYPE] = { schema };
  const responses: Json = {};
  for (const status of routeStatuses(r)) {
    responses[String(status)] = status === 200
      ? { description: STATUS_TEXT[200], headers: headerRefs, content }
      : {
        description: STATUS_TEXT[status] ?? `HTTP ${status}`, headers: headerRefs,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
  }
  const params = parameters(r);
  return {
    operationId: operationId(r),
    tags: [r.group],
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    ...(params ? { parameters: params } : {}),
    ...(takesBody(r) ? {
      requestBody: {
        required: bodyRequired(r),
        content: { 'application/json': { schema: jsonSchema(r.body, 'input'), ...(r.example.body !== undefined ? { example: r.example.body } : {}) } },
      },
    } : {}),
    responses,
    // read or write (writes wait while a replay runs; the relay's per-IP limits count them apart); not an OpenAPI field, hence the x- prefix.
    'x-rate-limit-bucket': r.kind,
  };
}

export function buildOpenApi(routes: readonly RouteSpec[]): Json {
  const paths: Record<string, Json> = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method.toLowerCase()] = operation(r);
  // Tags in table order so viewers list groups the way docs/api.md does.
  const tags = [...new Set(routes.map((r) => r.group))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: { title: 'SpaceTime XR control API', version: API_VERSION },
    // The relay serves the API under /api/v2; the in-page door takes bare paths.
    servers: [{ url: API_PREFIX }, { url: '/' }],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <api_token>' } },
      schemas: { Error: jsonSchema(ErrorBodySchema, 'output') },
      headers: ANSWER_HEADERS,
    },
  };
}
