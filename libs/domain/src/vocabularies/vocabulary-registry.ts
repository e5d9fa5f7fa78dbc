import { COUNTRY_VOCABULARY } from './country.vocabulary';
import { DATE_PRECISION_VOCABULARY } from './date-precision.vocabulary';
import { FINE_UNIT_VOCABULARY } from './fine-unit.vocabulary';
import { INCIDENT_FAMILY_VOCABULARY, INCIDENT_TYPE_VOCABULARY } from './incident-type.vocabulary';
import { OUTCOME_VOCABULARY } from './outcome.vocabulary';
import {
  PERPETRATOR_ROLE_VOCABULARY,
  PERPETRATOR_SOURCE_VOCABULARY,
} from './perpetrator-source.vocabulary';
import { REGION_VOCABULARY } from './region.vocabulary';
import {
  CORRECTION_REASON_VOCABULARY,
  RETRACTION_REASON_VOCABULARY,
} from './revision-reason.vocabulary';
import { RIGHT_VOCABULARY } from './right.vocabulary';
import { SOURCE_RELIABILITY_VOCABULARY } from './source-reliability.vocabulary';
import { TARGET_CATEGORY_VOCABULARY } from './target-category.vocabulary';
import { TARGET_KIND_VOCABULARY } from './target-kind.vocabulary';
import { Deprecation, Lang, Term, Vocabulary } from './vocabulary';

