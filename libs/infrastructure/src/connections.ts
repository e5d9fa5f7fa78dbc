import { resolve } from 'node:path';
import { DatabaseConfig, EventStoreConfig } from '@app/config';
import { PgliteSqlClient, PgPoolSqlClient, SqlClient } from '@app/database';
import { EventStore } from '@app/event-store';
import Redis from 'ioredis';
import { preparePrivateDirectory, tightenPrivateDirectory } from './private-directory';

/**
 * The SQL database of the event store (postgres kind) and the read models. `bulk`: an
 * operator's command (migrations, rebuilds) whose statements may run longer than a request's
 * (an index over the whole log): no statement timeout.
 */
export async function openSqlClient(
  database: DatabaseConfig,
  { bulk = false }: { bulk?: boolean } = {},
): Promise<SqlClient> {
  if (database.kind === 'postgres') {
    return PgPoolSqlClient.fromUrl(database.url, {
      // Without a bound, a connection to an unreachable host waits for the OS (minutes).
      connectionTimeoutMillis: 5_000,
      // Sent with each connection's start-up; 0 turns the timeout off.
      statement_timeout: bulk ? 0 : database.statementTimeoutMs,
      idle_in_transaction_session_timeout: database.idleInTransactionTimeoutMs,
    });
  }
  const dir = resolve(database.dir);
  await preparePrivateDirectory(dir);
  const client = await PgliteSqlClient.open(dir, { fsync: database.fsync });
  await tightenPrivateDirectory(dir);
  return client;
}

/** Creating the PostgreSQL store applies its migrations, so start-up leaves the schema current. */
export async function openEventStore(
  eventStore: EventStoreConfig,
  sql: SqlClient,
): Promise<EventStore> {
  if (eventStore.kind === 'kurrentdb') {
    // Loaded only when chosen: the gRPC client is heavy and embedded mode never needs it.
    const { KurrentDbEventStore } = await import('@app/event-store/kurrentdb');
    return KurrentDbEventStore.connect(eventStore.url);
  }
  const { PostgresEventStore } = await import('@app/event-store/postgres');
  return PostgresEventStore.create(sql);
}

/**
 * A Redis connection for health checks that never takes the process down: nothing queues
 * while Redis is away, a command fails after one retry, and there is no background
 * reconnect loop: `connectRedis` reconnects on demand, so a Redis that stays down costs
 * nothing and writes nothing to the log.
 */
export function createRedisClient(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    retryStrategy: () => null,
  });
  // Without a listener ioredis prints every failed attempt; the health check reports instead.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Connects if not connected (first use, or after Redis went away); concurrent callers share
 * one attempt. A refused connection rejects with the socket error (ECONNREFUSED...), not
 * ioredis's "Connection is closed".
 */
export function connectRedis(redis: Redis): Promise<void> {
  let pending = connecting.get(redis);
  if (pending === undefined) {
    if (redis.status !== 'wait' && redis.status !== 'end') return Promise.resolve();
    pending = connectOnce(redis).finally(() => connecting.delete(redis));
    connecting.set(redis, pending);
  }
  return pending;
}

const connecting = new WeakMap<Redis, Promise<void>>();

async function connectOnce(redis: Redis): Promise<void> {
  let cause: unknown;
  const keepFirst = (error: unknown) => (cause ??= error);
  redis.on('error', keepFirst);
  try {
    await redis.connect();
  } catch (error) {
    throw cause ?? error;
  } finally {
    redis.off('error', keepFirst);
  }
}
