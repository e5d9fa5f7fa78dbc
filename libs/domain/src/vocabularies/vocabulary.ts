/** The languages every term is labelled in. */
export const LANGS = ['en', 'ru', 'kk', 'ky', 'tg'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export type Labels = Readonly<Record<Lang, string>>;

/**
 * How a vocabulary changes without changing what old events mean. Codes are never deleted or
 * reused: events store codes, and replaying them must keep working.
 *
 * - add: a new term and a new `version`;
 * - rename: a new term; the old one gets `deprecated: { since, replacedBy: [new] }`;
 * - split: the old term gets `replacedBy: [a, b]` (an old event may mean either; an analyst
 *   decides, so `currentCodes` returns both);
 * - merge: several old terms get `replacedBy: [merged]`;
 * - retire: `deprecated: { since }` with no replacement.
 *
 * Fixing a label is not a change of meaning and needs no deprecation, only a new `version`.
 */
export interface Deprecation<C extends string = string> {
  /** The vocabulary version that deprecated the term. */
  readonly since: string;
  readonly replacedBy?: readonly C[];
}

export interface Term<C extends string = string> {
  readonly code: C;
  readonly labels: Labels;
  /** Other names in any language: abbreviations, former or transliterated names (Alma-Ata, КНБ). */
  readonly aliases?: readonly string[];
  /** The incident family, on incident types. */
  readonly family?: string;
  /** The nearest HURIDOCS ESF MT 4 "type of act", on incident types that have a clear one. */
  readonly esfActType?: string;
  /** On target categories that only fit one kind of target. */
  readonly targetKind?: 'person' | 'organisation';
  readonly deprecated?: Deprecation<C>;
  /** Some translation is a best guess awaiting a native speaker's review. */
  readonly reviewNeeded?: true;
}

export interface Vocabulary<C extends string = string> {
  readonly name: string;
  /** `YYYY.N`: the year of the release and its number within the year. */
  readonly version: string;
  readonly terms: readonly Term<C>[];
}

export type TermData<C extends string> = Omit<Term<C>, 'code'>;

/**
 * Builds a vocabulary from its codes (whose order is the display order) and a record of their
 * data, so the compiler checks that every code has labels and no stray entry exists.
 */
export function defineVocabulary<C extends string>(
  name: string,
  version: string,
  codes: readonly C[],
  data: Readonly<Record<C, TermData<C>>>,
): Vocabulary<C> {
  return { name, version, terms: codes.map((code) => ({ code, ...data[code] })) };
}
