/**
 * The relay's whole HTTP API as one OpenAPI 3.1 document (served at GET /docs/openapi.json, read by
 * /docs and /redoc): the control-API routes a game page answers, generated from the same route
 * table by src/protocol/openapi.ts, plus the relay's own routes (worlds, webhooks, /auth/*, seed
 * 001's account routes, /batch), described here. Request bodies come from the routes' zod schemas
 * where they are exported; the account and sign-in bodies are written out below (their schemas are
 * private to account-routes.ts and auth-routes.ts).
 *
 * GET /openapi.json stays the page's own route (the control API alone).
 */
import { buildOpenApi, jsonSchema, STATUS_TEXT } from '../../../src/protocol/openapi.ts';
import { CreateWorldSchema } from '../../../src/protocol/net/worlds.ts';
import { WORLD_KINDS } from '../../../src/protocol/terrain.ts';
import type { RouteSpec } from '../../../src/protocol/route-spec.ts';
import { RELAY_EVENT_NAMES } from '../events/relay-events.ts';
import { BatchRequestSchema, BatchResponseSchema, BATCHES_PER_MINUTE, MAX_BATCH_OPERATIONS } from './batch-route.ts';
import { CreateWebhookSchema, UpdateWebhookSchema } from './webhook-routes.ts';

type Json = Record<string, unknown>;

/** Where a relay route is served: bare and under /api/v2, or bare only. */
type Reach = 'both' | 'bare';

interface RelayOperation {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  tag: string;
  summary: string;
  description?: string;
  reach: Reach;
  /** The scope the bearer token needs; none: the route takes no bearer token. */
  scope?: 'read' | 'write';
  body?: Json;
  example?: unknown;
  params?: Json[];
  /** Status → [description, schema of a 2xx answer]; errors use the shared Error schema. */
  responses: Record<number, string | [string, Json]>;
  /** Rate budget the door spends: read, write, sign-in (5 a minute) or batch (10 a minute). */
  budget: 'read' | 'write' | 'sign-in' | 'batch';
}

