import {
  REFERENCE_DIMENSIONS,
  ReferenceDimension,
  ReferenceFigure,
} from './reference-figure.decider';

/** A GET /stats question, as far as a reference figure can answer the same one. */
export interface Breakdown {
  measure: string;
  groupBy: readonly string[];
  /** Filter name → the values asked (any of them). Empty or absent lists are no filter. */
  filters: Readonly<Record<string, readonly (string | number)[] | string | undefined>>;
  /** First and last month asked (YYYY-MM), if any. */
  from?: string;
  to?: string;
}

const PERIOD_GROUP_BYS = ['year', 'quarter', 'month'];
/** Filters that do not narrow what is counted, or that a third party's figure cannot share. */
const NEUTRAL_FILTERS = ['sourceRole'];

/**
 * Whether a figure answers the same question as the breakdown: the same measure; a code for
 * every group-by (one cell of the table); every other dimension of the figure fixed by a
 * filter to that one code; no filter the figure does not share; and its period inside the
 * period asked, or one period of a period group-by.
 */
export function matchesBreakdown(figure: ReferenceFigure, b: Breakdown): boolean {
  if (figure.measure !== b.measure) return false;
  const dims = figure.dimensions as Record<string, string | undefined>;
  for (const g of b.groupBy) {
    if (PERIOD_GROUP_BYS.includes(g)) {
      if (periodKey(figure, g) === undefined) return false;
    } else if (dims[g] === undefined) return false;
  }
  for (const [name, raw] of Object.entries(b.filters)) {
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (values.length === 0 || NEUTRAL_FILTERS.includes(name)) continue;
    if (name === 'year') {
      const years = values.map(String);
      if (figure.period.from === undefined) return false;
      const year = figure.period.from.slice(0, 4);
      if (figure.period.to.slice(0, 4) !== year || !years.includes(year)) return false;
      continue;
    }
    if (!Object.hasOwn(REFERENCE_DIMENSIONS, name)) return false;
    if (values.length !== 1 || dims[name] !== String(values[0])) return false;
  }
  for (const key of Object.keys(dims) as ReferenceDimension[]) {
    const filtered = b.filters[key] !== undefined && [b.filters[key]].flat().length > 0;
    if (!b.groupBy.includes(key) && !filtered) return false;
  }
  if (b.from !== undefined || b.to !== undefined) {
    if (figure.period.from === undefined) return false;
    if (b.from !== undefined && figure.period.from < b.from) return false;
    if (b.to !== undefined && figure.period.to > b.to) return false;
  }
  return true;
}

/**
 * The figure's key under a group-by, as GET /stats rows carry it: its code, or its period
 * when that is exactly one year, quarter or month. `undefined` when it has none.
 */
export function keyOfFigure(figure: ReferenceFigure, groupBy: string): string | undefined {
  if (PERIOD_GROUP_BYS.includes(groupBy)) return periodKey(figure, groupBy);
  return (figure.dimensions as Record<string, string | undefined>)[groupBy];
}

function periodKey(figure: ReferenceFigure, groupBy: string): string | undefined {
  const { from, to } = figure.period;
  if (from === undefined) return undefined;
  const year = from.slice(0, 4);
  const month = Number(from.slice(5, 7));
  if (groupBy === 'month') return from === to ? from : undefined;
  if (groupBy === 'year') return from === `${year}-01` && to === `${year}-12` ? year : undefined;
  const q = Math.ceil(month / 3);
  const last = `${year}-${String(q * 3).padStart(2, '0')}`;
  return (month - 1) % 3 === 0 && to === last ? `${year}-Q${q}` : undefined;
}
