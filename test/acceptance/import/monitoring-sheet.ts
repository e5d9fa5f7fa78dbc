import ExcelJS from 'exceljs';
import { labelOf, Lang, VocabularyName } from '@app/domain';
import { Column, headersIn, TEMPLATE_COLUMNS } from '@app/imports/sheet/sheet-columns';

/**
 * A generated monthly-monitoring sheet of `size` rows (acts): incidents of one to three acts
 * sharing an incident_ref, persons who recur across incidents, codes and labels in all five
 * languages, dates in ISO and day-first forms, and BROKEN rows (one incident each) broken in
 * 37 different ways, each with the one column that is wrong.
 */
/** A sheet row; the columns added later (a recorded target's id, coordinates) may be left out. */
export type Row = Omit<Record<Column, string>, OptionalColumn> &
  Partial<Record<OptionalColumn, string>>;
type OptionalColumn = 'target_id' | 'coordinates' | 'location_precision';

export interface Breakage {
  column: Column;
  breaks(row: Row): void;
}

const long = (n: number) => 'x'.repeat(n);

export const BREAKAGES: readonly Breakage[] = [
  { column: 'date', breaks: (r) => (r.date = 'yesterday') },
  { column: 'date', breaks: (r) => (r.date = '2020-02-30') },
  { column: 'date', breaks: (r) => (r.date = '2099-01-01') },
  { column: 'date', breaks: (r) => ((r.date = '2020-02'), (r.precision = 'day')) },
  { column: 'precision', breaks: (r) => (r.precision = 'week') },
  { column: 'date', breaks: (r) => (r.date = '') },
  { column: 'country', breaks: (r) => ((r.country = ''), (r.region = '')) },
  { column: 'country', breaks: (r) => ((r.country = 'Narnia'), (r.region = '')) },
  { column: 'region', breaks: (r) => ((r.country = 'KZ'), (r.region = 'KG-GB')) },
  { column: 'region', breaks: (r) => (r.region = 'XX-99') },
  { column: 'type', breaks: (r) => (r.type = '') },
  { column: 'type', breaks: (r) => (r.type = 'parking ticket') },
  { column: 'title', breaks: (r) => (r.title = '') },
  { column: 'title', breaks: (r) => (r.title = long(301)) },
  { column: 'target_kind', breaks: (r) => (r.target_kind = 'animal') },
  { column: 'target_name', breaks: (r) => (r.target_name = '') },
  { column: 'target_category', breaks: (r) => (r.target_category = '') },
  { column: 'target_category', breaks: (r) => (r.target_category = 'astronaut') },
  // French is not one of our languages.
  { column: 'target_category', breaks: (r) => (r.target_category = 'journaliste') },
  {
    column: 'target_category',
    breaks: (r) => ((r.target_kind = 'person'), (r.target_category = 'ngo')),
  },
  { column: 'source_main', breaks: (r) => (r.source_main = 'aliens') },
  { column: 'sources_secondary', breaks: (r) => (r.sources_secondary = 'police; martians') },
  { column: 'rights', breaks: (r) => (r.rights = 'right to party') },
  { column: 'legal_article', breaks: (r) => (r.legal_article = '405') },
  { column: 'source_url', breaks: (r) => (r.source_url = 'ftp://example.org/report') },
  { column: 'tags', breaks: (r) => (r.tags = long(101)) },
  { column: 'description', breaks: (r) => (r.description = long(20_001)) },
  { column: 'place', breaks: (r) => (r.place = long(301)) },
  { column: 'date', breaks: (r) => ((r.date = '2020-13'), (r.precision = '')) },
  { column: 'date', breaks: (r) => ((r.date = '20'), (r.precision = '')) },
  // German is not one of our languages either.
  { column: 'country', breaks: (r) => ((r.country = 'Kasachstan'), (r.region = '')) },
  { column: 'type', breaks: (r) => (r.type = 'Festnahme') },
  { column: 'target_name', breaks: (r) => (r.target_name = long(301)) },
  { column: 'rights', breaks: (r) => (r.rights = 'Meinungsfreiheit') },
  {
    column: 'target_category',
    breaks: (r) => ((r.target_kind = 'organisation'), (r.target_category = 'journalist')),
  },
  { column: 'date', breaks: (r) => ((r.date = '1850-05-01'), (r.precision = 'day')) },
  { column: 'date', breaks: (r) => ((r.date = '2020-02-25'), (r.precision = 'month')) },
];

const LANGS: readonly Lang[] = ['en', 'ru', 'kk', 'ky', 'tg'];
const PERSON_CATEGORIES = [
  'human_rights_defender',
  'civil_activist',
  'lawyer',
  'journalist',
  'trade_union_activist',
  'religious_activist',
  'political_activist',
  'public_figure',
];
const ORGANISATION_CATEGORIES = ['ngo', 'media_outlet'];
const TYPES = [
  'detention',
  'administrative_arrest',
  'administrative_fine',
  'summons',
  'search_or_raid',
];
const SOURCES = [
  'police',
  'court',
  'akimat',
  'unknown_persons',
  'national_security_committee',
  'tax_authorities',
];
const RIGHTS = ['freedom_of_peaceful_assembly', 'freedom_of_association', 'freedom_of_expression'];
const COUNTRIES = [
  { country: 'KZ', regions: ['KZ-71', 'KZ-75', 'KZ-79'] },
  { country: 'KG', regions: ['KG-GB', 'KG-O'] },
];

