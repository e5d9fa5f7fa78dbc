import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { validate, version } from 'uuid';
import { IdSource, nameBasedUuid } from './deterministic-id';

/** The hand-written layout the ids already stored in events were made with. */
function storedLayout(...parts: readonly string[]): string {
  const hash = createHash('sha1').update(JSON.stringify(parts)).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const WORKSPACE = '6f1c2a7e-0b1d-4c3e-9a8f-1d2e3f4a5b6c';

describe('name-based ids', () => {
  it('are the ids already stored in events, for these known inputs', () => {
    expect(nameBasedUuid(WORKSPACE, 'POST /incidents', 'import-row-7', 'incident')).toBe(
      'f5840cdf-ad98-5869-9f28-a9f10a700484',
    );
    expect(nameBasedUuid(WORKSPACE, 'POST /persons', 'Ключ-ä', 'person')).toBe(
      '86c424a4-9a50-57b3-aa0e-be921063bbcd',
    );
  });

  it('equal the stored layout for any workspace, route, key and purpose', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.string(),
        fc.string({ unit: 'grapheme' }),
        fc.string(),
        (workspace, route, key, purpose) => {
          expect(nameBasedUuid(workspace, route, key, purpose)).toBe(
            storedLayout(workspace, route, key, purpose),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('are valid version-5 UUIDs, one per purpose', () => {
    const ids = IdSource.for(WORKSPACE, 'key-1', 'POST /incidents');
    const incident = ids.id('incident');
    expect(validate(incident) && version(incident)).toBe(5);
    expect(ids.id('incident')).toBe(incident);
    expect(ids.id('target:0')).not.toBe(incident);
    expect(IdSource.for(WORKSPACE, undefined, 'POST /incidents').id('incident')).not.toBe(
      IdSource.for(WORKSPACE, undefined, 'POST /incidents').id('incident'),
    );
  });
});
