import { Decider, DomainEvent } from '../decider';
import { DomainError } from '../errors';
import { Problems } from '../incidents/incident.validation';
import { VocabularyName } from '../vocabularies';
import { withoutUndefined } from '../without-undefined';

/**
 * A third party's published figure ("HRW documented over 130 art. 405 cases"), stored with its
 * attribution beside our own counts (docs/domain.md, "As of"). Stream
 * `referencefigure-<id>`; a figure is recorded once and never changed.
 */
export const REFERENCE_QUALIFIERS = ['exact', 'more_than', 'at_least', 'around', 'up_to'] as const;
export type ReferenceQualifier = (typeof REFERENCE_QUALIFIERS)[number];

/** What the figure counts, in the terms of GET /stats `measure`. */
export const REFERENCE_MEASURES = ['incidents', 'acts', 'persons', 'organisations'] as const;
export type ReferenceMeasure = (typeof REFERENCE_MEASURES)[number];

/** The GET /stats dimensions a figure may be broken down by, and the vocabulary of each. */
export const REFERENCE_DIMENSIONS = {
  country: 'country',
  region: 'region',
  type: 'incident_type',
  family: 'incident_family',
  targetCategory: 'target_category',
  source: 'perpetrator_source',
  right: 'right',
  legalArticle: undefined,
} as const satisfies Record<string, VocabularyName | undefined>;
export type ReferenceDimension = keyof typeof REFERENCE_DIMENSIONS;

export interface ReferenceSource {
  /** Who produced the figure: "Kadyr-Kasiyet", "Human Rights Watch". */
  name: string;
  /** Where we read it. */
  publication?: string;
  section?: string;
  url?: string;
  /** YYYY-MM-DD. */
  publishedOn?: string;
}

/** Months, YYYY-MM, both ends included; no `from` means "up to `to`" (a cumulative count). */
export interface ReferencePeriod {
  from?: string;
  to: string;
}

export interface ReferenceFigure {
  figureId: string;
  source: ReferenceSource;
  /** The figure's sentence, verbatim. */
  statement: string;
  value: number;
  qualifier: ReferenceQualifier;
  measure: ReferenceMeasure;
  period: ReferencePeriod;
  /** One code per dimension; `legalArticle` is `instrument|article`. */
  dimensions: Partial<Record<ReferenceDimension, string>>;
  note?: string;
}

/** A figure as a request gives it: periods may be years (`2020` = `2020-01`…`2020-12`). */
export interface ReferenceFigureDraft {
  source: ReferenceSource;
  statement: string;
  value: number;
  qualifier: string;
  measure: string;
  period: { from?: string; to?: string };
  dimensions?: Record<string, string>;
  note?: string;
}

export interface RecordReferenceFigure {
  type: 'RecordReferenceFigure';
  figureId: string;
  figure: ReferenceFigureDraft;
  /** YYYY-MM-DD: periods may not lie in the future. */
  today: string;
}

export type ReferenceFigureRecorded = DomainEvent<'ReferenceFigureRecorded', ReferenceFigure>;

export type ReferenceFigureState = { status: 'absent' } | { status: 'recorded' };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const referenceFigureDecider: Decider<
  RecordReferenceFigure,
  ReferenceFigureRecorded,
  ReferenceFigureState
> = {
  initialState: { status: 'absent' },
  decide(command, state) {
    if (state.status !== 'absent') {
      throw new DomainError('conflict', 'reference_figure_exists', 'this figure is recorded');
    }
    return [{ type: 'ReferenceFigureRecorded', data: validateFigure(command) }];
  },
  evolve() {
    return { status: 'recorded' };
  },
};