export interface Sheet {
  rows: Row[];
  /** Sheet row numbers (header = 1) of the broken rows, in BREAKAGES order. */
  broken: number[];
  expected: {
    acts: number;
    incidents: number;
    persons: number;
    organisations: number;
    actsByMonth: Map<string | null, number>;
    actsByCategory: Map<string, number>;
    actsBySource: Map<string | null, number>;
  };
}

/** Deterministic: the same size gives the same sheet. */
export function monitoringSheet(size: number): Sheet {
  let seed = 20_201_414;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const label = (vocabulary: VocabularyName, code: string) => {
    const lang = pick([...LANGS, 'code', 'code'] as const);
    return lang === 'code' ? code : (labelOf(vocabulary, code, lang) ?? code);
  };

  // Spread over the sheet: the next breakage goes to the first incident at or after its place.
  const brokenAt = BREAKAGES.map((_, i) => Math.floor(((i + 0.5) * size) / BREAKAGES.length));
  const rows: Row[] = [];
  const broken: number[] = [];
  const expected: Sheet['expected'] = {
    acts: 0,
    incidents: 0,
    persons: 0,
    organisations: 0,
    actsByMonth: new Map(),
    actsByCategory: new Map(),
    actsBySource: new Map(),
  };
  const persons = new Set<string>();
  const organisations = new Set<string>();
  const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  let incident = 0;
  while (rows.length < size) {
    incident++;
    const index = rows.length;
    const breakage =
      broken.length < BREAKAGES.length && index >= brokenAt[broken.length]
        ? BREAKAGES[broken.length]
        : undefined;
    const acts = breakage ? 1 : Math.min(size - index, 1 + Math.floor(random() * 3));
    const where = pick(COUNTRIES);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const year = 2020 + Math.floor(random() * 2);
    const precision = pick(['day', 'day', 'day', 'month', 'year']);
    const iso =
      precision === 'year'
        ? `${year}`
        : precision === 'month'
          ? `${year}-${pad(month)}`
          : `${year}-${pad(month)}-${pad(day)}`;
    const date = precision === 'day' && random() < 0.3 ? `${pad(day)}.${pad(month)}.${year}` : iso;
    const type = pick(TYPES);
    const source = random() < 0.9 ? pick(SOURCES) : '';
    const secondary = random() < 0.3 ? pick(SOURCES.filter((s) => s !== source)) : '';
    const base = {
      incident_ref: `KK-${incident}`,
      date,
      precision: random() < 0.5 ? label('date_precision', precision) : '',
      country: label('country', where.country),
      region: random() < 0.7 ? pick(where.regions) : '',
      place: `Place ${incident % 97}`,
      type: label('incident_type', type),
      title: `Case ${incident}`,
      description: random() < 0.5 ? `Monitoring note ${incident}` : '',
      source_main: source === '' ? '' : label('perpetrator_source', source),
      sources_secondary: secondary === '' ? '' : label('perpetrator_source', secondary),
      rights: random() < 0.8 ? label('right', pick(RIGHTS)) : '',
      legal_article: random() < 0.3 ? `KZ Criminal Code art. ${pick(['174', '405', '274'])}` : '',
      source_title: `Monthly report ${month}/${year}`,
      source_url: random() < 0.5 ? `https://example.org/reports/${year}-${pad(month)}` : '',
      tags: random() < 0.2 ? 'monthly; kk' : '',
    };
    const names = new Set<string>();
    for (let a = 0; a < acts; a++) {
      const organisation = random() < 0.05;
      let name: string;
      do {
        name = organisation
          ? `Organisation ${Math.floor(random() * 300)}`
          : `Person ${Math.floor(random() * 5000)} Testov`;
      } while (names.has(name));
      names.add(name);
      const category = organisation ? pick(ORGANISATION_CATEGORIES) : pick(PERSON_CATEGORIES);
      const row: Row = {
        ...base,
        target_kind: organisation
          ? label('target_kind', 'organisation')
          : random() < 0.5
            ? ''
            : 'person',
        target_name: name,
        target_category: label('target_category', category),
      };
      if (breakage) {
        breakage.breaks(row);
        broken.push(rows.length + 2);
      } else {
        expected.acts++;
        count(expected.actsByMonth, precision === 'year' ? null : iso.slice(0, 7));
        count(expected.actsByCategory, category);
        count(expected.actsBySource, source === '' ? null : source);
        (organisation ? organisations : persons).add(name);
      }
      rows.push(row);
    }
    if (!breakage) expected.incidents++;
  }
  expected.persons = persons.size;
  expected.organisations = organisations.size;
  return { rows, broken, expected };
}

export function sheetCsv(rows: readonly Row[]): Buffer {
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [
    TEMPLATE_COLUMNS.join(','),
    ...rows.map((r) => TEMPLATE_COLUMNS.map((c) => quote(r[c] ?? '')).join(',')),
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function sheetXlsx(
  rows: readonly Row[],
  lang: 'en' | 'ru' | 'kk' | 'ky',
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('acts');
  sheet.addRow(headersIn(lang, TEMPLATE_COLUMNS));
  for (const r of rows) sheet.addRow(TEMPLATE_COLUMNS.map((c) => r[c] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
