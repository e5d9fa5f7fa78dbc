import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Retreating Rights dataset (data/retreating-rights): every incident the Kazakhstan and
 * Kyrgyzstan reports describe, in our vocabularies, each citing the publication, section and
 * footnotes, plus the reports' own aggregates as reference figures. The JSON files are the records; this module
 * reads them and turns them into the API requests the loader sends.
 */

export const DATASET_DIR = join(__dirname, '..', '..', 'data', 'retreating-rights');
export const DATASET_FILES = ['kazakhstan.json', 'kyrgyzstan.json'] as const;

/** How precisely the publication dates the incident. */
export const STATED_PRECISIONS = [
  'day',
  'month',
  'year',
  'season',
  'range',
  'relative',
  'undated',
  'footnote',
] as const;
export type StatedPrecision = (typeof STATED_PRECISIONS)[number];

export const FLAGS = [
  'contradiction',
  'translation',
  'source_typo',
  'name_variant',
  'low_confidence',
] as const;
export type Flag = (typeof FLAGS)[number];

export interface Publication {
  title: string;
  url: string;
  publishedOn: string;
  language: string;
}

export interface TargetRecord {
  id: string;
  name: string;
  category: string;
  country: string;
  aliases?: string[];
}

/** Where the publication tells it: its title, the sub-heading, the footnotes. */
export interface Citation {
  publication: string;
  section: string;
  footnotes?: string;
}

export interface OutcomeRecord {
  type: string;
  date?: string;
  /** The person or organisation it concerns, when the incident has several targets. */
  target?: string;
  custodialMonths?: number;
  freedomRestrictionMonths?: number;
  freedomRestrictionScope?: string;
  probationMonths?: number;
  fine?: { amount: number; unit: string; mciYear?: number };
  note?: string;
}

export interface IncidentRecord {
  id: string;
  /** The record's number within its country: `KZ-09`, or a number for Kyrgyzstan. */
  row: string;
  title: string;
  dateAsStated: string;
  statedPrecision: StatedPrecision;
  occurred: { date: string; precision: string; until?: string; approximate?: boolean };
  country: string;
  region?: string;
  place?: string;
  type: string;
  otherTypes?: string[];
  rights: string[];
  targets: ({ person: string; category: string } | { organisation: string; category: string })[];
  /** Unnamed collectives ("hundreds of protesters"): described, never registered as persons. */
  groupTargets?: { description: string; category: string }[];
  perpetrators: { source: string; role: string; unit?: string }[];
  perpetratorAsStated?: string;
  legalBasis?: { instrument: string; article: string }[];
  chargesAsStated?: string;
  outcomes?: OutcomeRecord[];
  outcomeAsStated: string;
  citation: Citation;
  flags?: Flag[];
  notes?: string[];
}

/** A passage that describes no act against a target: kept, with the reason, not loaded. */
export interface ContextRecord {
  id: string;
  row: string;
  summary: string;
  dateAsStated: string;
  reason: string;
  citation: Citation;
  referenceFigures?: string[];
}

export interface CountryDataset {
  country: string;
  publication: Publication;
  persons: TargetRecord[];
  organisations: TargetRecord[];
  incidents: IncidentRecord[];
  context: ContextRecord[];
}

export interface ReferenceFigureRecord {
  id: string;
  source: {
    name: string;
    publication?: string;
    section?: string;
    url?: string;
    publishedOn?: string;
  };
  statement: string;
  value: number;
  qualifier: string;
  measure: string;
  period: { from?: string; to: string };
  dimensions: Record<string, string>;
  note?: string;
}

export interface Dataset {
  countries: CountryDataset[];
  referenceFigures: ReferenceFigureRecord[];
}

export function readDataset(dir = DATASET_DIR): Dataset {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
  return {
    countries: DATASET_FILES.map((f) => read<CountryDataset>(f)),
    referenceFigures: read<{ figures: ReferenceFigureRecord[] }>('reference-figures.json').figures,
  };
}

/** The ids the API gave the dataset's persons and organisations, by record id. */
export type TargetIds = ReadonlyMap<string, string>;

const WITHHELD = '[name withheld]';

/**
 * Victims' names go to the API only through the person path, where they are protected; every
 * free-text field (titles, descriptions, notes, units) is sent with them withheld, whatever
 * the records say.
 */
export function withholdNames(text: string, persons: readonly TargetRecord[]): string {
  let out = text;
  for (const name of namesOf(persons)) {
    out = out.replace(new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'giu'), WITHHELD);
  }
  return out;
}

