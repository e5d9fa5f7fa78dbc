import { Lang } from '../vocabularies';

/**
 * A legal basis as monitors write it, in any of the five languages, read into the instrument
 * (`KZ Criminal Code`), the article (`405`) and, when given, the part (`1`). The instrument
 * names are the English ones the records already hold, so `ст. 405 УК РК` and
 * `KZ Criminal Code art. 405` count as one article in the statistics.
 *
 * The accepted forms are listed in docs/legal-basis.md; the table test covers each of them.
 */
export interface ParsedLegalBasis {
  instrument: string;
  article: string;
  part?: string;
}

export type LegalBasisParse =
  { ok: true; value: ParsedLegalBasis } | { ok: false; message: string; example: string };

type CodeKind = 'criminal' | 'administrative' | 'offences' | 'criminal_procedure';

const INSTRUMENT_NAMES: Readonly<Record<CodeKind, string>> = {
  criminal: 'Criminal Code',
  administrative: 'Code of Administrative Offences',
  // Kyrgyzstan's Code of Offences (2019) replaced its administrative code for most offences.
  offences: 'Code of Offences',
  criminal_procedure: 'Criminal Procedure Code',
};

/**
 * Abbreviations and names of the codes, lower case, as they appear in the text. Longer
 * spellings first: `упк` must not be read as `ук`, `criminal procedure code` not as
 * `criminal code`.
 */
const CODE_WORDS: readonly (readonly [string, CodeKind])[] = [
  ['criminal procedure code', 'criminal_procedure'],
  ['code of criminal procedure', 'criminal_procedure'],
  ['code of administrative offences', 'administrative'],
  ['code of administrative offenses', 'administrative'],
  ['administrative code', 'administrative'],
  ['code of offences', 'offences'],
  ['code of offenses', 'offences'],
  ['criminal code', 'criminal'],
  ['уголовно-процессуального кодекса', 'criminal_procedure'],
  ['уголовно-процессуальный кодекс', 'criminal_procedure'],
  ['уголовного кодекса', 'criminal'],
  ['уголовный кодекс', 'criminal'],
  ['кодекса об административных правонарушениях', 'administrative'],
  ['кодекс об административных правонарушениях', 'administrative'],
  ['кодекса о правонарушениях', 'offences'],
  ['кодекс о правонарушениях', 'offences'],
  ['қылмыстық кодексінің', 'criminal'],
  ['қылмыстық кодексi', 'criminal'],
  ['қылмыстық кодексі', 'criminal'],
  ['кылмыш-жаза кодексинин', 'criminal'],
  ['кылмыш-жаза кодекси', 'criminal'],
  ['кодекси ҷиноятӣ', 'criminal'],
  ['кодекси ҷиноятии', 'criminal'],
  ['упк', 'criminal_procedure'],
  ['коап', 'administrative'],
  ['кап', 'administrative'],
  ['ӘҚБтК'.toLowerCase(), 'administrative'],
  ['әқбк', 'administrative'],
  ['коп', 'offences'],
  ['ҚПК'.toLowerCase(), 'criminal_procedure'],
  ['ук', 'criminal'],
  ['ҚК'.toLowerCase(), 'criminal'],
  ['кжк', 'criminal'],
  ['кҷ', 'criminal'],
  ['кҳм', 'administrative'],
  ['cpc', 'criminal_procedure'],
  ['cao', 'administrative'],
  ['cc', 'criminal'],
];

/** How each country is named beside a code: abbreviations of "Republic of …" and names. */
const COUNTRY_WORDS: readonly (readonly [string, string])[] = [
  ['республики казахстан', 'KZ'],
  ['кыргызской республики', 'KG'],
  ['республики таджикистан', 'TJ'],
  ['республики узбекистан', 'UZ'],
  ['туркменистана', 'TM'],
  ['қазақстан республикасының', 'KZ'],
  ['кыргыз республикасынын', 'KG'],
  ['ҷумҳурии тоҷикистон', 'TJ'],
  ['kazakhstan', 'KZ'],
  ['kyrgyzstan', 'KG'],
  ['kyrgyz republic', 'KG'],
  ['tajikistan', 'TJ'],
  ['uzbekistan', 'UZ'],
  ['turkmenistan', 'TM'],
  ['руз', 'UZ'],
  ['рк', 'KZ'],
  ['қр', 'KZ'],
  ['кр', 'KG'],
  ['рт', 'TJ'],
  ['ҷт', 'TJ'],
  ['kz', 'KZ'],
  ['kg', 'KG'],
  ['tj', 'TJ'],
  ['uz', 'UZ'],
  ['tm', 'TM'],
];

const NUMBER = String.raw`(\d+(?:[-.]\d+)*)`;

