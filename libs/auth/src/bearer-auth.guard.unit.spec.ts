import { readBearerToken } from './bearer-auth.guard';

describe('readBearerToken', () => {
  it.each([
    ['Bearer rl_abc-DEF_123', 'rl_abc-DEF_123'],
    ['bearer rl_abc', 'rl_abc'],
    ['BEARER  Zm9v+/bar==', 'Zm9v+/bar=='],
    ['Bearer rl_abc ', 'rl_abc'],
  ])('reads %j', (header, token) => {
    expect(readBearerToken(header)).toBe(token);
  });

  it.each([undefined, '', '   '])('calls %j missing', (header) => {
    expect(readBearerToken(header)).toBe('missing');
  });

  it.each([
    'rl_abc',
    'Bearer',
    'Bearer ',
    'Bearerrl_abc',
    'Basic YWRtaW46c2VjcmV0',
    'Bearer rl_abc rl_def',
    'Bearer rl_ä',
    'Token rl_abc',
  ])('calls %j malformed', (header) => {
    expect(readBearerToken(header)).toBe('malformed');
  });
});
