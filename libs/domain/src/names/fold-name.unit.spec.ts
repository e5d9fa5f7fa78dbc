import { foldName, namePrefixes, nameTokens } from './fold-name';

describe('foldName', () => {
  it.each([
    ['Дулат Агадил', 'Dulat Agadil'],
    ['Агадил Дулат', 'dulat  AGADIL'],
    ['Жанна Ерлановна', 'Zhanna Yerlanovna'],
    ['Алексей Хохлов', 'Aleksei Khokhlov'],
    ['Aleksey', 'Alexei'],
    ['Мария Щукина', 'Mariya Shchukina'],
    ['Әсел Нұрланқызы', 'Asel Nurlankyzy'],
    ['Ерлан Қалиев', 'Erlan Kaliyev'],
    ['Zhanar', 'Žanar'],
  ])('%s and %s meet', (a, b) => {
    expect(foldName(a)).toBe(foldName(b));
  });

  it.each([
    ['Дулат Агадил', 'Дулат Агадилов'],
    ['Asel', 'Aisel'],
    ['Marat Bekov', 'Marat Bekova'],
  ])('%s and %s stay apart', (a, b) => {
    expect(foldName(a)).not.toBe(foldName(b));
  });

  it('ignores punctuation and spacing', () => {
    expect(foldName("  Nur-Sultan  O'Brien ")).toBe(foldName('nur sultan obrien'));
  });
});

describe('nameTokens and namePrefixes (the name index)', () => {
  it.each(['Дулат Агадил', 'Dulat Agadil', 'Dulat Agadıl', 'AGADIL, dulat'])(
    '%s gives the same tokens',
    (name) => {
      expect(nameTokens(name).sort()).toEqual(['agadil', 'dulat']);
    },
  );

  it('reads Kazakh Latin letters as their Cyrillic counterparts', () => {
    expect(nameTokens('Şynar')).toEqual(nameTokens('Шынар'));
  });

  it('gives the beginnings from three letters on', () => {
    expect(namePrefixes('agadil')).toEqual(['aga', 'agad', 'agadi', 'agadil']);
    expect(namePrefixes('li')).toEqual(['li']);
  });

  it('finds a typed beginning among the prefixes of the full name', () => {
    const indexed = nameTokens('Дулат Агадил').flatMap(namePrefixes);
    for (const typed of ['агад', 'Agad', 'Agadıl']) {
      expect(indexed).toEqual(expect.arrayContaining(nameTokens(typed)));
    }
  });
});