const str = { type: 'string' };
const int = { type: 'integer' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const obj = (properties: Record<string, Json>, required = Object.keys(properties)): Json => ({ type: 'object', properties, required, additionalProperties: false });

const password = { type: 'string', minLength: 1, maxLength: 256 };
const sessionId = { type: 'string', minLength: 1, maxLength: 128, description: 'The session_id POST /login answered' };
const characterName = { type: 'string', minLength: 2, maxLength: 50 };
const worldIdInput = { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^\\d+$' }] };

const SCHEMAS: Record<string, Json> = {
  World: obj({
    world_id: int, world_name: str, seed: int, kind: { type: 'string', enum: [...WORLD_KINDS] }, edit_seq: int,
    players_online: int, created_at: str, last_played: { type: ['string', 'null'] },
  }),
  Webhook: obj({
    id: str, url: str, events: { type: 'array', items: { type: 'string', enum: [...RELAY_EVENT_NAMES] } },
    secret_set: { type: 'boolean', const: true }, created_at: str, updated_at: str,
  }),
  TokenPair: obj({ token: { type: 'string', description: 'Access JWT: send as Authorization: Bearer <token>' }, expires_at: str, refresh_token: str }),
  Success: { type: 'object', properties: { success: { type: 'boolean' }, message: str }, required: ['success'] },
  Character: obj({ id: int, name: str, world_id: int, world_name: { type: ['string', 'null'] }, created_at: str, selected: { type: 'boolean' } }),
  BatchResponse: jsonSchema(BatchResponseSchema, 'output'),
};

const TAGS = {
  worlds: 'Relay: worlds',
  webhooks: 'Relay: webhooks',
  tokens: 'Relay: tokens (/auth)',
  accounts: 'Relay: accounts (seed 001)',
  batch: 'Relay: batch',
};

const webhookId = { name: 'id', in: 'path', required: true, schema: str };

const RELAY_OPERATIONS: RelayOperation[] = [
  { method: 'get', path: '/worlds', tag: TAGS.worlds, reach: 'bare', budget: 'read', summary: 'List the shared worlds',
    responses: { 200: ['OK', obj({ worlds: { type: 'array', items: ref('World') }, count: int })] } },
  { method: 'post', path: '/worlds', tag: TAGS.worlds, reach: 'bare', budget: 'write', summary: 'Create a shared world',
    body: jsonSchema(CreateWorldSchema, 'input'), example: { world_name: 'Test world', seed: 42, kind: 'planet' },
    responses: { 201: ['Created', ref('World')], 400: 'Bad Request' } },
  { method: 'get', path: '/worlds/{id}', tag: TAGS.worlds, reach: 'bare', budget: 'read', summary: 'One shared world (pages join it with ?world=<id>)',
    params: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }],
    responses: { 200: ['OK', ref('World')], 400: 'Bad Request', 404: 'Not Found' } },

  { method: 'post', path: '/webhooks', tag: TAGS.webhooks, reach: 'both', scope: 'write', budget: 'write', summary: 'Register a webhook',
    description: 'Without `secret` the relay makes one and returns it in this answer only. Deliveries are signed with X-Spacetime-Signature: t=<unix s>,v1=HMAC-SHA256(secret, "<t>.<body>").',
    body: jsonSchema(CreateWebhookSchema, 'input'), example: { url: 'https://example.com/hook', events: ['terrain_modified'] },
    responses: { 201: ['Created (with `secret` this once)', { allOf: [ref('Webhook'), { type: 'object', properties: { secret: str } }] }], 400: 'Bad Request', 409: 'Conflict' } },
  { method: 'get', path: '/webhooks', tag: TAGS.webhooks, reach: 'both', scope: 'read', budget: 'read', summary: 'List the token subject\'s webhooks',
    responses: { 200: ['OK', obj({ webhooks: { type: 'array', items: ref('Webhook') }, count: int })] } },
  { method: 'get', path: '/webhooks/{id}', tag: TAGS.webhooks, reach: 'both', scope: 'read', budget: 'read', summary: 'One webhook, with its latest 50 delivery attempts',
    params: [webhookId], responses: { 200: ['OK', ref('Webhook')], 404: 'Not Found' } },
  { method: 'put', path: '/webhooks/{id}', tag: TAGS.webhooks, reach: 'both', scope: 'write', budget: 'write', summary: 'Change a webhook\'s url, events or secret',
    params: [webhookId], body: jsonSchema(UpdateWebhookSchema, 'input'), example: { events: ['player_joined', 'player_left'] },
    responses: { 200: ['OK', ref('Webhook')], 400: 'Bad Request', 404: 'Not Found' } },
  { method: 'delete', path: '/webhooks/{id}', tag: TAGS.webhooks, reach: 'both', scope: 'write', budget: 'write', summary: 'Delete a webhook',
    params: [webhookId], responses: { 200: ['OK', obj({ id: str, deleted: { type: 'boolean', const: true } })], 404: 'Not Found' } },

  { method: 'post', path: '/auth/login', tag: TAGS.tokens, reach: 'both', budget: 'sign-in', summary: 'Sign in: an access JWT and a refresh token',
    body: obj({ username: { type: 'string', minLength: 1, maxLength: 50 }, password }), example: { username: 'ana', password: '…' },
    responses: { 200: ['OK', ref('TokenPair')], 400: 'Bad Request', 401: 'Unauthorized' } },
  { method: 'post', path: '/auth/refresh', tag: TAGS.tokens, reach: 'both', budget: 'sign-in', summary: 'Rotate a refresh token (reusing a rotated one revokes its family)',
    body: obj({ refresh_token: { type: 'string', minLength: 1, maxLength: 512 } }),
    responses: { 200: ['OK', ref('TokenPair')], 400: 'Bad Request', 401: 'Unauthorized' } },
  { method: 'post', path: '/auth/revoke', tag: TAGS.tokens, reach: 'both', budget: 'write', summary: 'Revoke an access token, or a refresh token\'s family',
    body: obj({ token: { type: 'string', minLength: 1, maxLength: 4096 } }),
    responses: { 200: ['OK', obj({ status: str, message: str })], 400: 'Bad Request', 401: 'Unauthorized' } },

  { method: 'post', path: '/register', tag: TAGS.accounts, reach: 'bare', budget: 'sign-in', summary: 'Create a temporary account',
    body: obj({ username: { type: 'string', minLength: 1, maxLength: 50 }, password, password_confirm: password }, ['username', 'password']),
    responses: { 200: ['OK', ref('Success')], 400: 'Bad Request', 409: 'Conflict' } },
  { method: 'post', path: '/register-guest', tag: TAGS.accounts, reach: 'bare', budget: 'sign-in', summary: 'Create a guest account with a character',
    body: obj({ password, password_confirm: password, character_name: characterName }, ['password']),
    responses: { 200: ['OK', { allOf: [ref('Success'), { type: 'object', properties: { username: str, character_id: int, character_name: str, world_id: int, entity_state: {} } }] }], 400: 'Bad Request' } },
  { method: 'post', path: '/login', tag: TAGS.accounts, reach: 'bare', budget: 'sign-in', summary: 'Sign in to an account session (session_id)',
    body: obj({ username: { type: 'string', minLength: 1, maxLength: 50 }, password }),
    responses: { 200: ['OK', { allOf: [ref('Success'), { type: 'object', properties: { session_id: str, username: str, role: str, available_worlds: { type: 'array', items: {} }, characters: { type: 'array', items: ref('Character') } } }] }], 400: 'Bad Request', 401: 'Unauthorized' } },
  { method: 'post', path: '/logout', tag: TAGS.accounts, reach: 'bare', budget: 'write', summary: 'End an account session',
    body: obj({ session_id: sessionId }), responses: { 200: ['OK', ref('Success')], 401: 'Unauthorized' } },
  { method: 'post', path: '/change-password', tag: TAGS.accounts, reach: 'bare', budget: 'sign-in', summary: 'Change the account\'s password',
    body: obj({ session_id: sessionId, old_password: password, new_password: password, new_password_confirm: password }, ['session_id', 'old_password', 'new_password']),
    responses: { 200: ['OK', ref('Success')], 400: 'Bad Request', 401: 'Unauthorized' } },
  { method: 'get', path: '/characters', tag: TAGS.accounts, reach: 'bare', budget: 'read', summary: 'The session\'s characters',
    params: [{ name: 'session_id', in: 'query', required: true, schema: sessionId }],
    responses: { 200: ['OK', { allOf: [ref('Success'), { type: 'object', properties: { characters: { type: 'array', items: ref('Character') } } }] }], 401: 'Unauthorized' } },
  { method: 'post', path: '/characters/create', tag: TAGS.accounts, reach: 'bare', budget: 'write', summary: 'Create a character in a world',
    body: obj({ session_id: sessionId, world_id: worldIdInput, character_name: characterName }, ['session_id', 'world_id']),
    responses: { 200: ['OK', { allOf: [ref('Success'), { type: 'object', properties: { character_id: int, character_name: str, world_id: int, seed: { type: ['integer', 'null'] }, entity_state: {} } }] }], 400: 'Bad Request', 401: 'Unauthorized' } },
  { method: 'post', path: '/characters/select', tag: TAGS.accounts, reach: 'bare', budget: 'write', summary: 'Select the character to play',
    body: obj({ session_id: sessionId, character_id: { type: 'integer', minimum: 1 } }),
    responses: { 200: ['OK', { allOf: [ref('Success'), { type: 'object', properties: { character_id: int, character_name: str, world_id: int } }] }], 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found' } },

  { method: 'post', path: '/batch', tag: TAGS.batch, reach: 'both', scope: 'read', budget: 'batch', summary: `Run up to ${MAX_BATCH_OPERATIONS} operations in order`,
    description: [
      'Each operation runs in the relay as the single call would (a page\'s control-API route or a relay route, bare or under /api/v2), with this request\'s Authorization, Accept and X-Spacetime-Client headers.',
      'An operation the token\'s scopes do not allow answers its own 403 and the others still run; every result has its own status, headers and body.',
      `The whole batch is refused (400, nothing run) for bad JSON, an empty list, more than ${MAX_BATCH_OPERATIONS} operations, or an operation on /batch, a sign-in route or /api/reply.`,
      `${BATCHES_PER_MINUTE} batches a minute per IP; the operations spend no per-IP budget of their own.`,
    ].join(' '),
    body: jsonSchema(BatchRequestSchema, 'input'),
    example: { operations: [{ method: 'GET', path: '/player/position' }, { method: 'POST', path: '/player/teleport', body: { position: { x: 0, y: 20, z: 0 } } }, { method: 'GET', path: '/worlds' }] },
    responses: { 200: ['OK: one result per operation, in order', ref('BatchResponse')], 400: 'Bad Request', 403: 'Forbidden', 429: 'Too Many Requests' } },
];

function relayOperation(op: RelayOperation): Json {
  const responses: Json = {};
  for (const [status, spec] of Object.entries(op.responses)) {
    const [description, schema] = typeof spec === 'string' ? [spec, undefined] : spec;
    responses[status] = Number(status) < 300
      ? { description, content: { 'application/json': { schema } } }
      : { description, content: { 'application/json': { schema: ref('Error') } } };
  }
  if (op.scope) responses['401'] ??= { description: STATUS_TEXT[401], content: { 'application/json': { schema: ref('Error') } } };
  if (op.scope && op.path !== '/batch') responses['403'] ??= { description: STATUS_TEXT[403], content: { 'application/json': { schema: ref('Error') } } };
  responses['429'] ??= { description: STATUS_TEXT[429], content: { 'application/json': { schema: ref('Error') } } };
  const id = `relay_${op.method}_${op.path.replace(/^\/+/, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '')}`;
  return {
    operationId: id,
    tags: [op.tag],
    summary: op.summary,
    description: [op.description, op.scope ? `Bearer token with the ${op.scope} scope.` : 'No bearer token.', op.reach === 'both' ? 'Also under /api/v2.' : 'Bare path only.'].filter(Boolean).join(' '),
    security: op.scope ? [{ bearerAuth: [] }] : [],
    ...(op.params ? { parameters: op.params } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: op.body, ...(op.example !== undefined ? { example: op.example } : {}) } } } } : {}),
    responses,
    'x-rate-limit-bucket': op.budget,
  };
}

