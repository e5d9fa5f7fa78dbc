import { IncidentFilters } from './incident-filters';

/** Adds a value to the query's parameters and returns its placeholder (`$3`). */
export type Bind = (value: unknown) => string;

export function parameters(): { values: unknown[]; bind: Bind } {
  const values: unknown[] = [];
  return {
    values,
    bind: (value) => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/**
 * The WHERE conditions of the filters, for `rm_acts` (one row per act) or `rm_incidents`
 * (one row per incident) aliased `r`. Column names are fixed here; only values are bound.
 */
export function filterConditions(
  f: IncidentFilters,
  table: 'rm_acts' | 'rm_incidents',
  bind: Bind,
): string[] {
  const conditions: string[] = [];
  const anyOf = (column: string, values: string[] | undefined) => {
    if (values !== undefined) conditions.push(`${column} = ANY(${bind(values)}::text[])`);
  };
  const overlaps = (column: string, values: string[] | undefined) => {
    if (values !== undefined) conditions.push(`${column} && ${bind(values)}::text[]`);
  };

  anyOf('r.country', f.country);
  anyOf('r.region', f.region);
  anyOf('r.type', f.type);
  anyOf('r.family', f.family);
  if (table === 'rm_acts') {
    anyOf('r.target_category', f.targetCategory);
    anyOf('r.verification_status', f.verificationStatus);
  } else {
    overlaps('r.target_categories', f.targetCategory);
    anyOf(`(CASE WHEN r.verified THEN 'verified' ELSE 'unverified' END)`, f.verificationStatus);
  }
  if (f.source !== undefined) {
    const sources = bind(f.source);
    conditions.push(
      f.sourceRole === 'any'
        ? `(r.main_sources && ${sources}::text[] OR r.secondary_sources && ${sources}::text[])`
        : `r.main_sources && ${sources}::text[]`,
    );
  }
  overlaps('r.rights', f.right);
  overlaps('r.legal_articles', f.legalArticle);
  overlaps('r.tags', f.tag);
  if (f.year !== undefined) conditions.push(`r.year = ANY(${bind(f.year)}::int[])`);
  // `month` is NULL for a year-precise act: it is inside the range only if its whole year is.
  // The year bounds repeat the rule in a form the (workspace_id, year) index can use.
  if (f.from !== undefined) {
    const from = bind(f.from);
    conditions.push(`r.year >= ${bind(Number(f.from.slice(0, 4)))}`);
    conditions.push(`(r.month >= ${from} OR (r.month IS NULL AND r.year || '-01' >= ${from}))`);
  }
  if (f.to !== undefined) {
    const to = bind(f.to);
    conditions.push(`r.year <= ${bind(Number(f.to.slice(0, 4)))}`);
    conditions.push(`(r.month <= ${to} OR (r.month IS NULL AND r.year || '-12' <= ${to}))`);
  }
  return conditions;
}
