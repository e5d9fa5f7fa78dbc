import {
  allowedCodes,
  currentCodes,
  DomainError,
  IncidentDraft,
  incidentDecider,
  labelOf,
  Lang,
  LegalBasis,
  Location,
  LOCATION_PRECISIONS,
  LocationPrecision,
  parseLegalBasis,
  parseOccurred,
  resolveCode,
  termOf,
  VocabularyName,
} from '@app/domain';
import { foldName } from '@app/domain/names';
import { columnOf, Column, REQUIRED_COLUMNS, sheetLanguage } from './sheet/sheet-columns';
import { CODED_COLUMNS } from './import-template';
import { SheetTable } from './sheet/read-sheet';

/** One problem with one cell, as an import reports it. */
export interface ImportProblem {
  /** The row as the spreadsheet numbers it (the header is row 1); null for the whole file. */
  row: number | null;
  /** The canonical column name; null when the problem is not one cell's. */
  column: Column | null;
  /** The header as the sheet writes it (it may be in Russian, Kazakh or Kyrgyz). */
  header?: string;
  /** The cell's text; null for names (personal data stays out of job results). */
  value: string | null;
  message: string;
  allowed?: readonly string[];
  /** The allowed values as labels in the language of the sheet's headers. */
  allowedLabels?: readonly string[];
}

/**
 * An act's target: a name to register (or to find among the workspace's persons, when the
 * import matches them), or an existing record named by id (`target_id`), whose registered
 * category the act takes when the row gives none.
 */
export interface PlannedTarget {
  row: number;
  kind: 'person' | 'organisation';
  name?: string;
  id?: string;
  category?: string;
}

/** An incident ready for the ReportIncident command, with the rows it came from. */
export interface PlannedIncident {
  /** What makes rows one incident: `incident_ref`, or date + place + type + title. */
  key: string;
  rows: number[];
  draft: ImportDraft;
  targets: PlannedTarget[];
}

/** The ReportIncident request's facts; its ids come when it is recorded. */
export type ImportDraft = Omit<IncidentDraft, 'acts' | 'perpetrators' | 'sources'> & {
  perpetrators?: { source: string; role: 'main' | 'secondary' }[];
  sources?: { title: string; url?: string }[];
};

export interface ImportPlan {
  rows: number;
  incidents: PlannedIncident[];
  problems: ImportProblem[];
  /** Rows left out because they, or another row of their incident, have a problem. */
  rowsNotImportable: number;
}

const MAX_TEXT = 300;
const MAX_DESCRIPTION = 20_000;
const MAX_VALUE_ECHO = 200;
const LANGUAGES = 'a code, or its label in English, Russian, Kazakh, Kyrgyz or Tajik';
/** `<any instrument> art. 8`: the form sheets used before the codes' notations were read. */
const LEGAL_ARTICLE =
  /^(.+?)[\s,]*(?:art\.?|article|ст\.?|статья|бап|беренеси|берене)\s*([\p{L}\p{N}.\-/]+)$/iu;

interface RowFacts {
  row: number;
  key: string;
  incidentRef?: string;
  scalars: Partial<Record<ScalarField, string>>;
  occurred?: { date: string; precision: string };
  lists: {
    secondary: string[];
    rights: string[];
    legalBasis: LegalBasis[];
    tags: string[];
  };
  sources?: { title: string; url?: string }[];
  target?: Omit<PlannedTarget, 'row'>;
}

type ScalarField =
  | 'country'
  | 'region'
  | 'place'
  | 'location'
  | 'type'
  | 'title'
  | 'description'
  | 'source_main'
  | 'occurred';

/**
 * Reads a sheet into incidents, checking every row: codes or labels in any of our five
 * languages, dates, the domain's own rules (the same decider the API runs). Pure: a dry run
 * and a real run plan identically.
 */
