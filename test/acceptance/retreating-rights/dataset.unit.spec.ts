import {
  DomainError,
  fold,
  incidentDecider,
  IncidentEvent,
  isKnownCode,
  parseOccurred,
  referenceFigureDecider,
  targetDecider,
} from '@app/domain';
import {
  CountryDataset,
  FLAGS,
  IncidentRecord,
  incidentRequest,
  namesOf,
  outcomeRequest,
  readDataset,
  referenceFigureRequest,
  STATED_PRECISIONS,
} from '../../../tools/demo/retreating-rights.dataset';

/**
 * Acceptance (issue 7): every record of data/retreating-rights is valid against the
 * vocabularies and the date rules, as the API would check it (the same deciders), and keeps
 * to what the source says.
 */
const dataset = readDataset();
const allPersons = dataset.countries.flatMap((c) => c.persons);
const incidents = dataset.countries.flatMap((c) => c.incidents.map((r) => [r.id, r, c] as const));
const TODAY = '2026-11-28';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RANK = { day: 0, month: 1, year: 2 } as const;

/** Fake ids stand in for the ones the API gives: the deciders only need them to be there. */
const fakeIds = new Map(
  dataset.countries
    .flatMap((c) => [...c.persons, ...c.organisations])
    .map((t, i) => [t.id, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]),
);

function decide(record: IncidentRecord, country: CountryDataset) {
  const body = incidentRequest(record, country, fakeIds, allPersons);
  const events = incidentDecider.decide(
    {
      type: 'ReportIncident',
      incidentId: record.id,
      today: TODAY,
      draft: {
        ...body,
        acts: body.targets.map((t, i) => ({
          actId: `${record.id}-act-${i}`,
          kind: 'personId' in t ? 'person' : 'organisation',
          targetId: ('personId' in t ? t.personId : t.organisationId)!,
          category: t.category,
        })),
        perpetrators: body.perpetrators.map((p, i) => ({
          perpetratorId: `${record.id}-perp-${i}`,
          ...p,
          role: p.role as 'main' | 'secondary',
        })),
        sources: body.sources.map((s, i) => ({ sourceId: `${record.id}-src-${i}`, ...s })),
      },
    },
    incidentDecider.initialState,
  );
  return { body, events };
}

function problems(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (e) {
    if (e instanceof DomainError) return e.errors.map((f) => `${f.field}: ${f.message}`);
    throw e;
  }
}

