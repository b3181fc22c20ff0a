/**
 * The webhook tables (migration 005-webhooks) as kysely sees them. Apart from the store so that
 * db/schema.ts can list them in Database without importing the store (which imports schema.ts).
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<string | Date, string, string>;

export interface WebhooksTable {
  id: string;
  owner: string;
  url: string;
  /** JSON array of event names. */
  events: string;
  secret: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: string;
  delivery_id: string;
  event: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  created_at: Timestamp;
}

export type WebhookTables = { webhooks: WebhooksTable; webhook_deliveries: WebhookDeliveriesTable };
