import { ValidationException } from '@app/application/validation.exception';
import { decodeCursor, encodeCursor } from './incident-cursor';

describe('incident list cursor', () => {
  it('decodes what it encoded', () => {
    const cursor = { occurredDate: '2020-02', incidentId: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text)).toEqual(cursor);
  });

  it.each([
    'not-a-cursor',
    '',
    Buffer.from('["2020","x"]').toString('base64url'),
    Buffer.from('["2020-02-31x","6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11"]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('refuses %j with a 400 naming cursor', (text) => {
    expect(() => decodeCursor(text)).toThrow(ValidationException);
    try {
      decodeCursor(text);
    } catch (error) {
      expect((error as ValidationException).fields[0].field).toBe('cursor');
    }
  });
});
