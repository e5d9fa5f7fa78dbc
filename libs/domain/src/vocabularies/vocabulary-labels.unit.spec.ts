import { LANGS, Vocabulary, VOCABULARIES } from '.';

/**
 * Native-script check of every label (issue 7): each term is labelled in en, ru, kk, ky and tg;
 * the four regional languages are written in Cyrillic (Tajik too), each with its own letters
 * only, never copied from English, and copied from Russian only where the word is the same.
 */
const ALL = Object.entries(VOCABULARIES) as [string, Vocabulary][];
const NATIVE = ['ru', 'kk', 'ky', 'tg'] as const;

/** Letters of the other Cyrillic alphabets that a language's own alphabet lacks. */
const FOREIGN_LETTERS: Record<(typeof NATIVE)[number], RegExp> = {
  ru: /[әғқңөұүһіӣӯҳҷ]/iu,
  kk: /[ӣӯҳҷ]/iu,
  ky: /[әғқұһіӣӯҳҷ]/iu,
  tg: /[әңөұүһі]/iu,
};

/** Labels that may equal the English one. None do: English is in Latin script, the others not. */
const SAME_AS_ENGLISH = new Set<string>([]);

/**
 * Labels that equal the Russian one because the language uses the same word (a shared
 * loanword), as `vocabulary:code:lang`. Place names (countries, regions) are proper nouns and
 * often spelt alike: those two vocabularies are exempt as a whole.
 */
const SAME_AS_RUSSIAN = new Set([
  'perpetrator_source:police:kk', // полиция
  'perpetrator_source:court:tg', // суд
  'perpetrator_source:prosecutor:kk', // прокуратура
  'perpetrator_source:prosecutor:ky',
  'perpetrator_source:prosecutor:tg',
  'target_category:lawyer:ky', // юрист
  'incident_type:censorship:kk', // цензура
  'incident_type:censorship:ky',
]);
const PROPER_NOUN_VOCABULARIES = new Set(['country', 'region']);

const cells = ALL.flatMap(([name, v]) =>
  v.terms.flatMap((t) =>
    LANGS.map((lang) => ({ key: `${name}:${t.code}:${lang}`, name, lang, term: t })),
  ),
);

describe('vocabulary labels', () => {
  it('label every term of every vocabulary, deprecated ones included, in all five languages', () => {
    const bad = cells.filter(({ term, lang }) => {
      const label = term.labels[lang];
      return (
        typeof label !== 'string' ||
        label.trim() === '' ||
        label !== label.trim() ||
        /\s{2}/.test(label)
      );
    });
    expect(bad.map((c) => c.key)).toEqual([]);
  });

  it('write English labels in Latin script', () => {
    const bad = cells.filter(
      ({ term, lang }) => lang === 'en' && !/\p{Script=Latin}/u.test(term.labels.en),
    );
    expect(bad.map((c) => c.key)).toEqual([]);
  });

  it.each(NATIVE)('write %s labels in Cyrillic, without Latin letters', (lang) => {
    const bad = cells
      .filter((c) => c.lang === lang)
      .filter(({ term }) => {
        const label = term.labels[lang];
        return !/\p{Script=Cyrillic}/u.test(label) || /\p{Script=Latin}/u.test(label);
      });
    expect(bad.map((c) => `${c.key} ${c.term.labels[lang]}`)).toEqual([]);
  });

  it.each(NATIVE)('use only letters of the %s alphabet', (lang) => {
    const bad = cells
      .filter((c) => c.lang === lang)
      .filter(({ term }) => FOREIGN_LETTERS[lang].test(term.labels[lang]));
    expect(bad.map((c) => `${c.key} ${c.term.labels[lang]}`)).toEqual([]);
  });

  it('never copy the English label', () => {
    const bad = cells.filter(
      ({ key, lang, term }) =>
        lang !== 'en' && term.labels[lang] === term.labels.en && !SAME_AS_ENGLISH.has(key),
    );
    expect(bad.map((c) => c.key)).toEqual([]);
  });

  it('copy the Russian label into kk, ky or tg only where the word is shared', () => {
    const bad = cells.filter(
      ({ key, name, lang, term }) =>
        (lang === 'kk' || lang === 'ky' || lang === 'tg') &&
        term.labels[lang] === term.labels.ru &&
        !PROPER_NOUN_VOCABULARIES.has(name) &&
        !SAME_AS_RUSSIAN.has(key),
    );
    expect(bad.map((c) => `${c.key} ${c.term.labels[c.lang]}`)).toEqual([]);
  });

  it('list only exceptions that are still needed', () => {
    const cell = (key: string) => cells.find((c) => c.key === key);
    for (const key of SAME_AS_RUSSIAN) {
      const c = cell(key)!;
      expect({ key, same: c.term.labels[c.lang] === c.term.labels.ru }).toEqual({
        key,
        same: true,
      });
    }
  });
});
