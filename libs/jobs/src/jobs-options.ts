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
 * BullMQ's connection to REDIS_URL. While Redis is away, commands fail at once (no offline
 * queue: a request answers 503 instead of hanging) and the client keeps reconnecting.
 */
export function redisConnection(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: u.port === '' ? 6379 : Number(u.port),
    ...(u.username !== '' && { username: decodeURIComponent(u.username) }),
    ...(u.password !== '' && { password: decodeURIComponent(u.password) }),
    ...(Number.isInteger(db) && { db }),
    ...(u.protocol === 'rediss:' && { tls: {} }),
    enableOfflineQueue: false,
    // BullMQ's workers need null; a command cut off by a lost connection waits for the
    // reconnection (the dispatcher bounds its wait instead).
    maxRetriesPerRequest: null,
    connectTimeout: 2_000,
    retryStrategy: (times: number) => Math.min(200 * times, 2_000),
  };
}
