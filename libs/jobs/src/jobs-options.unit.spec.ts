import { redisConnection } from './jobs-options';

describe('redisConnection', () => {
  it('fails fast for producers, and lets workers wait for a reconnection', () => {
    expect(redisConnection('redis://127.0.0.1:6379/2')).toMatchObject({
      host: '127.0.0.1',
      db: 2,
      enableOfflineQueue: false,
      maxRetriesPerRequest: null,
    });
    // Off for a worker, a command sent while reconnecting is refused at once and BullMQ's main
    // loop asks again without pausing: the moveToActive busy loop of a wedged worker.
    expect(redisConnection('redis://127.0.0.1:6379', { failFast: false })).toMatchObject({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
    });
  });
});
