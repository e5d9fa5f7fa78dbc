/**
 * The filters of GET /incidents (and of GET /stats, which shares all but status and q), kept
 * in the address so a filtered list can be bookmarked and shared.
 */
export const LIST_FILTERS = [
  'country',
  'region',
  'type',
  'family',
  'targetCategory',
  'source',
  'right',
  'verificationStatus',
  'status',
  'legalArticle',
  'tag',
  'year',
] as const;
export const SINGLE_FILTERS = ['sourceRole', 'from', 'to', 'q'] as const;

/** Which vocabulary labels each code filter. */
export const FILTER_VOCABULARY: Partial<Record<(typeof LIST_FILTERS)[number], string>> = {
  country: 'country',
  region: 'region',
  type: 'incident_type',
  family: 'incident_family',
  targetCategory: 'target_category',
  source: 'perpetrator_source',
  right: 'right',
};

const STATS_ONLY_EXCLUDED = new Set(['status', 'q', 'cursor', 'limit']);

export type QueryRecord = Record<string, string | string[]>;

/** The query of the address as the API takes it: repeated parameters as lists. */
export function queryOf(params: URLSearchParams): QueryRecord {
  const query: QueryRecord = {};
  for (const name of LIST_FILTERS) {
    const values = params.getAll(name).filter((v) => v !== '');
    if (values.length > 0) query[name] = values;
  }
  for (const name of [...SINGLE_FILTERS, 'cursor']) {
    const value = params.get(name);
    if (value) query[name] = value;
  }
  return query;
}

/** The same filters for GET /stats (which has no status, q or paging). */
export function statsFiltersOf(query: QueryRecord): QueryRecord {
  return Object.fromEntries(Object.entries(query).filter(([k]) => !STATS_ONLY_EXCLUDED.has(k)));
}

/** A query string with repeated parameters, as the API and the address bar write them. */
export function searchOf(
  query: Record<string, string | string[] | number | boolean | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, String(v));
  }
  return params.toString();
}

/**
 * The address's query as it is now, for a change to build on. The `params` a render saw lag
 * behind when two filters are picked in quick succession (the router commits the first in a
 * transition), and building on them would drop the first filter.
 */
export function currentParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}
