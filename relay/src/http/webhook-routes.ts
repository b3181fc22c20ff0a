/**
 * Seed 000's WebhookRouter and WebhookDetailRouter on the relay, bare and under /api/v2:
 * POST /webhooks and GET /webhooks; GET, PUT and DELETE /webhooks/:id. Every route needs a bearer
 * token (read scope to look, write to change) and sees only the token subject's webhooks (another
 * subject's id is 404). Bodies are zod-checked, strict; refusals are seed 000's error body.
 */
import type { ServerResponse, IncomingMessage } from 'node:http';
import { z } from 'zod';
import { RELAY_EVENT_NAMES } from '../events/relay-events.ts';
import type { WebhookService } from '../webhooks/webhook-service.ts';
import { MAX_WEBHOOKS_PER_OWNER } from '../webhooks/webhook-service.ts';
import { requireScope, type Verify } from './auth-guard.ts';
import { body } from './json-body.ts';
import { sendError, sendJson } from './respond.ts';
import type { Route } from './router.ts';

const WebhookFields = {
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2048),
  events: z.array(z.enum(RELAY_EVENT_NAMES)).min(1).max(RELAY_EVENT_NAMES.length * 2),
  secret: z.string().min(16).max(256).optional(),
};
export const CreateWebhookSchema = z.strictObject(WebhookFields);
export const UpdateWebhookSchema = z.strictObject(WebhookFields).partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'give at least one of url, events, secret' });

const MAX_BODY_BYTES = 16 * 1024;
const PREFIXES = ['', '/api/v2'];

export interface WebhookRoutesContext { service: WebhookService; verify: Verify }

const parseBody = <S extends z.ZodType>(req: IncomingMessage, res: ServerResponse, schema: S) => body(req, res, schema, false, MAX_BODY_BYTES);

const notFound = (res: ServerResponse, id: string) => sendError(res, 'RESOURCE_NOT_FOUND', `no webhook ${id}`);

export function webhookRoutes({ service, verify }: WebhookRoutesContext): Route[] {
  return PREFIXES.flatMap((p): Route[] => [
    { method: 'POST', path: `${p}/webhooks`, write: true, async handle({ req, res }) {
      const who = await requireScope(verify, req, res, 'admin');
      if (!who) return;
      const input = await parseBody(req, res, CreateWebhookSchema);
      if (!input) return;
      const made = await service.create(who.sub, input);
      if (!made) return sendError(res, 'CONFLICT', `a token subject may have at most ${MAX_WEBHOOKS_PER_OWNER} webhooks; delete one first`);
      sendJson(res, 201, made, { Location: `${p}/webhooks/${made.id}` });
    } },
    { method: 'GET', path: `${p}/webhooks`, async handle({ req, res }) {
      const who = await requireScope(verify, req, res, 'read');
      if (!who) return;
      const webhooks = service.list(who.sub);
      sendJson(res, 200, { webhooks, count: webhooks.length });
    } },
    { method: 'GET', path: `${p}/webhooks/:id`, async handle({ req, res, params }) {
      const who = await requireScope(verify, req, res, 'read');
      if (!who) return;
      const hook = await service.get(who.sub, params.id);
      if (!hook) return notFound(res, params.id);
      sendJson(res, 200, hook);
    } },
    { method: 'PUT', path: `${p}/webhooks/:id`, write: true, async handle({ req, res, params }) {
      const who = await requireScope(verify, req, res, 'admin');
      if (!who) return;
      // An unknown id is 404 before the body is looked at, so a caller learns nothing about others' ids from 400s.
      if (!service.owns(who.sub, params.id)) return notFound(res, params.id);
      const patch = await parseBody(req, res, UpdateWebhookSchema);
      if (!patch) return;
      const hook = await service.update(who.sub, params.id, patch);
      if (!hook) return notFound(res, params.id);
      sendJson(res, 200, hook);
    } },
    { method: 'DELETE', path: `${p}/webhooks/:id`, write: true, async handle({ req, res, params }) {
      const who = await requireScope(verify, req, res, 'admin');
      if (!who) return;
      if (!(await service.remove(who.sub, params.id))) return notFound(res, params.id);
      sendJson(res, 200, { id: params.id, deleted: true });
    } },
  ]);
}
