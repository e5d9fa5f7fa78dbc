import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { migrate, SqlClient, SqlExecutor } from '@app/database';
import {
  abortableSleep,
  EventStore,
  parsePosition,
  Position,
  RecordedEvent,
} from '@app/event-store';
import { subscriptionCheckpointsSchema } from './subscription-checkpoints.migration';

/** Applies a batch of events to the read database, inside the runner's transaction. */
export type BatchHandler = (events: readonly RecordedEvent[], tx: SqlExecutor) => Promise<void>;

export interface CheckpointedSubscriptionOptions {
  subscriptionId: string;
  store: EventStore;
  /** The read database: it holds the consumer's rows and the checkpoint, so both commit together. */
  sql: SqlClient;
  handle: BatchHandler;
  categories?: readonly string[];
  batchSize?: number;
  /** How long a lease lasts without renewal: a crashed owner is replaced after this. */
  leaseMs?: number;
  /** Pause before retrying after a failed batch or while another instance holds the lease. */
  retryMs?: number;
  instanceId?: string;
  logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
}

export type SubscriptionState = 'stopped' | 'waiting_for_lease' | 'running' | 'retrying';

/** Another instance took the subscription over; this one must stop writing. */
export class LeaseLost extends Error {
  constructor(readonly subscriptionId: string) {
    super(`subscription ${subscriptionId}: lease lost to another instance`);
    this.name = 'LeaseLost';
  }
}

const NOT_READY = Symbol('not ready');

/**
 * Runs one consumer of the event store from its stored checkpoint, catch-up then live.
 * Each batch's writes and the new checkpoint commit in ONE transaction, behind a
 * compare-and-set on (owner, previous position): a crash repeats nothing and skips nothing,
 * and a second instance can neither run alongside nor commit a batch twice.
 */
export class CheckpointedSubscription {
  readonly instanceId: string;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly retryMs: number;
  private readonly logger?: Pick<Logger, 'log' | 'warn' | 'error'>;
  private controller = new AbortController();
  private loop?: Promise<void>;
  private checkpoint: Position | undefined;
  private currentState: SubscriptionState = 'stopped';

  constructor(private readonly options: CheckpointedSubscriptionOptions) {
    this.instanceId = options.instanceId ?? randomUUID();
    this.batchSize = options.batchSize ?? 500;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.retryMs = options.retryMs ?? 1_000;
    this.logger = options.logger;
  }

  static async migrate(sql: SqlClient): Promise<void> {
    await migrate(sql, 'subscription_migrations', [subscriptionCheckpointsSchema]);
  }

  get state(): SubscriptionState {
    return this.currentState;
  }

  /** The last committed position, once this instance holds the lease. */
  get position(): Position | undefined {
    return this.checkpoint;
  }

  /** Starts consuming in the background; `stop()` ends it. */
  start(): void {
    if (this.loop) return;
    this.controller = new AbortController();
    this.loop = this.run(this.controller.signal).finally(() => {
      this.currentState = 'stopped';
    });
  }

