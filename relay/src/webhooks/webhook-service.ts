/**
 * Webhooks (issue 11 item 6; seed 000's WebhookRouter): registrations kept in the store and, for
 * speed, in memory; the relay's event bus heard only for the events some webhook wants (so a relay
 * without webhooks does no work on its hot paths), and each event turned into one queued, signed
 * delivery per interested webhook. Every webhook belongs to the token subject that made it: another
 * subject's is "not found".
 */
import { randomBytes } from 'node:crypto';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../log.ts';
import { RELAY_EVENT_NAMES, type RelayEventMap, type RelayEventName, type RelayEvents } from '../events/relay-events.ts';
import { WebhookDeliverer, type DelivererOptions } from './webhook-deliverer.ts';
import { newSecret } from './webhook-signer.ts';
import type { DeliveryAttempt, Webhook, WebhookStore } from './webhook-store.ts';

export interface WebhookInput { url: string; events: RelayEventName[]; secret?: string }
export type WebhookPatch = Partial<WebhookInput>;

/** What the API shows of a webhook: never its secret. */
export interface WebhookView { id: string; url: string; events: RelayEventName[]; secret_set: true; created_at: string; updated_at: string }

export const MAX_WEBHOOKS_PER_OWNER = 25;
/** Attempts GET /webhooks/:id shows. */
export const SHOWN_DELIVERIES = 50;

export interface WebhookServiceOptions {
  store: WebhookStore;
  events: RelayEvents;
  log: Logger;
  registry?: Registry;
  delivery?: Omit<DelivererOptions, 'log' | 'target' | 'record' | 'count'>;
}

export const viewOf = (h: Webhook): WebhookView => ({ id: h.id, url: h.url, events: h.events, secret_set: true, created_at: h.created_at, updated_at: h.updated_at });

export class WebhookService {
  private readonly hooks = new Map<string, Webhook>();
  private readonly unsubscribe = new Map<RelayEventName, () => void>();
  private readonly deliverer: WebhookDeliverer;

  constructor(private readonly o: WebhookServiceOptions) {
    const registers = o.registry ? [o.registry] : [];
    const outcomes = new Counter({ name: 'relay_webhook_deliveries_total', help: 'Webhook delivery attempts and drops, by outcome (delivered, retrying, failed, dropped)', labelNames: ['outcome'], registers });
    this.deliverer = new WebhookDeliverer({
      ...o.delivery, log: o.log,
      target: (id) => this.hooks.get(id) ?? null,
      // A webhook deleted while its delivery was in flight has no log to write to.
      record: async (job, attempt) => { if (this.hooks.has(job.webhookId)) await o.store.logAttempt(job.webhookId, attempt); },
      count: (outcome) => outcomes.inc({ outcome }),
    });
    const deliverer = this.deliverer;
    new Gauge({ name: 'relay_webhook_queue', help: 'Webhook deliveries queued, waiting to retry or in flight', registers, collect() { this.set(deliverer.size); } });
  }

  /** Loads the stored webhooks and starts listening for what they want. */
  async start(): Promise<void> {
    for (const h of await this.o.store.all()) this.hooks.set(h.id, h);
    this.listen();
  }

  /** Stops listening and delivering (queued deliveries are dropped). */
  async stop(): Promise<void> {
    for (const off of this.unsubscribe.values()) off();
    this.unsubscribe.clear();
    await this.deliverer.stop();
  }

  /** Resolves once every queued delivery is done (delivered or given up) and logged. */
  idle(): Promise<void> { return this.deliverer.idle(); }

  list(owner: string): WebhookView[] {
    return [...this.hooks.values()].filter((h) => h.owner === owner).map(viewOf);
  }

  /** The webhook (or null: none, or not the owner's) with its newest delivery attempts. */
  async get(owner: string, id: string): Promise<(WebhookView & { deliveries: DeliveryAttempt[] }) | null> {
    const h = this.owned(owner, id);
    return h ? { ...viewOf(h), deliveries: await this.o.store.recentAttempts(h.id, SHOWN_DELIVERIES) } : null;
  }

  /** Registers a webhook; the answer carries its secret, the only time it is shown. null: the owner has too many. */
  async create(owner: string, input: WebhookInput): Promise<(WebhookView & { secret: string }) | null> {
    if (this.list(owner).length >= MAX_WEBHOOKS_PER_OWNER) return null;
    const now = new Date().toISOString();
    const hook: Webhook = {
      id: `wh_${randomBytes(12).toString('hex')}`, owner, url: input.url, events: unique(input.events),
      secret: input.secret ?? newSecret(), created_at: now, updated_at: now,
    };
    await this.o.store.insert(hook);
    this.hooks.set(hook.id, hook);
    this.listen();
    return { ...viewOf(hook), secret: hook.secret };
  }

  async update(owner: string, id: string, patch: WebhookPatch): Promise<WebhookView | null> {
    const h = this.owned(owner, id);
    if (!h) return null;
    const next: Webhook = {
      ...h, url: patch.url ?? h.url, events: patch.events ? unique(patch.events) : h.events,
      secret: patch.secret ?? h.secret, updated_at: new Date().toISOString(),
    };
    await this.o.store.update(next);
    this.hooks.set(id, next);
    this.listen();
    return viewOf(next);
  }

  async remove(owner: string, id: string): Promise<boolean> {
    if (!this.owned(owner, id)) return false;
    await this.o.store.remove(id);
    this.hooks.delete(id);
    this.listen();
    return true;
  }

  /** Whether `owner` has a webhook `id`. */
  owns(owner: string, id: string): boolean { return this.owned(owner, id) !== null; }

  private owned(owner: string, id: string): Webhook | null {
    const h = this.hooks.get(id);
    return h && h.owner === owner ? h : null;
  }

  /** Listens to exactly the events some webhook wants. */
  private listen(): void {
    const wanted = new Set<RelayEventName>();
    for (const h of this.hooks.values()) for (const e of h.events) wanted.add(e);
    for (const name of RELAY_EVENT_NAMES) {
      const on = this.unsubscribe.get(name);
      if (wanted.has(name) && !on) this.unsubscribe.set(name, this.o.events.on(name, (data) => this.fanOut(name, data)));
      else if (!wanted.has(name) && on) {
        on();
        this.unsubscribe.delete(name);
      }
    }
  }

  private fanOut<K extends RelayEventName>(event: K, data: RelayEventMap[K]): void {
    const timestamp = new Date().toISOString();
    for (const h of this.hooks.values()) {
      if (!h.events.includes(event)) continue;
      const deliveryId = `dlv_${randomBytes(12).toString('hex')}`;
      const body = JSON.stringify({ event, timestamp, data, delivery_id: deliveryId });
      this.deliverer.enqueue({ webhookId: h.id, event, deliveryId, body, attempt: 1 });
    }
  }
}

const unique = <T>(list: T[]): T[] => [...new Set(list)];
