import {
  Act,
  familyOf,
  IncidentState,
  IncidentType,
  labelOf,
  Lang,
  neutralTitle,
  Outcome,
  PartialDate,
  VocabularyName,
} from '@app/domain';

export const CASE_FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
export type CaseFormat = (typeof CASE_FORMATS)[number];

export const CASE_PROFILES = ['default', 'acled'] as const;
export type CaseProfile = (typeof CASE_PROFILES)[number];

/**
 * One act as the export knows it: the incident's state at the position exported, the act
 * (absent for an incident without targets) and what the target's row adds. `name` is set only
 * for the roles that see names; `redacted` leaves out every free text (docs/case-export.md).
 */
export interface CaseAct {
  incidentId: string;
  state: IncidentState & { facts: NonNullable<IncidentState['facts']> };
  act?: Act;
  targetLabel?: string;
  targetName?: string;
  redacted: boolean;
}

/** Columns of the default profile: the import's own names first, so the file imports back. */
export const DEFAULT_COLUMNS = [
  'incident_ref',
  'act_id',
  'date',
  'precision',
  'date_until',
  'country',
  'country_label',
  'region',
  'region_label',
  'place',
  'type',
  'type_label',
  'family',
  'family_label',
  'title',
  'description',
  'target_kind',
  'target_id',
  'target_label',
  'target_name',
  'target_category',
  'target_category_label',
  'source_main',
  'source_main_label',
  'sources_secondary',
  'sources_secondary_labels',
  'rights',
  'rights_labels',
  'legal_article',
  'outcomes',
  'outcomes_labels',
  'verification_status',
  'source_title',
  'source_url',
  'tags',
] as const;

/** ACLED's column names where one of our fields maps to one, then our ids (docs/case-export.md). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'country',
  'iso',
  'admin1',
  'location',
  'source',
  'notes',
  'tags',
  'incident_id',
  'act_id',
  'date_precision',
  'verification_status',
] as const;

export type CaseRow = Record<string, string>;

export function columnsOf(profile: CaseProfile): readonly string[] {
  return profile === 'acled' ? ACLED_COLUMNS : DEFAULT_COLUMNS;
}

export function caseRow(c: CaseAct, profile: CaseProfile, lang: Lang): CaseRow {
  return profile === 'acled' ? acledRow(c, lang) : defaultRow(c, lang);
}

/** Several values in one cell, as the import reads them back. */
const LIST = '; ';
/** Sources' titles and addresses: one per line, line n of one the address of line n of the other. */
const LINES = '\n';

function defaultRow(c: CaseAct, lang: Lang): CaseRow {
  const { facts } = c.state;
  const label = (vocabulary: VocabularyName, code: string | undefined) =>
    code === undefined ? '' : (labelOf(vocabulary, code, lang) ?? code);
  const labels = (vocabulary: VocabularyName, codes: readonly string[]) =>
    codes.map((code) => label(vocabulary, code)).join(LIST);
  const family = familyOf(facts.type as IncidentType);
  const main = sourcesOfThreat(c.state, 'main');
  const secondary = sourcesOfThreat(c.state, 'secondary');
  const outcomes = outcomesOf(c);
  const sources = c.redacted ? [] : c.state.sources;
  return {
    incident_ref: c.incidentId,
    act_id: c.act?.actId ?? '',
    date: facts.occurred.date,
    precision: facts.occurred.precision,
    date_until: facts.occurred.until ?? '',
    country: facts.country,
    country_label: label('country', facts.country),
    region: facts.region ?? '',
    region_label: label('region', facts.region),
    place: c.redacted ? '' : (facts.place ?? ''),
    type: facts.type,
    type_label: label('incident_type', facts.type),
    family,
    family_label: label('incident_family', family),
    title: titleOf(c),
    description: c.redacted ? '' : (facts.description ?? ''),
    target_kind: c.act?.kind ?? '',
    target_id: c.act?.targetId ?? '',
    target_label: c.targetLabel ?? '',
    target_name: c.redacted ? '' : (c.targetName ?? ''),
    target_category: c.act?.category ?? '',
    target_category_label: label('target_category', c.act?.category),
    // The import takes one main source per incident; further ones go with the secondary.
    source_main: main[0] ?? '',
    source_main_label: labels('perpetrator_source', main),
    sources_secondary: [...main.slice(1), ...secondary].join(LIST),
    sources_secondary_labels: labels('perpetrator_source', [...main.slice(1), ...secondary]),
    rights: facts.rights.join(LIST),
    rights_labels: labels('right', facts.rights),
    legal_article: facts.legalBasis.map((l) => `${l.instrument}|${l.article}`).join(LIST),
    outcomes: outcomes.map((o) => o.type).join(LIST),
    outcomes_labels: outcomes
      .map((o) => `${label('outcome', o.type)}${o.date === undefined ? '' : ` (${o.date})`}`)
      .join(LIST),
    verification_status: c.state.verified ? 'verified' : 'unverified',
    source_title: sources.map((s) => s.title.replace(/\s*\n\s*/g, ' ')).join(LINES),
    source_url: sources.map((s) => s.url ?? '').join(LINES),
    tags: c.redacted ? '' : facts.tags.join(LIST),
  };
}

