import { freePort } from '../../../test/support/api-process';
import { connectRedis, createRedisClient } from './connections';

// PGlite on disk (embedded mode's openSqlClient) cannot load under jest's VM (it imports
// modules dynamically); health.e2e.spec.ts covers it through the real process.

describe('the Redis client of health checks', () => {
  it('connects on demand, once for concurrent callers', async () => {
    const redis = createRedisClient('redis://127.0.0.1:6379');
    try {
      const replies = await Promise.all(
        [1, 2, 3].map(async () => {
          await connectRedis(redis);
          return redis.ping();
        }),
      );
      expect(replies).toEqual(['PONG', 'PONG', 'PONG']);
    } finally {
      await redis.quit();
    }
  });

  it('rejects with the socket error when Redis is not there, and tries again next time', async () => {
    const redis = createRedisClient(`redis://127.0.0.1:${await freePort()}`);
    try {
      await expect(connectRedis(redis)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await expect(connectRedis(redis)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      redis.disconnect();
    }
  });
});