  /** Stops after the batch in progress and releases the lease for the next instance. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
    this.loop = undefined;
    await this.options.sql
      .query(
        `UPDATE subscription_checkpoints SET owner = NULL, lease_until = NULL, updated_at = now()
          WHERE subscription_id = $1 AND owner = $2`,
        [this.options.subscriptionId, this.instanceId],
      )
      .catch(() => undefined); // the lease expires by itself if the database is gone
  }

  private async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        this.currentState = 'waiting_for_lease';
        const from = await this.acquireLease();
        if (from === undefined) {
          await abortableSleep(Math.min(this.retryMs, this.leaseMs / 3), signal);
          continue;
        }
        this.checkpoint = from;
        this.currentState = 'running';
        await this.consume(from, signal);
      } catch (error) {
        if (signal.aborted) return;
        this.currentState = 'retrying';
        // The error's message may quote event data; its name and the subscription suffice.
        this.logger?.warn(
          `subscription ${this.options.subscriptionId}: ${(error as Error)?.name ?? 'error'}; retrying from the checkpoint`,
        );
        await abortableSleep(this.retryMs, signal);
      }
    }
  }

  /** Takes the lease if it is free, ours, or expired; returns the checkpoint, or undefined. */
  private async acquireLease(): Promise<Position | undefined> {
    const { rows } = await this.options.sql.query<{ position: string }>(
      `INSERT INTO subscription_checkpoints AS c (subscription_id, owner, lease_until)
       VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (subscription_id) DO UPDATE
         SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until, updated_at = now()
       WHERE c.owner IS NULL OR c.owner = EXCLUDED.owner OR c.lease_until < now()
       RETURNING c.position`,
      [this.options.subscriptionId, this.instanceId, this.leaseMs],
    );
    return rows.length === 0 ? undefined : parsePosition(rows[0].position);
  }

  private async consume(from: Position, outer: AbortSignal): Promise<void> {
    // A subscription of our own, so that leaving this method (error or stop) ends its reads.
    const inner = new AbortController();
    const abort = () => inner.abort();
    outer.addEventListener('abort', abort, { once: true });
    const events = this.options.store
      .subscribe({ from, categories: this.options.categories, signal: inner.signal })
      [Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
    try {
      while (!outer.aborted) {
        pending ??= events.next();
        const first = await raceTimeout(pending, this.leaseMs / 3);
        if (first === NOT_READY) {
          await this.renewLease();
          continue;
        }
        pending = undefined;
        if (first.done) return;
        const batch = [first.value];
        // Take what the store has already buffered, without waiting for another query.
        while (batch.length < this.batchSize) {
          pending = events.next();
          const next = await raceImmediate(pending);
          if (next === NOT_READY) break;
          pending = undefined;
          if (next.done) break;
          batch.push(next.value);
        }
        await this.commit(batch);
      }
    } finally {
      outer.removeEventListener('abort', abort);
      inner.abort();
      // Let the store finish its current read before the next subscription starts.
      await pending?.catch(() => undefined);
      await events.return?.();
    }
  }

  private async commit(batch: RecordedEvent[]): Promise<void> {
    const previous = this.checkpoint ?? ('' as Position);
    const next = batch[batch.length - 1].position;
    await this.options.sql.transaction(async (tx) => {
      // First, so that a competing instance waits on this row lock rather than interleaving.
      const claimed = await tx.query(
        `UPDATE subscription_checkpoints
            SET position = $3, lease_until = now() + $5 * interval '1 millisecond', updated_at = now()
          WHERE subscription_id = $1 AND owner = $2 AND position = $4`,
        [this.options.subscriptionId, this.instanceId, next, previous, this.leaseMs],
      );
      if (claimed.rowCount !== 1) throw new LeaseLost(this.options.subscriptionId);
      await this.options.handle(batch, tx);
    });
    this.checkpoint = next;
  }

  private async renewLease(): Promise<void> {
    const renewed = await this.options.sql.query(
      `UPDATE subscription_checkpoints
          SET lease_until = now() + $3 * interval '1 millisecond', updated_at = now()
        WHERE subscription_id = $1 AND owner = $2`,
      [this.options.subscriptionId, this.instanceId, this.leaseMs],
    );
    if (renewed.rowCount !== 1) throw new LeaseLost(this.options.subscriptionId);
  }
}

function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof NOT_READY> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<typeof NOT_READY>((resolve) => (timer = setTimeout(() => resolve(NOT_READY), ms))),
  ]).finally(() => clearTimeout(timer));
}

function raceImmediate<T>(promise: Promise<T>): Promise<T | typeof NOT_READY> {
  return Promise.race([
    promise,
    new Promise<typeof NOT_READY>((r) => setImmediate(() => r(NOT_READY))),
  ]);
}
