import { newKey } from './aes-gcm';
import { openText, sealedGeneration, sealText } from './incident-text-seal';

describe('sealing one free-text value of an incident', () => {
  const key = newKey();
  const id = { incidentId: '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11', field: 'title', generation: 3 };

  it('seals any JSON value, names its generation, and opens it with the same key and place', () => {
    const sealed = sealText(key, id, 'Summons of Ada Example');
    expect(sealed).toMatch(/^t1\.3\.[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain('Ada');
    expect(sealedGeneration(sealed)).toBe(3);
    expect(openText(key, id, sealed)).toBe('Summons of Ada Example');
    const tags = sealText(key, { ...id, field: 'tags' }, ['a', 'b']);
    expect(openText(key, { ...id, field: 'tags' }, tags)).toEqual(['a', 'b']);
    // A fresh nonce each time: equal texts do not give equal ciphertexts.
    expect(sealText(key, id, 'x')).not.toBe(sealText(key, id, 'x'));
  });

  it('opens nowhere else: another key, field, incident or generation throws', () => {
    const sealed = sealText(key, id, 'text');
    expect(() => openText(newKey(), id, sealed)).toThrow();
    expect(() => openText(key, { ...id, field: 'place' }, sealed)).toThrow();
    expect(() =>
      openText(key, { ...id, incidentId: '7f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11' }, sealed),
    ).toThrow();
    expect(() => openText(key, { ...id, generation: 4 }, sealed)).toThrow();
  });

  it('tells clear values from sealed ones', () => {
    for (const clear of ['Summons', 't1.x.abc', ['t1.1.AAAA'], undefined, 42]) {
      expect(sealedGeneration(clear)).toBeUndefined();
    }
  });
});
