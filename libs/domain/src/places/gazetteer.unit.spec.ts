import { findSettlements } from './gazetteer';

describe('findSettlements', () => {
  it.each([
    ['Ош', 'Osh'],
    ['osh', 'Osh'],
    ['Хор', 'Khorugh'],
    ['Алматы', 'Almaty'],
    ['kara bal', 'Kara-Balta'],
  ])('finds %s: %s', (query, name) => {
    expect(findSettlements(query)?.map((s) => s.name)).toContain(name);
  });

  it('answers the largest first, within a country when asked, and nothing for one letter', () => {
    const kara = findSettlements('kara')!;
    expect(kara.length).toBeGreaterThan(3);
    const sizes = kara.map((s) => s.population);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(findSettlements('kara', { country: 'KG' })!.map((s) => s.country))).toEqual(
      new Set(['KG']),
    );
    expect(findSettlements('Osh')![0]).toEqual({
      geonameId: 1527534,
      name: 'Osh',
      country: 'KG',
      latitude: 40.52828,
      longitude: 72.7985,
      population: 200000,
    });
    expect(findSettlements('o')).toBeUndefined();
    expect(findSettlements('x')).toBeUndefined();
  });
});