/** Full names, aliases and surnames (the last word) of the persons, longest first. */
export function namesOf(persons: readonly TargetRecord[]): string[] {
  const names = new Set<string>();
  for (const p of persons) {
    for (const n of [p.name, ...(p.aliases ?? [])]) {
      names.add(n);
      const last = n.split(/\s+/).pop()!;
      if (last.length >= 4) names.add(last);
    }
  }
  return [...names].sort((a, b) => b.length - a.length);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The POST /incidents body of a record. */
export function incidentRequest(
  record: IncidentRecord,
  dataset: CountryDataset,
  ids: TargetIds,
  allPersons: readonly TargetRecord[],
) {
  const hide = (text: string) => withholdNames(text, allPersons);
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`${record.id}: unknown target ${key}`);
    return id;
  };
  return {
    title: hide(record.title),
    description: hide(describe(record)),
    country: record.country,
    ...(record.region !== undefined && { region: record.region }),
    ...(record.place !== undefined && { place: hide(record.place) }),
    occurred: record.occurred,
    type: record.type,
    rights: record.rights,
    ...(record.legalBasis && { legalBasis: record.legalBasis }),
    targets: record.targets.map((t) =>
      'person' in t
        ? { personId: idOf(t.person), category: t.category }
        : { organisationId: idOf(t.organisation), category: t.category },
    ),
    perpetrators: record.perpetrators.map((p) => ({
      source: p.source,
      role: p.role,
      ...(p.unit !== undefined && { unit: hide(p.unit) }),
    })),
    sources: [
      {
        title: `${record.citation.publication} › ${record.citation.section}`.slice(0, 300),
        url: dataset.publication.url,
        publishedOn: dataset.publication.publishedOn,
        language: dataset.publication.language,
      },
    ],
    tags: tagsOf(record),
  };
}

export function tagsOf(record: IncidentRecord): string[] {
  return [
    'retreating-rights',
    record.id,
    ...(record.otherTypes ?? []).map((t) => `also:${t}`),
    ...(record.groupTargets ?? []).map((g) => `group:${g.category}`),
    ...(record.flags ?? []).map((f) => `flag:${f}`),
  ].filter((t, i, all) => all.indexOf(t) === i);
}

/** The record's note: the date and outcome as stated, the groups, the flags, the citation. */
export function describe(record: IncidentRecord): string {
  const lines = [
    `Date as stated: ${record.dateAsStated}.`,
    ...(record.groupTargets ?? []).map((g) => `Target group (${g.category}): ${g.description}.`),
    ...(record.perpetratorAsStated
      ? [`Perpetrator as stated: ${record.perpetratorAsStated}.`]
      : []),
    ...(record.chargesAsStated ? [`Charges as stated: ${record.chargesAsStated}.`] : []),
    `Outcome as stated: ${record.outcomeAsStated}.`,
    ...(record.notes ?? []).map((n) => `Note: ${n}`),
    ...(record.flags ?? []).map((f) => `Flag: ${f}.`),
    `Citation: ${record.citation.publication} › ${record.citation.section}` +
      (record.citation.footnotes ? ` (footnotes ${record.citation.footnotes})` : '') +
      '.',
  ];
  return lines.join('\n');
}

/** The POST /incidents/:id/outcomes body of an outcome (without its actId). */
export function outcomeRequest(outcome: OutcomeRecord, allPersons: readonly TargetRecord[]) {
  const { target: _target, note, ...rest } = outcome;
  return { ...rest, ...(note !== undefined && { note: withholdNames(note, allPersons) }) };
}

/** The POST /reference-figures body of a figure. */
export function referenceFigureRequest(
  figure: ReferenceFigureRecord,
  allPersons: readonly TargetRecord[],
) {
  const { id: _id, ...rest } = figure;
  return { ...rest, statement: withholdNames(figure.statement, allPersons) };
}

/** Idempotency-Keys derived from record ids: a second load sends the same keys. */
export const keys = {
  person: (id: string) => `rr:person:${id}`,
  alias: (id: string, i: number) => `rr:person:${id}:alias:${i}`,
  organisation: (id: string) => `rr:organisation:${id}`,
  incident: (id: string) => `rr:incident:${id}`,
  outcome: (id: string, i: number) => `rr:incident:${id}:outcome:${i}`,
  figure: (id: string) => `rr:figure:${id}`,
};
