import { foldName } from './fold-name';

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
