import { Global, Module } from '@nestjs/common';
import { RedisOptions } from 'ioredis';

export interface JobsOptions {
  /** The prefix of every BullMQ key in Redis; tests give each file its own. */
  prefix: string;
}

export const JOBS_OPTIONS = Symbol('JobsOptions');

@Global()
@Module({
  providers: [{ provide: JOBS_OPTIONS, useValue: { prefix: 'rl' } satisfies JobsOptions }],
  exports: [JOBS_OPTIONS],
})
export class JobsOptionsModule {}

/**
 * BullMQ's connection to REDIS_URL; the client keeps reconnecting while Redis is away.
 * `failFast` (producers): commands fail at once meanwhile, so a request answers 503 instead of
 * hanging; workers' commands wait for the reconnection instead.
 */
export function redisConnection(url: string, { failFast = true } = {}): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: u.port === '' ? 6379 : Number(u.port),
    ...(u.username !== '' && { username: decodeURIComponent(u.username) }),
    ...(u.password !== '' && { password: decodeURIComponent(u.password) }),
    ...(Number.isInteger(db) && { db }),
    ...(u.protocol === 'rediss:' && { tls: {} }),
    // Producers (the dispatcher) fail fast so that POST /imports answers 503 at once. Workers
    // must not: with the offline queue off, a command sent while ioredis reconnects is
    // rejected at once with an error BullMQ does not count as a connection error, and the
    // worker's main loop asks again without pausing (moveToActive, rejected, again: 100% CPU,
    // as in taskforcesh/bullmq#1940 and the stuck workers of #3185). BullMQ's own guide keeps
    // `enableOfflineQueue: false` for queues only ("Failing fast when Redis is down").
    enableOfflineQueue: !failFast,
    // BullMQ's workers need null; a command cut off by a lost connection waits for the
    // reconnection (the dispatcher bounds its wait instead).
    maxRetriesPerRequest: null,
    connectTimeout: 2_000,
    retryStrategy: (times: number) => Math.min(200 * times, 2_000),
  };
}