function validateFigure({ figureId, figure: f, today }: RecordReferenceFigure): ReferenceFigure {
  const p = new Problems();
  const source = f.source ?? ({} as ReferenceSource);
  p.text('source.name', source.name, { required: true, max: 200 });
  p.text('source.publication', source.publication, { max: 300 });
  p.text('source.section', source.section, { max: 300 });
  if (source.url !== undefined && !/^https?:\/\/\S+$/.test(String(source.url))) {
    p.add('source.url', 'must be an http(s) URL');
  }
  if (source.publishedOn !== undefined) {
    if (!DAY.test(String(source.publishedOn))) p.add('source.publishedOn', 'must be YYYY-MM-DD');
    else if (source.publishedOn > today) p.add('source.publishedOn', 'is in the future');
  }
  p.text('statement', f.statement, { required: true, max: 2000 });
  p.text('note', f.note, { max: 2000 });
  if (typeof f.value !== 'number' || !Number.isFinite(f.value) || f.value < 0) {
    p.add('value', 'must be a number, 0 or more');
  }
  if (!(REFERENCE_QUALIFIERS as readonly unknown[]).includes(f.qualifier)) {
    p.add('qualifier', 'unknown qualifier', REFERENCE_QUALIFIERS);
  }
  if (!(REFERENCE_MEASURES as readonly unknown[]).includes(f.measure)) {
    p.add('measure', 'unknown measure', REFERENCE_MEASURES);
  }
  const period = periodOf(f.period, today, p);
  const dimensions: Record<string, string> = {};
  for (const [key, value] of Object.entries(f.dimensions ?? {})) {
    const field = `dimensions.${key}`;
    if (!Object.hasOwn(REFERENCE_DIMENSIONS, key)) {
      p.add(field, 'is not a dimension', Object.keys(REFERENCE_DIMENSIONS));
      continue;
    }
    const vocabulary = REFERENCE_DIMENSIONS[key as ReferenceDimension];
    if (vocabulary !== undefined) p.code(vocabulary, field, value);
    else if (typeof value !== 'string' || !/^[^|]+\|[^|]+$/.test(value)) {
      p.add(field, 'must be instrument|article, e.g. KZ Criminal Code|405');
    }
    dimensions[key] = value;
  }
  // periodOf answers no period only when it found a problem.
  if (period === undefined || p.errors.length > 0) throw DomainError.invalid(p.errors);
  return withoutUndefined({
    figureId,
    source: withoutUndefined({
      name: source.name.trim(),
      publication: source.publication,
      section: source.section,
      url: source.url,
      publishedOn: source.publishedOn,
    }),
    statement: f.statement.trim(),
    value: f.value,
    qualifier: f.qualifier as ReferenceQualifier,
    measure: f.measure as ReferenceMeasure,
    period,
    dimensions,
    note: f.note,
  });
}

/** Normalises a period to months: a year stands for its twelve months. */
function periodOf(
  input: ReferenceFigureDraft['period'] | undefined,
  today: string,
  p: Problems,
): ReferencePeriod | undefined {
  if (typeof input !== 'object' || input === null) {
    p.add('period', 'is required: { from?, to } as YYYY or YYYY-MM');
    return undefined;
  }
  const month = (value: unknown, field: string, end: boolean): string | undefined => {
    if (value === undefined) return undefined;
    const text = String(value);
    if (YEAR.test(text)) return `${text}-${end ? '12' : '01'}`;
    if (MONTH.test(text)) return text;
    p.add(field, 'must be YYYY or YYYY-MM');
    return undefined;
  };
  const from = month(input.from, 'period.from', false);
  const to = month(input.to, 'period.to', true);
  if (input.to === undefined) p.add('period.to', 'is required: the last month the figure covers');
  const thisMonth = today.slice(0, 7);
  if (from !== undefined && from > thisMonth) p.add('period.from', 'has not begun yet');
  if (from !== undefined && from < '1900-01') p.add('period.from', 'must be 1900 or later');
  if (from !== undefined && to !== undefined && to < from) {
    p.add('period.to', `must not be before from (${from})`);
  }
  // `to` may lie ahead: a figure "for 2021" can be published before the year ends.
  if (to === undefined) return undefined;
  return withoutUndefined({ from, to });
}
