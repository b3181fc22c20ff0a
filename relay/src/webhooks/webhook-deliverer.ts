/**
 * Sends webhook deliveries off the relay's hot paths: a bounded in-memory queue, a few requests at a
 * time (fetch, each with a timeout), retries with exponential backoff on a non-2xx answer or a
 * network error (base, 2×base, 4×base … up to maxAttempts), every attempt handed to `record`. A dead
 * receiver cannot grow memory: past maxQueued jobs in all (or maxPerWebhook for one webhook) a new
 * delivery is dropped, counted and logged (at most one log line per DROP_LOG_MS).
 */
import type { Logger } from '../log.ts';
import { SIGNATURE_HEADER, sign } from './webhook-signer.ts';
import type { DeliveryAttempt } from './webhook-store.ts';

export interface DeliveryJob {
  webhookId: string;
  event: string;
  deliveryId: string;
  /** The JSON body, the same bytes on every attempt (the signature's timestamp is per attempt). */
  body: string;
  attempt: number;
}

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'dropped';

export interface DelivererOptions {
  log: Logger;
  /** Where a webhook's deliveries go now (read at each attempt: an edit applies to retries); null once it is deleted. */
  target(webhookId: string): { url: string; secret: string } | null;
  /** Logs one attempt (the store); awaited before the job counts as done. */
  record(job: DeliveryJob, attempt: DeliveryAttempt): Promise<void>;
  /** Counts outcomes (metrics). */
  count?(outcome: DeliveryOutcome): void;
  /** First retry delay; doubles per attempt. 1 s by default (tests pass a few ms). */
  baseDelayMs?: number;
  maxAttempts?: number;
  timeoutMs?: number;
  concurrency?: number;
  maxQueued?: number;
  maxPerWebhook?: number;
}

const DROP_LOG_MS = 10_000;

export class WebhookDeliverer {
  private readonly ready: DeliveryJob[] = [];
  /** Jobs waiting out a retry delay, by their timer. */
  private readonly timers = new Map<NodeJS.Timeout, DeliveryJob>();
  private readonly perWebhook = new Map<string, number>();
  private readonly stopping = new AbortController();
  private readonly idleWaiters: (() => void)[] = [];
  private held = 0;
  private active = 0;
  private dropped = 0;
  private lastDropLog = 0;
  private readonly o: Required<Omit<DelivererOptions, 'count'>> & Pick<DelivererOptions, 'count'>;

  constructor(opts: DelivererOptions) {
    this.o = { baseDelayMs: 1000, maxAttempts: 5, timeoutMs: 10_000, concurrency: 4, maxQueued: 1000, maxPerWebhook: 200, ...opts };
  }

  /** Queues a first attempt; false (dropped, counted, logged) when the queue is full or stopped. */
  enqueue(job: DeliveryJob): boolean {
    const mine = this.perWebhook.get(job.webhookId) ?? 0;
    if (this.stopping.signal.aborted || this.held >= this.o.maxQueued || mine >= this.o.maxPerWebhook) {
      this.drop(job);
      return false;
    }
    this.held++;
    this.perWebhook.set(job.webhookId, mine + 1);
    this.ready.push(job);
    this.pump();
    return true;
  }

  /** Jobs queued, waiting for a retry or in flight. */
  get size(): number { return this.held; }

  /** Resolves when nothing is queued, waiting or in flight (every attempt logged). */
  idle(): Promise<void> {
    if (this.held === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops what is queued and waiting, aborts what is in flight, and resolves once those ended. */
  async stop(): Promise<void> {
    this.stopping.abort();
    for (const [timer, job] of this.timers) {
      clearTimeout(timer);
      this.release(job);
    }
    this.timers.clear();
    for (const job of this.ready.splice(0)) this.release(job);
    await this.idle();
  }

  private pump(): void {
    while (this.active < this.o.concurrency && this.ready.length > 0) {
      const job = this.ready.shift() as DeliveryJob;
      this.active++;
      void this.attempt(job).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async attempt(job: DeliveryJob): Promise<void> {
    const target = this.o.target(job.webhookId);
    if (!target) return this.release(job);
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(target.url, {
        method: 'POST', body: job.body, redirect: 'manual',
        headers: {
          'Content-Type': 'application/json', 'User-Agent': 'spacetime-relay-webhooks',
          'X-Spacetime-Event': job.event, 'X-Spacetime-Delivery': job.deliveryId,
          [SIGNATURE_HEADER]: sign(target.secret, job.body, Math.floor(Date.now() / 1000)),
        },
        signal: AbortSignal.any([AbortSignal.timeout(this.o.timeoutMs), this.stopping.signal]),
      });
      status = res.status;
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? (err.name === 'TimeoutError' ? `timed out after ${this.o.timeoutMs} ms` : `${err.message}${causeOf(err)}`) : String(err);
    }
    const ok = status !== null && status >= 200 && status < 300;
    const attempt: DeliveryAttempt = {
      delivery_id: job.deliveryId, event: job.event, attempt: job.attempt, status_code: status, error,
      duration_ms: Math.round((performance.now() - started) * 10) / 10, timestamp: new Date().toISOString(),
    };
    await this.o.record(job, attempt).catch((err: unknown) => this.o.log.error({ err, webhook: job.webhookId }, 'logging a webhook attempt failed'));
    if (ok) {
      this.o.count?.('delivered');
      this.release(job);
    } else if (this.stopping.signal.aborted) {
      this.release(job); // the relay is closing: no retry, and not the receiver's failure
    } else if (job.attempt < this.o.maxAttempts) {
      this.o.count?.('retrying');
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.ready.push({ ...job, attempt: job.attempt + 1 });
        this.pump();
      }, this.o.baseDelayMs * 2 ** (job.attempt - 1));
      timer.unref();
      this.timers.set(timer, job);
    } else {
      this.o.count?.('failed');
      this.o.log.warn({ webhook: job.webhookId, delivery: job.deliveryId, attempts: job.attempt, status, error }, 'webhook delivery failed');
      this.release(job);
    }
  }

  private release(job: DeliveryJob): void {
    this.held--;
    const mine = (this.perWebhook.get(job.webhookId) ?? 1) - 1;
    if (mine > 0) this.perWebhook.set(job.webhookId, mine);
    else this.perWebhook.delete(job.webhookId);
    if (this.held === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private drop(job: DeliveryJob): void {
    this.dropped++;
    this.o.count?.('dropped');
    const now = Date.now();
    if (now - this.lastDropLog < DROP_LOG_MS) return;
    this.lastDropLog = now;
    this.o.log.warn({ webhook: job.webhookId, event: job.event, dropped_total: this.dropped, queued: this.held }, 'webhook queue full: delivery dropped');
  }
}

const causeOf = (err: Error): string => (err.cause instanceof Error ? `: ${err.cause.message}` : '');
