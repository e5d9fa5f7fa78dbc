/** The new-case form as the person fills it in (and as its draft is stored). */
export interface TargetEntry {
  mode: 'newPerson' | 'newOrganisation' | 'existingPerson' | 'existingOrganisation';
  name: string;
  id: string;
  category: string;
}

export interface CaseFormValues {
  title: string;
  description: string;
  country: string;
  region: string;
  place: string;
  precision: 'day' | 'month' | 'year' | 'range';
  year: string;
  month: string;
  day: string;
  untilYear: string;
  untilMonth: string;
  approximate: boolean;
  type: string;
  rights: string[];
  legalBasis: { instrument: string; article: string }[];
  tags: string[];
  targets: TargetEntry[];
  perpetrators: { source: string; role: 'main' | 'secondary'; unit: string }[];
  sources: { title: string; url: string; publishedOn: string; reliability: string }[];
}

export const EMPTY_TARGET: TargetEntry = { mode: 'newPerson', name: '', id: '', category: '' };

export function emptyCase(): CaseFormValues {
  return {
    title: '',
    description: '',
    country: '',
    region: '',
    place: '',
    precision: 'month',
    year: '',
    month: '',
    day: '',
    untilYear: '',
    untilMonth: '',
    approximate: false,
    type: '',
    rights: [],
    legalBasis: [],
    tags: [],
    targets: [{ ...EMPTY_TARGET }],
    perpetrators: [],
    sources: [],
  };
}

const pad = (value: string) => value.padStart(2, '0');

/** The `occurred` the API takes: YYYY, YYYY-MM or YYYY-MM-DD with its precision (and until). */
export function occurredOf(v: CaseFormValues): {
  date: string;
  precision: 'day' | 'month' | 'year';
  until?: string;
  approximate?: boolean;
} {
  const year = v.year.trim();
  const approximate = v.approximate ? { approximate: true } : {};
  switch (v.precision) {
    case 'year':
      return { date: year, precision: 'year', ...approximate };
    case 'day':
      return {
        date: `${year}-${pad(v.month)}-${pad(v.day.trim())}`,
        precision: 'day',
        ...approximate,
      };
    case 'range':
      return {
        date: `${year}-${pad(v.month)}`,
        precision: 'month',
        until: `${v.untilYear.trim()}-${pad(v.untilMonth)}`,
        ...approximate,
      };
    default:
      return { date: `${year}-${pad(v.month)}`, precision: 'month', ...approximate };
  }
}

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The body of POST /incidents: empty optional fields left out, inline targets as objects. */
export function reportOf(v: CaseFormValues) {
  return {
    title: v.title.trim(),
    description: text(v.description),
    country: v.country,
    region: text(v.region),
    place: text(v.place),
    occurred: occurredOf(v),
    type: v.type,
    rights: v.rights,
    legalBasis: v.legalBasis.filter((l) => l.instrument.trim() !== '' || l.article.trim() !== ''),
    tags: v.tags,
    targets: v.targets
      .filter((t) => (t.mode.startsWith('new') ? t.name.trim() !== '' : t.id !== ''))
      .map((t) => {
        const category = text(t.category);
        switch (t.mode) {
          case 'newPerson':
            return { person: { name: t.name.trim(), category }, category };
          case 'newOrganisation':
            return { organisation: { name: t.name.trim(), category }, category };
          case 'existingPerson':
            return { personId: t.id, category };
          default:
            return { organisationId: t.id, category };
        }
      }),
    perpetrators: v.perpetrators
      .filter((p) => p.source !== '')
      .map((p) => ({ source: p.source, role: p.role, unit: text(p.unit) })),
    sources: v.sources
      .filter((s) => s.title.trim() !== '')
      .map((s) => ({
        title: s.title.trim(),
        url: text(s.url),
        publishedOn: text(s.publishedOn),
        reliability: text(s.reliability),
      })),
  };
}
