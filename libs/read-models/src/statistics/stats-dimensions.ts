import { keyLabel } from '@app/charts';
import { Lang, VOCABULARIES, VocabularyName } from '@app/domain';
import { IncidentFilters } from './incident-filters';

export const MEASURES = ['incidents', 'acts', 'persons', 'organisations'] as const;
export type Measure = (typeof MEASURES)[number];

export const GROUP_BYS = [
  'country',
  'region',
  'month',
  'quarter',
  'year',
  'type',
  'family',
  'targetCategory',
  'source',
  'right',
  'legalArticle',
  'verificationStatus',
] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export type Key = string | number | null;

/**
 * How a group-by reads `rm_acts r`: a column, or an array column unnested (an act then falls
 * in one row per element, or in the NULL row when the array is empty). Only these fixed
 * expressions reach the SQL.
 */
interface Dimension {
  column?: string;
  unnest?: (filters: IncidentFilters) => string;
  /** Whether the unnested array may hold an element twice. */
  mayRepeat?: (filters: IncidentFilters) => boolean;
  vocabulary?: VocabularyName;
  /** The label of the NULL key. */
  none: string;
  label?: (key: string | number) => string;
}

const DIMENSIONS: Record<GroupBy, Dimension> = {
  country: { column: 'r.country', vocabulary: 'country', none: 'country unknown' },
  region: { column: 'r.region', vocabulary: 'region', none: 'region unknown' },
  month: { column: 'r.month', none: 'month unknown' },
  quarter: { column: 'r.quarter', none: 'quarter unknown' },
  year: { column: 'r.year', none: 'year unknown' },
  type: { column: 'r.type', vocabulary: 'incident_type', none: 'type unknown' },
  family: { column: 'r.family', vocabulary: 'incident_family', none: 'family unknown' },
  targetCategory: { column: 'r.target_category', vocabulary: 'target_category', none: 'no target' },
  source: {
    unnest: (f) =>
      f.sourceRole === 'any' ? '(r.main_sources || r.secondary_sources)' : 'r.main_sources',
    mayRepeat: (f) => f.sourceRole === 'any',
    vocabulary: 'perpetrator_source',
    none: 'no source of threat recorded',
  },
  right: { unnest: () => 'r.rights', vocabulary: 'right', none: 'no right recorded' },
  legalArticle: {
    unnest: () => 'r.legal_articles',
    none: 'no legal basis recorded',
    label: (key) => String(key).replace('|', ', art. '),
  },
  verificationStatus: {
    column: 'r.verification_status',
    none: 'unknown',
    label: (key) => (key === 'verified' ? 'Verified' : 'Unverified'),
  },
};

/**
 * The SQL of a group-by over `rm_acts r`, aliased `d<i>` where it joins: the key, and for an
 * array the lateral join that unnests its elements, numbered, so that `first` holds on exactly
 * one row per act (the total counts that one). The projection stores each array with distinct
 * elements, so a plain unnest suffices; main and secondary sources together may repeat one.
 */
export function dimensionSql(
  groupBy: GroupBy,
  filters: IncidentFilters,
  i: number,
): { key: string; join?: string; first?: string } {
  const d = DIMENSIONS[groupBy];
  if (d.unnest === undefined) return { key: d.column! };
  const alias = `d${i}`;
  const array = d.unnest(filters);
  const elements = d.mayRepeat?.(filters)
    ? `(SELECT v, row_number() OVER () AS n FROM (SELECT DISTINCT unnest(${array}) AS v) e)`
    : `unnest(${array}) WITH ORDINALITY`;
  return {
    key: `${alias}.v`,
    join: `LEFT JOIN LATERAL ${elements} AS ${alias}(v, n) ON true`,
    first: `(${alias}.n IS NULL OR ${alias}.n = 1)`,
  };
}

/** A key's label in a language: the words every output shares (`@app/charts`). */
export function labelOfKey(groupBy: GroupBy, key: Key, lang: Lang = 'en'): string {
  return keyLabel(groupBy, key, lang);
}

/**
 * Rows in reading order: vocabulary codes in display order (Kadyr-Kasiyet's categories and
 * sources first), periods chronologically, the NULL key ("month unknown") last.
 */
export function compareKeys(groupBy: GroupBy, a: Key, b: Key): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const vocabulary = DIMENSIONS[groupBy].vocabulary;
  if (vocabulary !== undefined) {
    const order = displayOrder(vocabulary);
    const byOrder = (order.get(String(a)) ?? order.size) - (order.get(String(b)) ?? order.size);
    if (byOrder !== 0) return byOrder;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const orders = new Map<VocabularyName, Map<string, number>>();

function displayOrder(vocabulary: VocabularyName): Map<string, number> {
  let order = orders.get(vocabulary);
  if (order === undefined) {
    order = new Map(VOCABULARIES[vocabulary].terms.map((t, i) => [t.code, i]));
    orders.set(vocabulary, order);
  }
  return order;
}
