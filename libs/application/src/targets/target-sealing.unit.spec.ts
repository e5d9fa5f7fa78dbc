import { ERASED_TEXT, fold, TargetEvent } from '@app/domain';
import { SubjectKey } from '@app/protection';
import { openTargetEvent, sealingDecider, sealTargetEvent } from './target-sealing';

/** A stand-in key: reversible base64, so the test reads what was sealed (the vault's int test covers AES-GCM). */
const key: SubjectKey = {
  seal: (value) => `v1.${Buffer.from(JSON.stringify(value)).toString('base64')}`,
  open: (sealed) => JSON.parse(Buffer.from(sealed.slice(3), 'base64').toString()) as unknown,
};

const registered: TargetEvent = {
  type: 'PersonRegistered',
  data: {
    id: 'p-1',
    name: 'Aigerim Serikova',
    label: 'P-000001',
    category: 'journalist',
    birthYear: 1990,
    contacts: '+7 700',
    address: 'Almaty',
    notes: 'note',
    aliases: [],
  },
};
const renamed: TargetEvent = {
  type: 'PersonAmended',
  data: {
    field: 'name',
    from: 'Aigerim Serikova',
    to: 'Aigerim Serikkyzy',
    reason: 'typo',
    note: 'why',
  },
};
const recategorised: TargetEvent = {
  type: 'PersonAmended',
  data: {
    field: 'category',
    from: 'journalist',
    to: 'lawyer',
    reason: 'reclassified',
    note: 'Asked by Aigerim',
  },
};
const alias: TargetEvent = { type: 'PersonAliasLinked', data: { alias: 'Айгерим' } };

describe('sealing a person inside their events', () => {
  const stored = [registered, renamed, recategorised, alias].map((e) => sealTargetEvent(e, key));

  it('keeps codes and the label in clear, and nothing personal', () => {
    const text = JSON.stringify(stored);
    for (const secret of ['Aigerim', 'Serik', '+7 700', 'Almaty', 'note', 'Айгерим', 'why'])
      expect(text).not.toContain(secret);
    expect(stored[0].data).toMatchObject({
      id: 'p-1',
      label: 'P-000001',
      category: 'journalist',
      birthYear: 1990,
    });
    expect(stored[2].data).toMatchObject({ field: 'category', from: 'journalist', to: 'lawyer' });
  });

  it('opens back to the very events the decider decided', () => {
    expect(stored.map((e) => openTargetEvent(e, key))).toEqual([
      registered,
      renamed,
      recategorised,
      alias,
    ]);
  });

  it('reads "[erased]" without the key, and keeps the codes', () => {
    const state = fold(sealingDecider('destroyed'), stored);
    expect(state.details).toMatchObject({
      name: ERASED_TEXT,
      label: 'P-000001',
      category: 'lawyer',
    });
    expect(state.details?.contacts).toBeUndefined();
    expect(state.aliases).toEqual([]);
  });

  it('stores organisations as they are: not natural persons', () => {
    const ngo: TargetEvent = {
      type: 'OrganisationRegistered',
      data: { id: 'o-1', name: 'KIBHR', label: 'KIBHR', aliases: [] },
    };
    expect(sealTargetEvent(ngo, undefined)).toEqual(ngo);
  });

  it('refuses to write personal data without a key', () => {
    expect(() => sealTargetEvent(alias, 'destroyed')).toThrow(/erased/);
  });
});
