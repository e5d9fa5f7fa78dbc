/**
 * A key under which spellings of one name meet: Cyrillic (Russian, Kazakh, Kyrgyz, Tajik) and
 * Latin transliterations fold to the same Latin letters, case, diacritics, punctuation and the
 * order of the parts are ignored. Two names with the same key are possibly one person; the
 * key never decides it (namesakes exist), it only points a monitor at the rows to compare.
 */
export function foldName(name: string): string {
  return foldedParts(name).sort().join(' ');
}

/**
 * The distinct folded parts of a name ("Дулат Агадил" → dulat, agadil): what the name index
 * looks a person up by, whichever script or transliteration the monitor types.
 */
export function nameTokens(name: string): string[] {
  return [...new Set(foldedParts(name))];
}

/** The shortest beginning of a name part that search matches: fewer letters name too many. */
export const MIN_NAME_PREFIX = 3;

/** A folded part and its beginnings from MIN_NAME_PREFIX letters on: "agadil" → aga … agadil. */
export function namePrefixes(token: string): string[] {
  const out: string[] = [];
  for (let n = Math.min(MIN_NAME_PREFIX, token.length); n <= token.length; n++) {
    out.push(token.slice(0, n));
  }
  return out;
}

function foldedParts(name: string): string[] {
  const latin = [...name.normalize('NFC').toLowerCase()]
    .map((c) => CYRILLIC_TO_LATIN[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
  return latin
    .replace(/['’ʼ`]/g, '')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter((p) => p !== '')
    .map(foldSpelling);
}

// One Latin spelling per sound, so that "Zhanna"/"Žanna"/"Janna", "Yerlan"/"Erlan",
// "Khalid"/"Halid", "Aleksey"/"Alexei", "Mariya"/"Maria" meet. Order matters: longer
// clusters first.
const SPELLINGS: readonly (readonly [RegExp, string])[] = [
  [/x/g, 'ks'],
  [/(dzh|zh|dj)/g, 'j'],
  [/(shch|sch|sh)/g, 's'],
  [/(tsch|tch|ch)/g, 'c'],
  [/(ts|tz)/g, 'c'],
  [/kh/g, 'h'],
  [/w/g, 'v'],
  [/q/g, 'k'],
  [/y([eoau])/g, '$1'],
  [/(iy|yi|ii|ij|y)/g, 'i'],
  [/(.)\1+/g, '$1'],
];

function foldSpelling(part: string): string {
  return SPELLINGS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), part);
}

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  і: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'kh',
  һ: 'h',
  ҳ: 'h',
  ц: 'ts',
  ч: 'ch',
  ҷ: 'j',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ӣ: 'i',
  ӯ: 'u',
  ҙ: 'z',
  // Latin transliterations with háčeks or cedillas: the mark carries the sound.
  ž: 'zh',
  š: 'sh',
  č: 'ch',
  ş: 'sh',
  ç: 'ch',
  // Kazakh Latin (2021) and Turkish-style spellings: the dotless i has no decomposition.
  ı: 'i',
};
