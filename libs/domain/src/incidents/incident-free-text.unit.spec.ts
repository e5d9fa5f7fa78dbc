import { mapFreeText, mayCarryFreeText } from './incident-free-text';

describe('the free text of incident events', () => {
  const upper = (value: unknown) =>
    Array.isArray(value)
      ? value.map((v: string) => v.toUpperCase())
      : (value as string).toUpperCase();

  it('is the title, description, place, tags and source titles of a report; codes are not', () => {
    const data = {
      title: 'a',
      place: 'b',
      country: 'kz',
      tags: ['c'],
      sources: [{ sourceId: 's', title: 'd', url: 'u' }],
    };
    const seen: string[] = [];
    const out = mapFreeText('IncidentReported', data, (v, field) => {
      seen.push(field);
      return upper(v);
    });
    expect(out).toEqual({
      title: 'A',
      place: 'B',
      country: 'kz',
      tags: ['C'],
      sources: [{ sourceId: 's', title: 'D', url: 'u' }],
    });
    expect(seen.sort()).toEqual(['place', 'sourceTitles', 'tags', 'title']); // no description: absent
  });

  it('is both sides of a correction of a text field only, a source title, a redaction replacement', () => {
    expect(
      mapFreeText(
        'IncidentCorrected',
        { field: 'title', from: 'a', to: 'b', reason: 'typo' },
        upper,
      ),
    ).toEqual({ field: 'title', from: 'A', to: 'B', reason: 'typo' });
    const country = { field: 'country', from: 'KZ', to: 'KG', reason: 'typo' };
    expect(mapFreeText('IncidentCorrected', country, upper)).toBe(country);
    expect(mapFreeText('SourceAttached', { sourceId: 's', title: 't' }, upper)).toEqual({
      sourceId: 's',
      title: 'T',
    });
    expect(
      mapFreeText(
        'IncidentRedacted',
        { fields: ['tags'], reason: 'r', replacements: { tags: ['x'] } },
        upper,
      ),
    ).toEqual({ fields: ['tags'], reason: 'r', replacements: { tags: ['X'] } });
    expect(mayCarryFreeText('OutcomeRecorded')).toBe(false);
  });
});