describe('the Retreating Rights dataset', () => {
  it('holds at least 100 incidents across Kazakhstan and Kyrgyzstan, and every row of §4A', () => {
    const byCountry = Object.fromEntries(
      dataset.countries.map((c) => [c.country, c.incidents.length]),
    );
    expect(byCountry.KZ + byCountry.KG).toBeGreaterThanOrEqual(100);
    expect(byCountry.KZ).toBeGreaterThan(0);
    expect(byCountry.KG).toBeGreaterThan(0);
    // 62 Kazakhstan rows (KZ-01…KZ-62) and 66 Kyrgyzstan rows, each once: loaded or context.
    const rows = (c: CountryDataset) => [...c.incidents, ...c.context].map((r) => r.row).sort();
    const [kz, kg] = dataset.countries;
    expect(rows(kz)).toEqual(
      Array.from({ length: 62 }, (_, i) => `KZ-${String(i + 1).padStart(2, '0')}`),
    );
    expect(rows(kg)).toEqual(Array.from({ length: 66 }, (_, i) => String(i + 1)).sort());
  });

  it('gives every record and figure a unique id', () => {
    const all = [
      ...dataset.countries.flatMap((c) => [
        ...c.persons,
        ...c.organisations,
        ...c.incidents,
        ...c.context,
      ]),
      ...dataset.referenceFigures,
    ].map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(incidents)('%s is accepted by the incident decider', (_id, record, country) => {
    expect(problems(() => decide(record, country))).toEqual([]);
  });

  it.each(incidents)('%s has outcomes the decider accepts', (_id, record, country) => {
    const { events } = decide(record, country);
    let state = fold(incidentDecider, events as IncidentEvent[]);
    for (const [i, outcome] of (record.outcomes ?? []).entries()) {
      if (outcome.target !== undefined) {
        expect(record.targets.some((t) => Object.values(t).includes(outcome.target!))).toBe(true);
      }
      const run = () =>
        incidentDecider.decide(
          {
            type: 'RecordOutcome',
            outcome: { outcomeId: `o-${i}`, ...outcomeRequest(outcome, allPersons) },
            today: TODAY,
          },
          state,
        );
      expect(problems(run)).toEqual([]);
      state = fold(incidentDecider, [...(events as IncidentEvent[]), ...run()]);
    }
  });

  it.each(incidents)('%s cites the publication: title, section, footnotes', (_id, r, country) => {
    // The titles of the report's parts, each beginning with the title of the report.
    for (const title of r.citation.publication.split('; ')) {
      expect(title.startsWith(country.publication.title)).toBe(true);
    }
    expect(r.citation.section.trim()).not.toBe('');
    // As the report gives them: "[9] May 2021", "[122]", or the title a footnote names.
    if (r.citation.footnotes !== undefined) expect(r.citation.footnotes.trim()).not.toBe('');
    // Nothing else: no pointer to working notes kept outside the repository.
    expect(Object.keys(r.citation).sort()).toEqual(
      ['footnotes', 'publication', 'section'].filter((k) => k in r.citation),
    );
  });

  it.each(incidents)('%s dates it no more precisely than the source', (_id, r, country) => {
    expect(STATED_PRECISIONS).toContain(r.statedPrecision);
    const parsed = parseOccurred(r.occurred, TODAY);
    expect(parsed.ok).toBe(true);
    const occurred = r.occurred;
    const rank = RANK[occurred.precision as keyof typeof RANK];
    switch (r.statedPrecision) {
      case 'month':
        expect(rank).toBeGreaterThanOrEqual(RANK.month);
        break;
      case 'year':
        expect(occurred.precision).toBe('year');
        break;
      case 'season':
        // "summer of 2020" is a year; "early February 2021" may be a month, said to be approximate.
        expect(occurred.precision === 'year' || occurred.approximate === true).toBe(true);
        break;
      case 'range':
        expect(occurred.until !== undefined || occurred.approximate === true).toBe(true);
        break;
      case 'relative':
      case 'undated':
      case 'footnote':
        // Never a guessed date: a bound the source gives, said to be approximate.
        expect(occurred.approximate).toBe(true);
        expect(r.notes?.join(' ') ?? '').not.toBe('');
        break;
    }
    // An exact month or day is one the source states.
    if (!occurred.approximate && rank < RANK.year) {
      const stated = r.dateAsStated.toLowerCase();
      const month = Number(occurred.date.slice(5, 7));
      expect(stated).toContain(MONTHS[month - 1]);
      expect(stated).toContain(occurred.date.slice(0, 4));
      if (occurred.precision === 'day') {
        expect(stated).toMatch(new RegExp(`(^|\\D)${Number(occurred.date.slice(8, 10))}(\\D|$)`));
      }
    }
    // Nothing after the publication that reports it.
    const published = country.publication.publishedOn;
    expect(occurred.date <= published.slice(0, occurred.date.length)).toBe(true);
    if (occurred.until) {
      expect(occurred.until <= published.slice(0, occurred.until.length)).toBe(true);
    }
  });

  it.each(incidents)('%s uses known flags, and explains each in a note', (_id, r) => {
    for (const flag of r.flags ?? []) expect(FLAGS).toContain(flag);
    if ((r.flags ?? []).some((f) => f !== 'name_variant')) {
      expect(r.notes?.length).toBeGreaterThan(0);
    }
    for (const g of r.groupTargets ?? []) {
      expect(isKnownCode('target_category', g.category)).toBe(true);
    }
    for (const t of r.otherTypes ?? []) expect(isKnownCode('incident_type', t)).toBe(true);
  });

  it.each(incidents)('%s sends no victim name outside the person path', (_id, r, country) => {
    const { body } = decide(r, country);
    const text = JSON.stringify({ ...body, targets: undefined });
    const outcomes = JSON.stringify((r.outcomes ?? []).map((o) => outcomeRequest(o, allPersons)));
    for (const name of namesOf(allPersons)) {
      expect({
        name,
        found: new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, 'iu').test(text + outcomes),
      }).toEqual({
        name,
        found: false,
      });
    }
  });

  it('registers every person and organisation as the target decider accepts', () => {
    for (const c of dataset.countries) {
      for (const [kind, list] of [
        ['person', c.persons],
        ['organisation', c.organisations],
      ] as const) {
        for (const t of list) {
          const run = () =>
            targetDecider.decide(
              {
                type: 'Register',
                kind,
                id: t.id,
                details: { name: t.name, label: t.id, category: t.category, country: t.country },
                today: TODAY,
              },
              targetDecider.initialState,
            );
          expect({ id: t.id, problems: problems(run) }).toEqual({ id: t.id, problems: [] });
        }
      }
    }
  });

  it('refers only to persons and organisations it registers, and uses each', () => {
    for (const c of dataset.countries) {
      const keys = new Set([...c.persons, ...c.organisations].map((t) => t.id));
      const used = new Set(
        c.incidents.flatMap((r) =>
          r.targets.map((t) => ('person' in t ? t.person : t.organisation)),
        ),
      );
      expect([...used].filter((k) => !keys.has(k))).toEqual([]);
      expect([...keys].filter((k) => !used.has(k))).toEqual([]);
    }
  });

  it('keeps a reason and a citation on every context row, and its figures exist', () => {
    const figureIds = new Set(dataset.referenceFigures.map((f) => f.id));
    for (const r of dataset.countries.flatMap((c) => c.context)) {
      expect(r.reason.trim()).not.toBe('');
      expect(r.citation.section.trim()).not.toBe('');
      for (const id of r.referenceFigures ?? []) expect(figureIds).toContain(id);
    }
  });

  it.each(dataset.referenceFigures.map((f) => [f.id, f] as const))(
    'reference figure %s is accepted by its decider',
    (_id, figure) => {
      const run = () =>
        referenceFigureDecider.decide(
          {
            type: 'RecordReferenceFigure',
            figureId: figure.id,
            figure: referenceFigureRequest(figure, allPersons),
            today: TODAY,
          },
          referenceFigureDecider.initialState,
        );
      expect(problems(run)).toEqual([]);
    },
  );

  it("holds Kadyr-Kasiyet's 2020 figures by category, adding up to 684 persons", () => {
    const kk = dataset.referenceFigures.filter(
      (f) => f.id.startsWith('rf-kz-kk-2020-') && f.dimensions.targetCategory,
    );
    expect(kk).toHaveLength(8);
    expect(kk.reduce((n, f) => n + f.value, 0)).toBe(684);
  });
});