/** The merged document. `routes` is the page's route table (protocol/routes). */
export function buildRelayOpenApi(routes: readonly RouteSpec[], version: string): Json {
  const page = buildOpenApi(routes) as {
    info: Json; paths: Record<string, Json>; tags: { name: string }[];
    components: { securitySchemes: Record<string, Json>; schemas: Record<string, Json>; headers: Json };
  } & Json;
  const paths: Record<string, Json> = { ...page.paths };
  for (const op of RELAY_OPERATIONS) {
    const item = (paths[op.path] ??= op.reach === 'bare' ? { servers: [{ url: '/', description: 'the relay (bare paths only)' }] } : {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is both a page route and a relay route`);
    item[op.method] = relayOperation(op);
  }
  return {
    ...page,
    info: {
      title: 'SpaceTime XR relay and control API',
      version,
      description: [
        'The control API answered by a connected game page (forwarded by the relay: send X-Spacetime-Client when several pages are connected), and the relay\'s own routes (tagged "Relay: …").',
        'Errors use seed 000\'s format ({ error, message, status_code, timestamp, request_id }).',
        'Authorize with a token: the one `npm start` prints, or POST /auth/login\'s.',
      ].join(' '),
    },
    tags: [...page.tags, ...Object.values(TAGS).map((name) => ({ name }))],
    paths,
    components: {
      ...page.components,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Authorization: Bearer <token>' } },
      schemas: { ...page.components.schemas, ...SCHEMAS },
    },
  };
}

/** For tests: the relay routes this document describes, as `METHOD /path` with express-style params. */
export const DOCUMENTED_RELAY_ROUTES: readonly string[] = RELAY_OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`);