/** Every vocabulary, by the name the API and error messages use. */
export const VOCABULARIES = {
  target_category: TARGET_CATEGORY_VOCABULARY,
  target_kind: TARGET_KIND_VOCABULARY,
  perpetrator_source: PERPETRATOR_SOURCE_VOCABULARY,
  perpetrator_role: PERPETRATOR_ROLE_VOCABULARY,
  right: RIGHT_VOCABULARY,
  incident_type: INCIDENT_TYPE_VOCABULARY,
  incident_family: INCIDENT_FAMILY_VOCABULARY,
  outcome: OUTCOME_VOCABULARY,
  fine_unit: FINE_UNIT_VOCABULARY,
  correction_reason: CORRECTION_REASON_VOCABULARY,
  retraction_reason: RETRACTION_REASON_VOCABULARY,
  source_reliability: SOURCE_RELIABILITY_VOCABULARY,
  date_precision: DATE_PRECISION_VOCABULARY,
  country: COUNTRY_VOCABULARY,
  region: REGION_VOCABULARY,
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;

export function isVocabularyName(value: unknown): value is VocabularyName {
  return typeof value === 'string' && Object.hasOwn(VOCABULARIES, value);
}

/** A vocabulary by name, or a vocabulary object (tests, and vocabularies not yet registered). */
export type VocabularyRef = VocabularyName | Vocabulary;

/** The code union of a vocabulary: `CodeOf<'target_category'>` is `TargetCategory`. */
export type CodeOf<R extends VocabularyRef> = R extends VocabularyName
  ? (typeof VOCABULARIES)[R] extends Vocabulary<infer C>
    ? C
    : never
  : R extends Vocabulary<infer C>
    ? C
    : never;

/**
 * Whether a new record may use this code: it exists and is not deprecated. Old events keep
 * their deprecated codes; read them with `labelOf`, `termOf` and `currentCodes`.
 */
export function isKnownCode<R extends VocabularyRef>(
  vocabulary: R,
  code: string,
): code is CodeOf<R> {
  const term = indexOf(vocabulary).byCode.get(code);
  return term !== undefined && term.deprecated === undefined;
}

/** The codes a new record may use, in display order: for "allowed: a, b, c" in error messages. */
export function allowedCodes<R extends VocabularyRef>(vocabulary: R): readonly CodeOf<R>[] {
  return indexOf(vocabulary).allowed as readonly CodeOf<R>[];
}

/** Any term, deprecated ones included. */
export function termOf<R extends VocabularyRef>(
  vocabulary: R,
  code: string,
): Term<CodeOf<R>> | undefined {
  return indexOf(vocabulary).byCode.get(code) as Term<CodeOf<R>> | undefined;
}

export function labelOf(vocabulary: VocabularyRef, code: string, lang: Lang): string | undefined {
  return indexOf(vocabulary).byCode.get(code)?.labels[lang];
}

/**
 * The term meant by free text (a spreadsheet cell): a code, or any label or alias in any of
 * the five languages, ignoring case, spacing, hyphens and ё/е. Current terms win over
 * deprecated ones that share a name. The result may be a deprecated code: pass it through
 * `currentCodes` before recording new data.
 */
export function resolveCode<R extends VocabularyRef>(
  vocabulary: R,
  text: string,
): CodeOf<R> | undefined {
  return (indexOf(vocabulary).byName.get(normalise(text)) ?? undefined) as CodeOf<R> | undefined;
}

/**
 * The current codes that carry a code's meaning, following `replacedBy` through later
 * versions: `[code]` for a current term, the replacements for a renamed or split one, `[]` for
 * a term retired without replacement or an unknown code.
 */
export function currentCodes<R extends VocabularyRef>(
  vocabulary: R,
  code: string,
): readonly CodeOf<R>[] {
  const { byCode } = indexOf(vocabulary);
  const seen = new Set<string>();
  const follow = (c: string): string[] => {
    const term = byCode.get(c);
    if (term === undefined || seen.has(c)) return [];
    seen.add(c);
    if (term.deprecated === undefined) return [c];
    return (term.deprecated.replacedBy ?? []).flatMap(follow);
  };
  return [...new Set(follow(code))] as CodeOf<R>[];
}

export interface TermListing {
  code: string;
  label: string;
  family?: string;
  esfActType?: string;
  targetKind?: 'person' | 'organisation';
  deprecated?: Deprecation;
  reviewNeeded?: true;
}

export interface VocabularyListing {
  name: string;
  version: string;
  terms: TermListing[];
}

/** Every vocabulary labelled in one language, as plain data for `GET /vocabularies?lang=ru`. */
export function vocabulariesIn(lang: Lang): VocabularyListing[] {
  return Object.values(VOCABULARIES).map((v: Vocabulary) => ({
    name: v.name,
    version: v.version,
    terms: v.terms.map((t) => ({
      code: t.code,
      label: t.labels[lang],
      ...(t.family !== undefined && { family: t.family }),
      ...(t.esfActType !== undefined && { esfActType: t.esfActType }),
      ...(t.targetKind !== undefined && { targetKind: t.targetKind }),
      ...(t.deprecated !== undefined && {
        deprecated: {
          since: t.deprecated.since,
          ...(t.deprecated.replacedBy && { replacedBy: [...t.deprecated.replacedBy] }),
        },
      }),
      ...(t.reviewNeeded && { reviewNeeded: true as const }),
    })),
  }));
}

interface VocabularyIndex {
  byCode: Map<string, Term>;
  /** Normalised name → code; `null` where two current terms share a name. */
  byName: Map<string, string | null>;
  allowed: readonly string[];
}

const indexes = new WeakMap<Vocabulary, VocabularyIndex>();

function indexOf(ref: VocabularyRef): VocabularyIndex {
  const vocabulary: Vocabulary = typeof ref === 'string' ? VOCABULARIES[ref] : ref;
  let index = indexes.get(vocabulary);
  if (index === undefined) {
    index = buildIndex(vocabulary);
    indexes.set(vocabulary, index);
  }
  return index;
}

function buildIndex(vocabulary: Vocabulary): VocabularyIndex {
  const byCode = new Map(vocabulary.terms.map((t) => [t.code, t] as const));
  const byName = new Map<string, string | null>();
  for (const t of vocabulary.terms) byName.set(normalise(t.code), t.code);
  const codeNames = new Set(byName.keys());
  const current = vocabulary.terms.filter((t) => t.deprecated === undefined);
  const deprecated = vocabulary.terms.filter((t) => t.deprecated !== undefined);
  for (const t of current) {
    for (const name of namesOf(t)) {
      const key = normalise(name);
      if (codeNames.has(key)) continue;
      const existing = byName.get(key);
      // A name two terms share resolves to neither, rather than silently to one of them.
      byName.set(key, existing === undefined || existing === t.code ? t.code : null);
    }
  }
  for (const t of deprecated) {
    for (const name of namesOf(t)) {
      const key = normalise(name);
      if (!byName.has(key)) byName.set(key, t.code);
    }
  }
  return { byCode, byName, allowed: current.map((t) => t.code) };
}

function namesOf(term: Term): string[] {
  return [...Object.values(term.labels), ...(term.aliases ?? [])];
}

/** Spreadsheets vary in case, spacing, hyphenation and in writing ё as е. */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\-_\u2010-\u2015]+/g, ' ')
    .trim();
}
