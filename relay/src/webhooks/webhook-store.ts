/**
 * The webhooks' rows (migration 005-webhooks): registrations owned by a token's `sub`, and one row
 * per delivery attempt, pruned to the newest KEEP_DELIVERIES per webhook so a busy or dead receiver
 * cannot grow the table without end. The tables (webhook-tables.ts) are added with `withTables`, so
 * this file compiles whether or not Database lists them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { iso } from '../db/schema.ts';
import type { RelayEventName } from '../events/relay-events.ts';
import type { WebhookTables } from './webhook-tables.ts';

export interface Webhook {
  id: string;
  owner: string;
  url: string;
  events: RelayEventName[];
  secret: string;
  created_at: string;
  updated_at: string;
}

export interface DeliveryAttempt {
  delivery_id: string;
  event: string;
  attempt: number;
  /** The receiver's HTTP status, or null when none came (network error, timeout). */
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  timestamp: string;
}

/** Attempts kept per webhook (the newest). */
export const KEEP_DELIVERIES = 100;

const toWebhook = (r: { id: string; owner: string; url: string; events: string; secret: string; created_at: string | Date; updated_at: string | Date }): Webhook => ({
  id: r.id, owner: r.owner, url: r.url, events: JSON.parse(r.events) as RelayEventName[], secret: r.secret,
  created_at: iso(r.created_at), updated_at: iso(r.updated_at),
});

export class WebhookStore {
  private readonly db: Kysely<Database & WebhookTables>;

  constructor(db: Kysely<Database>) {
    this.db = db.withTables<WebhookTables>();
  }

  async all(): Promise<Webhook[]> {
    const rows = await this.db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toWebhook);
  }

  async insert(hook: Webhook): Promise<void> {
    await this.db.insertInto('webhooks').values({ ...hook, events: JSON.stringify(hook.events) }).execute();
  }

  async update(hook: Webhook): Promise<void> {
    await this.db.updateTable('webhooks')
      .set({ url: hook.url, events: JSON.stringify(hook.events), secret: hook.secret, updated_at: hook.updated_at })
      .where('id', '=', hook.id).execute();
  }

  /** Deletes the webhook and (cascade, and explicitly for a database without foreign keys) its attempts. */
  async remove(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
      await trx.deleteFrom('webhooks').where('id', '=', id).execute();
    });
  }

  /** Logs one attempt and drops the ones older than the newest KEEP_DELIVERIES. */
  async logAttempt(webhookId: string, a: DeliveryAttempt): Promise<void> {
    const { timestamp, ...rest } = a;
    await this.db.insertInto('webhook_deliveries').values({ webhook_id: webhookId, ...rest, created_at: timestamp }).execute();
    const cut = await this.db.selectFrom('webhook_deliveries').select('id').where('webhook_id', '=', webhookId)
      .orderBy('id', 'desc').offset(KEEP_DELIVERIES).limit(1).executeTakeFirst();
    if (cut) await this.db.deleteFrom('webhook_deliveries').where('webhook_id', '=', webhookId).where('id', '<=', cut.id).execute();
  }

  /** The newest `n` attempts, newest first. */
  async recentAttempts(webhookId: string, n: number): Promise<DeliveryAttempt[]> {
    const rows = await this.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId)
      .orderBy('id', 'desc').limit(n).execute();
    return rows.map((r) => ({
      delivery_id: r.delivery_id, event: r.event, attempt: r.attempt, status_code: r.status_code, error: r.error,
      duration_ms: r.duration_ms, timestamp: iso(r.created_at),
    }));
  }
}