/** The article: "ст. 405", "статья 405", "art. 405", "405-бап", "330-берене", "моддаи 307". */
const ARTICLE_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?:^|[\s,(])(?:ст\.?|статья|статьи|статье|стат\.)\s*${NUMBER}`, 'u'),
  new RegExp(String.raw`(?:^|[\s,(])(?:art\.?|article)\s*${NUMBER}`, 'u'),
  new RegExp(
    String.raw`(?:^|[\s,(])${NUMBER}\s*-?\s*(?:бап|бабы|бабының|берене|беренеси|беренесинин)`,
    'u',
  ),
  new RegExp(String.raw`(?:^|[\s,(])(?:моддаи|модда)\s*${NUMBER}`, 'u'),
];

/** The part: "ч. 1", "часть 1", "part 1", "1-бөлігі", "1-бөлүгү", "қисми 1", "307(1)". */
const PART_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?:^|[\s,(])(?:ч\.?|часть|части|частью)\s*(\d+)`, 'u'),
  new RegExp(String.raw`(?:^|[\s,(])(?:part|para\.?|paragraph)\s*(\d+)`, 'u'),
  new RegExp(String.raw`(?:^|[\s,(])(\d+)\s*-?\s*(?:бөлігі|бөлігінде|бөлүгү|бөлүгүнө)`, 'u'),
  new RegExp(String.raw`(?:^|[\s,(])(?:қисми|қисм)\s*(\d+)`, 'u'),
];

/** One accepted form per language, for the error a monitor sees in their sheet's language. */
export const LEGAL_BASIS_EXAMPLES: Readonly<Record<Lang, string>> = {
  en: 'KZ Criminal Code art. 405 part 1',
  ru: 'ч. 1 ст. 405 УК РК',
  kk: 'ҚР ҚК 405-бабының 1-бөлігі',
  ky: 'КР КЖК 330-беренесинин 1-бөлүгү',
  tg: 'қисми 1 моддаи 307 КҶ ҶТ',
};

const UNREAD: Readonly<Record<Lang, string>> = {
  en: 'is not a legal basis we can read; write it as',
  ru: 'не удаётся прочитать как правовое основание; напишите, например,',
  kk: 'құқықтық негіз ретінде оқылмады; мысалы, былай жазыңыз:',
  ky: 'укуктук негиз катары окулган жок; мисалы, мындай жазыңыз:',
  tg: 'ҳамчун асоси ҳуқуқӣ хонда нашуд; масалан, чунин нависед:',
};

/**
 * Reads one legal basis. `instrument|article` stays accepted for any instrument (laws that
 * are not codes: "KZ Law on Peaceful Assemblies|8").
 */
export function parseLegalBasis(text: string, lang: Lang = 'en'): LegalBasisParse {
  const trimmed = text.normalize('NFC').trim();
  const piped = /^([^|]+)\|([^|]+)$/.exec(trimmed);
  if (piped) return { ok: true, value: { instrument: piped[1].trim(), article: piped[2].trim() } };
  const value = readWritten(trimmed.toLowerCase().replace(/\s+/g, ' '));
  if (value) return { ok: true, value };
  return {
    ok: false,
    message: `${UNREAD[lang]} "${LEGAL_BASIS_EXAMPLES[lang]}"`,
    example: LEGAL_BASIS_EXAMPLES[lang],
  };
}

function readWritten(text: string): ParsedLegalBasis | undefined {
  const code = findWord(text, CODE_WORDS);
  if (code === undefined) return undefined;
  const withoutCode = blankOut(text, code);
  const country = findWord(withoutCode, COUNTRY_WORDS);
  if (country === undefined) return undefined;
  // What is left once the names are out: the article and the part.
  const rest = ` ${blankOut(withoutCode, country)} `;
  const part = firstMatch(rest, PART_PATTERNS);
  const withoutPart = part ? rest.replace(part.whole, ' ') : rest;
  const article = firstMatch(withoutPart, ARTICLE_PATTERNS) ?? bareArticle(withoutPart);
  if (article === undefined) return undefined;
  const parenthesised = /^\s*\((\d+)\)/.exec(withoutPart.slice(article.end));
  const partNumber = part?.number ?? parenthesised?.[1];
  return {
    instrument: `${country.value} ${INSTRUMENT_NAMES[code.value]}`,
    article: article.number,
    ...(partNumber !== undefined && { part: partNumber }),
  };
}

/** `УК КР 330`: the article as a lone number, when the text has nothing else left. */
function bareArticle(rest: string): { number: string; end: number } | undefined {
  const m = new RegExp(String.raw`^[\s,.]*${NUMBER}(?=[\s(]|$)`, 'u').exec(rest);
  if (!m) return undefined;
  const after = rest.slice(m[0].length);
  if (!/^\s*(\(\d+\))?\s*$/.test(after)) return undefined;
  return { number: m[1], end: m[0].length };
}

function firstMatch(
  text: string,
  patterns: readonly RegExp[],
): { number: string; whole: string; end: number } | undefined {
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) return { number: m[1], whole: m[0], end: m.index + m[0].length };
  }
  return undefined;
}

/** The first listed word that stands alone in the text (not inside another word). */
function findWord<V>(text: string, words: readonly (readonly [string, V])[]): Found<V> | undefined {
  for (const [word, value] of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'u').exec(text);
    if (m) return { at: m.index, length: m[0].length, value };
  }
  return undefined;
}

interface Found<V> {
  at: number;
  length: number;
  value: V;
}

/** The text with a found word replaced by spaces, so the other positions stay where they were. */
function blankOut(text: string, found: Found<unknown>): string {
  return text.slice(0, found.at) + ' '.repeat(found.length) + text.slice(found.at + found.length);
}