function acledRow(c: CaseAct, lang: Lang): CaseRow {
  const { facts } = c.state;
  const label = (vocabulary: VocabularyName, code: string | undefined) =>
    code === undefined ? '' : (labelOf(vocabulary, code, lang) ?? code);
  const family = familyOf(facts.type as IncidentType);
  const event = acledDate(facts.occurred);
  return {
    event_id_cnty: `${facts.country}-${c.act?.actId ?? c.incidentId}`,
    event_date: event.date,
    year: facts.occurred.date.slice(0, 4),
    time_precision: String(event.precision),
    event_type: label('incident_family', family),
    sub_event_type: label('incident_type', facts.type),
    actor1: sourcesOfThreat(c.state, 'main')
      .map((s) => label('perpetrator_source', s))
      .join(LIST),
    assoc_actor_1: sourcesOfThreat(c.state, 'secondary')
      .map((s) => label('perpetrator_source', s))
      .join(LIST),
    actor2: label('target_category', c.act?.category),
    assoc_actor_2: c.redacted ? (c.targetLabel ?? '') : (c.targetName ?? c.targetLabel ?? ''),
    country: label('country', facts.country),
    iso: facts.country,
    admin1: label('region', facts.region),
    location: c.redacted ? '' : (facts.place ?? ''),
    source: c.redacted ? '' : c.state.sources.map((s) => s.title).join(LIST),
    notes: c.redacted ? titleOf(c) : (facts.description ?? facts.title),
    tags: c.redacted ? '' : facts.tags.join(LIST),
    incident_id: c.incidentId,
    act_id: c.act?.actId ?? '',
    date_precision: facts.occurred.precision,
    verification_status: c.state.verified ? 'verified' : 'unverified',
  };
}

/**
 * ACLED dates every event to a day and says how sure it is (`time_precision` 1: the day is
 * known; 3: a longer period is). A month-precise act is dated the 15th of its month, a
 * year-precise one 1 July of its year, both precision 3: the middle of what is known.
 */
export function acledDate(occurred: Pick<PartialDate, 'date' | 'precision'>): {
  date: string;
  precision: 1 | 3;
} {
  switch (occurred.precision) {
    case 'day':
      return { date: occurred.date, precision: 1 };
    case 'month':
      return { date: `${occurred.date}-15`, precision: 3 };
    case 'year':
      return { date: `${occurred.date}-07-01`, precision: 3 };
  }
}

function titleOf(c: CaseAct): string {
  const { facts } = c.state;
  return c.redacted
    ? neutralTitle({
        type: facts.type,
        country: facts.country,
        region: facts.region,
        occurred: facts.occurred,
      })
    : facts.title;
}

function sourcesOfThreat(state: IncidentState, role: 'main' | 'secondary'): string[] {
  return [...new Set(state.perpetrators.filter((p) => p.role === role).map((p) => p.source))];
}

/** The incident's outcomes, less those that concern another of its acts. */
function outcomesOf(c: CaseAct): Outcome[] {
  return c.state.outcomes.filter((o) => o.actId === undefined || o.actId === c.act?.actId);
}
