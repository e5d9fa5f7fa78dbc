import { probe, reasonOf } from './dependency-probe';

const withCode = (code: string, message = 'connect failed to 10.0.0.5:5432 as user alice') =>
  Object.assign(new Error(message), { code });

describe('probe', () => {
  it('reports up with the latency', async () => {
    const result = await probe(async () => 'pong');
    expect(result).toEqual({ status: 'up', latencyMs: expect.any(Number) });
  });

  it('reports down with a generic reason, never the driver message', async () => {
    const result = await probe(async () => {
      throw withCode('ECONNREFUSED');
    });
    expect(result).toEqual({
      status: 'down',
      latencyMs: expect.any(Number),
      error: 'connection refused',
    });
  });

  it('gives up after its deadline', async () => {
    const result = await probe(() => new Promise(() => undefined), 20);
    expect(result).toMatchObject({ status: 'down', error: 'timeout' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(15);
  });
});

describe('reasonOf', () => {
  it.each([
    [withCode('ECONNREFUSED'), 'connection refused'],
    [withCode('ENOTFOUND'), 'host not found'],
    [withCode('28P01', 'password authentication failed for user "alice"'), 'authentication failed'],
    [withCode('3D000', 'database "ledger" does not exist'), 'database does not exist'],
    [
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]),
      'connection refused',
    ],
    [new Error('WRONGPASS invalid username-password pair'), 'authentication failed'],
    [new Error('Connection terminated due to connection timeout'), 'timeout'],
    [
      new Error("Stream isn't writeable and enableOfflineQueue options is false"),
      'connection closed',
    ],
    [new Error('relation "person_alice" ...'), 'unavailable'],
    ['a string', 'unavailable'],
  ])('%#: maps to %s', (error, reason) => {
    expect(reasonOf(error)).toBe(reason);
  });
});