export function planImport(table: SheetTable, today: string): ImportPlan {
  const problems: ImportProblem[] = [];
  const columns = mapHeaders(table.headers, problems);
  if (columns === undefined) {
    return { rows: table.rows.length, incidents: [], problems, rowsNotImportable: 0 };
  }
  const headerOf = (c: Column) => table.headers[columns.get(c)!];
  // Messages that show an example (a legal basis) show it in the sheet's language.
  const lang = sheetLanguage(table.headers);

  const facts: RowFacts[] = [];
  const brokenRows = new Set<number>();
  let rows = 0;
  for (const { row, cells } of table.rows) {
    const cell = (c: Column) => {
      const i = columns.get(c);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    if (cells.every((c) => c.trim() === '')) continue;
    rows++;
    const before = problems.length;
    const add = (column: Column, message: string, allowed?: readonly string[]) => {
      problems.push({
        row,
        column,
        header: headerOf(column),
        value: column === 'target_name' ? null : echo(cell(column)),
        message,
        ...(allowed && { allowed, allowedLabels: labelsOf(column, allowed, lang) }),
      });
    };
    const fact = readRow(row, cell, today, add, lang);
    if (problems.length > before) brokenRows.add(row);
    facts.push(fact);
  }

  const groups = new Map<string, RowFacts[]>();
  for (const f of facts) {
    const group = groups.get(f.key);
    if (group) group.push(f);
    else groups.set(f.key, [f]);
  }

  const incidents: PlannedIncident[] = [];
  let rowsNotImportable = 0;
  for (const [key, group] of groups) {
    const incidentProblems = mergeProblems(group, headerOf, problems);
    const broken = incidentProblems || group.some((f) => brokenRows.has(f.row));
    const planned = broken ? undefined : toIncident(key, group, today, headerOf, problems);
    if (planned === undefined) rowsNotImportable += group.length;
    else incidents.push(planned);
  }
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { rows, incidents, problems, rowsNotImportable };
}

const VOCABULARY_OF = new Map(CODED_COLUMNS.map((c) => [c.column, c.vocabulary]));

/** Codes as a monitor reads them: labels in the sheet's language (codes of other columns as is). */
function labelsOf(column: Column, codes: readonly string[], lang: Lang): string[] {
  const vocabulary = VOCABULARY_OF.get(column);
  return codes.map((code) => (vocabulary && labelOf(vocabulary, code, lang)) || code);
}

function mapHeaders(headers: readonly string[], problems: ImportProblem[]) {
  const columns = new Map<Column, number>();
  headers.forEach((header, i) => {
    const column = columnOf(header);
    if (column === undefined) return; // Extra columns (notes, internal numbers) are ignored.
    if (columns.has(column)) {
      problems.push({
        row: 1,
        column,
        header,
        value: header,
        message: `names the column ${column} a second time (also "${headers[columns.get(column)!]}")`,
      });
      return;
    }
    columns.set(column, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  for (const column of missing) {
    problems.push({
      row: 1,
      column,
      value: null,
      message: `the sheet has no ${column} column; download GET /imports/template.csv for the expected headers`,
    });
  }
  return missing.length > 0 || problems.length > 0 ? undefined : columns;
}

type AddProblem = (column: Column, message: string, allowed?: readonly string[]) => void;

/** One row's cells and where its problems go, with the two ways a cell is read. */
interface RowCells {
  cell: (c: Column) => string;
  add: AddProblem;
  /** A code, or its label in any of our languages; `undefined` when empty or unknown. */
  code(
    vocabulary: VocabularyName,
    column: Column,
    what: string,
    required: boolean,
  ): string | undefined;
  /** Free text up to `max` characters; `undefined` when empty or too long. */
  text(column: Column, max: number, required: boolean): string | undefined;
}

function rowCells(cell: (c: Column) => string, add: AddProblem): RowCells {
  return {
    cell,
    add,
    code(vocabulary, column, what, required) {
      const text = cell(column);
      if (text === '') {
        if (required) add(column, `is required: the ${what}, as ${LANGUAGES}`);
        return undefined;
      }
      return resolve(vocabulary, text, what, (message, allowed) => add(column, message, allowed));
    },
    text(column, max, required) {
      const value = cell(column);
      if (value === '') {
        if (required) add(column, 'is required');
        return undefined;
      }
      if (value.length > max) {
        add(column, `is ${value.length} characters long; at most ${max}`);
        return undefined;
      }
      return value;
    },
  };
}

/**
 * One row, column group by column group in the sheet's order (so problems come in that
 * order too): when, what and where, who did it, where we learned it, whom.
 */
function readRow(
  row: number,
  cell: (c: Column) => string,
  today: string,
  add: AddProblem,
  lang: Lang,
): RowFacts {
  const cells = rowCells(cell, add);
  const scalars: RowFacts['scalars'] = {};
  const occurred = readOccurred(cell('date'), cell('precision'), today, add);
  if (occurred) scalars.occurred = `${occurred.date}|${occurred.precision}`;
  const type = readWhatAndWhere(cells, scalars);
  const lists = readWhoDidIt(cells, scalars, lang);
  const sources = readSource(cells);
  const target = readTarget(cells);
  const incidentRef = cell('incident_ref');
  return {
    row,
    key: incidentKey(cells, incidentRef, occurred, type),
    ...(incidentRef !== '' && { incidentRef }),
    scalars,
    ...(occurred && { occurred }),
    lists,
    ...(sources && { sources }),
    ...(target && { target }),
  };
}

/** Country, region, type, title, place, description; answers the type (part of the key). */
function readWhatAndWhere(cells: RowCells, scalars: RowFacts['scalars']): string | undefined {
  const { code, text, add } = cells;
  const country = code('country', 'country', 'country', true);
  if (country) scalars.country = country;
  const region = code('region', 'region', 'region', false);
  if (region && country && !region.startsWith(`${country}-`)) {
    add('region', `is not a region of ${country}`);
  } else if (region) scalars.region = region;
  const type = code('incident_type', 'type', 'incident type', true);
  if (type) scalars.type = type;
  const title = text('title', MAX_TEXT, true);
  if (title) scalars.title = title;
  const place = text('place', MAX_TEXT, false);
  if (place) scalars.place = place;
  const location = readLocation(cells);
  if (location)
    scalars.location = `${location.latitude}|${location.longitude}|${location.precision}`;
  const description = text('description', MAX_DESCRIPTION, false);
  if (description) scalars.description = description;
  return type;
}

/**
 * The place's coordinates as a map copies them (`37.48974, 71.55304`, latitude first; decimal
 * commas with `;` between), with the precision they have, which is then required.
 */
function readLocation({ cell, add }: RowCells): Location | undefined {
  const text = cell('coordinates');
  const precisionText = cell('location_precision').toLowerCase();
  if (text === '' && precisionText === '') return undefined;
  const m = /^(-?\d{1,3}(?:[.,]\d+)?)\s*(?:[;\s]|,\s)\s*(-?\d{1,3}(?:[.,]\d+)?)$/.exec(text);
  const [latitude, longitude] = m ? [m[1], m[2]].map((n) => Number(n.replace(',', '.'))) : [];
  if (m === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    add('coordinates', 'write latitude, longitude in degrees, e.g. 37.48974, 71.55304');
    return undefined;
  }
  if (!(LOCATION_PRECISIONS as readonly string[]).includes(precisionText)) {
    add(
      'location_precision',
      'is required with coordinates: what they locate (exact, settlement, district, region or country)',
      LOCATION_PRECISIONS,
    );
    return undefined;
  }
  return { latitude, longitude, precision: precisionText as LocationPrecision };
}

/** The sources of threat, the rights and the legal basis they broke, and the tags. */
function readWhoDidIt(
  cells: RowCells,
  scalars: RowFacts['scalars'],
  lang: Lang,
): RowFacts['lists'] {
  const main = cells.code('perpetrator_source', 'source_main', 'source of threat', false);
  if (main) scalars.source_main = main;
  return {
    secondary: codeList(cells, 'perpetrator_source', 'sources_secondary', 'source of threat'),
    rights: codeList(cells, 'right', 'rights', 'right'),
    legalBasis: readLegalBasis(cells, lang),
    tags: list(cells.cell('tags')).flatMap((t) => {
      if (t.length > 100) {
        cells.add('tags', `a tag is ${t.length} characters long; at most 100`);
        return [];
      }
      return [t];
    }),
  };
}

/** A cell listing several codes or labels; the unknown ones are problems, not codes. */
function codeList(
  { cell, add }: RowCells,
  vocabulary: VocabularyName,
  column: Column,
  what: string,
): string[] {
  return list(cell(column)).flatMap((t) => {
    const c = resolve(vocabulary, t, what, (message, allowed) => add(column, message, allowed));
    return c ? [c] : [];
  });
}

/** The legal basis as monitors write it (`ч. 1 ст. 307 УК РТ`), several separated by `;`. */
function readLegalBasis({ cell, add }: RowCells, lang: Lang): LegalBasis[] {
  return cell('legal_article')
    .split(/[;\n]/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .flatMap((t) => {
      const parsed = parseLegalArticle(t, lang);
      if (!parsed.ok) {
        add('legal_article', parsed.message);
        return [];
      }
      const { instrument, article, part } = parsed.value;
      if (instrument.length > 200 || article.length > 50 || (part?.length ?? 0) > 20) {
        add('legal_article', 'the instrument may have 200 characters, the article 50, the part 20');
        return [];
      }
      return [parsed.value];
    });
}

/**
 * Where we learned it: a title, a web address, or both (the address's host stands for a
 * title). Several sources in one row go one per line, line n of the titles with line n of
 * the addresses, as the case-level export writes them.
 */
function readSource({ cell, add, text }: RowCells): RowFacts['sources'] {
  const titles = text('source_title', MAX_TEXT * 20, false)?.split('\n') ?? [];
  const urls = cell('source_url') === '' ? [] : cell('source_url').split('\n');
  const sources: NonNullable<RowFacts['sources']> = [];
  for (let i = 0; i < Math.max(titles.length, urls.length); i++) {
    const title = titles[i]?.trim() ?? '';
    const url = urls[i]?.trim() ?? '';
    if (title.length > MAX_TEXT) {
      add('source_title', `is ${title.length} characters long; at most ${MAX_TEXT}`);
      return undefined;
    }
    if (url !== '' && !isHttpUrl(url)) {
      add('source_url', 'must be a web address starting with http:// or https://');
      return undefined;
    }
    if (url === '' && title === '') continue;
    sources.push({
      title: title === '' ? new URL(url).hostname : title,
      ...(url !== '' && { url }),
    });
  }
  return sources.length === 0 ? undefined : sources;
}

/** Whom: the act's target, when the row names one (its kind guessed from the category). */
function readTarget({ cell, add, code }: RowCells): RowFacts['target'] {
  const name = cell('target_name');
  const id = cell('target_id');
  const categoryText = cell('target_category');
  const kindText = cell('target_kind');
  if (name === '' && id === '' && categoryText === '' && kindText === '') return undefined;
  // A record named by id has a category already: the act takes it unless the row says otherwise.
  const category = code('target_category', 'target_category', 'target category', id === '');
  const fits = category ? termOf('target_category', category)?.targetKind : undefined;
  const kind =
    kindText === ''
      ? (fits ?? 'person')
      : (resolve('target_kind', kindText, 'kind of target (person or organisation)', (m, a) =>
          add('target_kind', m, a),
        ) as 'person' | 'organisation' | undefined);
  if (id !== '' && !UUID.test(id)) {
    add(
      'target_id',
      'must be the id of a person or organisation of this workspace, as GET /persons/{id} shows it',
    );
  } else if (name === '' && id === '') {
    add(
      'target_name',
      'is required: the name of the person or organisation (or its id in target_id)',
    );
  } else if (name.length > MAX_TEXT) {
    add('target_name', `is ${name.length} characters long; at most ${MAX_TEXT}`);
  }
  if (category && kind && fits !== undefined && fits !== kind) {
    const allowed = allowedCodes('target_category').filter((c) => {
      const k = termOf('target_category', c)?.targetKind;
      return k === undefined || k === kind;
    });
    add('target_category', `is a category of ${fits}s, not of ${kind}s`, allowed);
  }
  if (!kind || (id === '' && !category)) return undefined;
  if (id !== '') {
    // The name stays beside the id: a row of another workspace's export names its target by both.
    return UUID.test(id)
      ? { kind, id: id.toLowerCase(), ...(name !== '' && { name }), ...(category && { category }) }
      : undefined;
  }
  return name !== '' ? { kind, name, ...(category && { category }) } : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rows with the same `incident_ref`, or else the same date, place, type and title, are one incident. */
function incidentKey(
  { cell }: RowCells,
  incidentRef: string,
  occurred: { date: string } | undefined,
  type: string | undefined,
): string {
  if (incidentRef !== '') return `ref|${incidentRef.toLowerCase()}`;
  return [
    'row',
    occurred ? `${occurred.date}` : cell('date'),
    cell('place').toLowerCase(),
    type ?? cell('type').toLowerCase(),
    cell('title').toLowerCase(),
  ].join('|');
}

/** Dates as sheets write them: ISO, or day-first with dots (25.02.2020, 02.2020). */
function readOccurred(
  dateText: string,
  precisionText: string,
  today: string,
  add: AddProblem,
): { date: string; precision: string } | undefined {
  if (dateText === '') {
    add('date', 'is required: YYYY, YYYY-MM or YYYY-MM-DD (or DD.MM.YYYY)');
    return undefined;
  }
  let date = dateText;
  const dotted = /^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$/.exec(dateText);
  if (dotted) {
    const [, day, month, year] = dotted;
    date = day
      ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
      : `${year}-${month.padStart(2, '0')}`;
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(dateText)) {
    date = dateText.slice(0, 10);
  } else {
    // 2020-2-5 as a person types it.
    const loose = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(dateText);
    if (loose) {
      const [, year, month, day] = loose;
      date = `${year}-${month.padStart(2, '0')}${day ? `-${day.padStart(2, '0')}` : ''}`;
    }
  }
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) {
    add('date', 'is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY');
    return undefined;
  }
  let precision: string | undefined;
  if (precisionText !== '') {
    precision = resolve('date_precision', precisionText, 'precision (day, month or year)', (m, a) =>
      add('precision', m, a),
    );
    if (precision === undefined) return undefined;
  } else {
    precision = /^\d{4}$/.test(date) ? 'year' : /^\d{4}-\d{1,2}$/.test(date) ? 'month' : 'day';
  }
  const parsed = parseOccurred({ date, precision }, today);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    add(first.field.endsWith('precision') ? 'precision' : 'date', first.message);
    return undefined;
  }
  return { date: parsed.value.date, precision: parsed.value.precision };
}

/** A code from a code, a label or an alias in any of our languages. */
function resolve(
  vocabulary: VocabularyName,
  text: string,
  what: string,
  fail: (message: string, allowed?: readonly string[]) => void,
): string | undefined {
  const code = resolveCode(vocabulary, text);
  if (code === undefined) {
    fail(`unknown ${what} "${echo(text)}": give ${LANGUAGES}`, allowedCodes(vocabulary));
    return undefined;
  }
  const current = currentCodes(vocabulary, code);
  if (current.length !== 1) {
    fail(
      `"${echo(text)}" is a retired ${what}${current.length > 1 ? `; choose one of ${current.join(', ')}` : ''}`,
      current.length > 1 ? current : allowedCodes(vocabulary),
    );
    return undefined;
  }
  return current[0];
}

/**
 * Rows of one incident must agree on its facts; lists (rights, sources, tags) add up. A
 * row that leaves a fact empty takes it from the others. Returns whether it found problems.
 */
function mergeProblems(
  group: readonly RowFacts[],
  headerOf: (c: Column) => string,
  problems: ImportProblem[],
): boolean {
  let found = false;
  const first = new Map<ScalarField, { row: number; value: string }>();
  const seenTargets = new Map<string, number>();
  for (const f of group) {
    for (const [field, value] of Object.entries(f.scalars) as [ScalarField, string][]) {
      const earlier = first.get(field);
      if (earlier === undefined) first.set(field, { row: f.row, value });
      else if (earlier.value !== value) {
        const column: Column =
          field === 'occurred' ? 'date' : field === 'location' ? 'coordinates' : field;
        problems.push({
          row: f.row,
          column,
          header: headerOf(column),
          value: echo(value.split('|')[0]),
          message: `differs from row ${earlier.row} of the same incident`,
        });
        found = true;
      }
    }
    if (f.target) {
      const who = targetIdentity(f.target);
      const earlier = seenTargets.get(who);
      if (earlier !== undefined) {
        problems.push({
          row: f.row,
          column: 'target_name',
          header: headerOf('target_name'),
          value: null,
          message: `lists the same target as row ${earlier} of the same incident`,
        });
        found = true;
      } else seenTargets.set(who, f.row);
    }
  }
  return found;
}

function toIncident(
  key: string,
  group: readonly RowFacts[],
  today: string,
  headerOf: (c: Column) => string,
  problems: ImportProblem[],
): PlannedIncident | undefined {
  const scalar = (field: ScalarField) => group.find((f) => f.scalars[field])?.scalars[field];
  const occurred = group.find((f) => f.occurred)!.occurred!;
  const main = scalar('source_main');
  const secondary = unique(group.flatMap((f) => f.lists.secondary)).filter((s) => s !== main);
  const sources = uniqueBy(
    group.flatMap((f) => f.sources ?? []),
    (s) => `${s.title}|${s.url ?? ''}`,
  );
  const legalBasis = uniqueBy(
    group.flatMap((f) => f.lists.legalBasis),
    (l) => `${l.instrument}|${l.article}|${l.part ?? ''}`,
  );
  const draft: PlannedIncident['draft'] = {
    title: scalar('title')!,
    country: scalar('country')!,
    occurred,
    type: scalar('type')!,
    ...optional('description', scalar('description')),
    ...optional('region', scalar('region')),
    ...optional('place', scalar('place')),
    ...optional('location', locationOf(scalar('location'))),
    ...nonEmpty('rights', unique(group.flatMap((f) => f.lists.rights))),
    ...nonEmpty('legalBasis', legalBasis),
    ...nonEmpty('perpetrators', [
      ...(main ? [{ source: main, role: 'main' as const }] : []),
      ...secondary.map((source) => ({ source, role: 'secondary' as const })),
    ]),
    ...nonEmpty('sources', sources),
    ...nonEmpty('tags', unique(group.flatMap((f) => f.lists.tags))),
  };
  const targets = group.flatMap((f) => (f.target ? [{ row: f.row, ...f.target }] : []));

  // The domain's own check, as the API runs it: whatever the row checks missed is caught here.
  try {
    incidentDecider.decide(
      {
        type: 'ReportIncident',
        incidentId: 'planned',
        today,
        draft: {
          ...draft,
          perpetrators: draft.perpetrators?.map((p, i) => ({ ...p, perpetratorId: `p${i}` })),
          sources: draft.sources?.map((s, i) => ({ ...s, sourceId: `s${i}` })),
          // An act without a category takes its record's, checked when it is recorded.
          acts: targets.flatMap((t, i) =>
            t.category === undefined
              ? []
              : [{ actId: `a${i}`, kind: t.kind, targetId: `t${i}`, category: t.category }],
          ),
        },
      },
      incidentDecider.initialState,
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const row = group[0].row;
    for (const e of error.errors.length > 0
      ? error.errors
      : [{ field: '', message: error.message }]) {
      const column = columnOfField(e.field);
      problems.push({
        row,
        column,
        ...(column && { header: headerOf(column) }),
        value: null,
        message: `${e.field === '' ? '' : `${e.field}: `}${e.message}`,
      });
    }
    return undefined;
  }
  return { key, rows: group.map((f) => f.row), draft, targets };
}

/** A location as rows compare it (`lat|lon|precision`), back to one. */
function locationOf(scalar: string | undefined): Location | undefined {
  if (scalar === undefined) return undefined;
  const [latitude, longitude, precision] = scalar.split('|');
  return {
    latitude: Number(latitude),
    longitude: Number(longitude),
    precision: precision as LocationPrecision,
  };
}

function columnOfField(field: string): Column | null {
  const head = field.split('.')[0];
  const map: Record<string, Column> = {
    occurred: 'date',
    title: 'title',
    description: 'description',
    country: 'country',
    region: 'region',
    place: 'place',
    location: 'coordinates',
    type: 'type',
    rights: 'rights',
    legalBasis: 'legal_article',
    tags: 'tags',
    targets: 'target_category',
    perpetrators: 'source_main',
    sources: 'source_title',
  };
  return map[head] ?? null;
}

/**
 * A legal basis in any notation `parseLegalBasis` reads; failing that, `<instrument> art. N`
 * for instruments that are not codes (`KZ Law on Peaceful Assemblies art. 8`), as before.
 */
export function parseLegalArticle(
  text: string,
  lang: Lang = 'en',
): ReturnType<typeof parseLegalBasis> {
  const parsed = parseLegalBasis(text, lang);
  if (parsed.ok) return parsed;
  const worded = LEGAL_ARTICLE.exec(text);
  if (worded)
    return { ok: true, value: { instrument: worded[1].trim(), article: worded[2].trim() } };
  return parsed;
}

/** One target of a sheet: the record its id names, or else its name as written. */
export function targetIdentity(t: Pick<PlannedTarget, 'kind' | 'name' | 'id'>): string {
  return t.id !== undefined ? `${t.kind} id ${t.id}` : `${t.kind} ${normaliseName(t.name!)}`;
}

/** The same name however it is spaced or capitalised: one person within our records. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface DuplicateCandidates {
  rows: number[];
  message: string;
}

/**
 * Names that differ as written but meet after transliteration folding ("Дулат Агадил" and
 * "Dulat Agadil"): possibly one person. Reported, never merged: namesakes exist.
 */
export function possibleDuplicatePersons(
  incidents: readonly PlannedIncident[],
): (DuplicateCandidates & { names: string[] })[] {
  const byFold = new Map<string, Map<string, number[]>>();
  for (const incident of incidents) {
    for (const t of incident.targets) {
      if (t.kind !== 'person' || t.name === undefined || t.id !== undefined) continue;
      const fold = foldName(t.name);
      const spellings = byFold.get(fold) ?? new Map<string, number[]>();
      byFold.set(fold, spellings);
      const name = normaliseName(t.name);
      spellings.set(name, [...(spellings.get(name) ?? []), t.row]);
    }
  }
  return [...byFold.values()]
    .filter((spellings) => spellings.size > 1)
    .map((spellings) => ({
      names: [...spellings.keys()],
      rows: [...spellings.values()].map((rows) => rows[0]).sort((a, b) => a - b),
      message: `${spellings.size} differently written names may be one person (they match after transliteration); they were recorded as separate persons: compare these rows`,
    }));
}

function list(text: string): string[] {
  return unique(
    text
      .split(/[;,\n]/)
      .map((t) => t.trim())
      .filter((t) => t !== ''),
  );
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function uniqueBy<T>(values: readonly T[], key: (v: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(key(v)) && seen.add(key(v)));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function nonEmpty<K extends string, V>(key: K, values: V[]): { [P in K]?: V[] } {
  return (values.length === 0 ? {} : { [key]: values }) as { [P in K]?: V[] };
}

function isHttpUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function echo(value: string): string {
  return value.length > MAX_VALUE_ECHO ? `${value.slice(0, MAX_VALUE_ECHO)}…` : value;
}
