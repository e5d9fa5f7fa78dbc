import { planImport, possibleDuplicatePersons } from './plan-import';
import { SheetTable } from './sheet/read-sheet';
import { headersIn, TEMPLATE_COLUMNS } from './sheet/sheet-columns';
import { TEMPLATE_LANGS, templateRows } from './import-template';

const TODAY = '2026-11-28';
const HEADERS = [
  'date',
  'country',
  'type',
  'title',
  'target_name',
  'target_category',
  'incident_ref',
];

const sheet = (rows: string[][], headers = HEADERS): SheetTable => ({
  headers,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('planImport', () => {
  it('accepts labels in any of the five languages in place of codes', () => {
    const plan = planImport(
      sheet([
        ['2020-02-25', 'Казахстан', 'Задержание', 'A', 'P1', 'Журналист', ''],
        ['2020-02', 'Қазақстан', 'detention', 'B', 'P2', 'Журналист', ''],
        ['12.10.2020', 'Кыргызстан', 'detention', 'C', 'P3', 'Ҳуқуқшинос', ''],
        ['2020-3-7', 'KZ', 'detention', 'D', 'P4', 'lawyer', ''],
      ]),
      TODAY,
    );
    expect(plan.problems).toEqual([]);
    expect(
      plan.incidents.map((i) => [i.draft.country, i.draft.occurred, i.targets[0].category]),
    ).toEqual([
      ['KZ', { date: '2020-02-25', precision: 'day' }, 'journalist'],
      ['KZ', { date: '2020-02', precision: 'month' }, 'journalist'],
      ['KG', { date: '2020-10-12', precision: 'day' }, 'lawyer'],
      ['KZ', { date: '2020-03-07', precision: 'day' }, 'lawyer'],
    ]);
  });

  it('reads Russian, Kazakh, Kyrgyz and Tajik headers', () => {
    for (const lang of ['ru', 'kk', 'ky', 'tg'] as const) {
      const headers = headersIn(lang, TEMPLATE_COLUMNS);
      const row = TEMPLATE_COLUMNS.map((c) =>
        c === 'date'
          ? '2020-01-05'
          : c === 'country'
            ? 'KZ'
            : c === 'type'
              ? 'detention'
              : c === 'title'
                ? 'T'
                : '',
      );
      const plan = planImport(sheet([row], headers), TODAY);
      expect({ lang, problems: plan.problems }).toEqual({ lang, problems: [] });
      expect(plan.incidents).toHaveLength(1);
    }
  });

  it.each(TEMPLATE_LANGS)("plans the template's example row in %s, labels and all", (lang) => {
    const [headers, example] = templateRows(lang);
    const plan = planImport(sheet([example], headers), TODAY);
    expect(plan.problems).toEqual([]);
    expect(plan.incidents[0].draft).toMatchObject({
      country: 'KZ',
      region: 'KZ-71',
      type: 'detention',
      rights: ['freedom_of_peaceful_assembly', 'liberty_and_security'],
      perpetrators: [
        { source: 'police', role: 'main' },
        { source: 'court', role: 'secondary' },
      ],
    });
    expect(plan.incidents[0].targets[0]).toMatchObject({
      kind: 'person',
      category: 'civil_activist',
    });
  });

  it("lists the allowed values as labels in the language of the sheet's headers", () => {
    const headers = headersIn('ru', ['date', 'country', 'type', 'title']);
    const plan = planImport(
      sheet([['2020-02-25', 'Атлантида', 'Задержание', 'A']], headers),
      TODAY,
    );
    expect(plan.problems).toHaveLength(1);
    expect(plan.problems[0].allowed).toContain('KZ');
    expect(plan.problems[0].allowedLabels).toContain('Казахстан');
    expect(plan.problems[0].allowedLabels).toHaveLength(plan.problems[0].allowed!.length);
  });

  it('makes one incident of the rows sharing incident_ref, or date, place, type and title', () => {
    const plan = planImport(
      sheet([
        ['2020-02-25', 'KZ', 'detention', 'A', 'P1', 'journalist', 'R1'],
        ['2020-02-25', 'KZ', 'detention', 'A other title', 'P2', 'lawyer', 'R1'],
        ['2020-03-01', 'KZ', 'summons', 'B', 'P3', 'lawyer', ''],
        ['2020-03-01', 'KZ', 'summons', 'B', 'P4', 'lawyer', ''],
      ]),
      TODAY,
    );
    // Rows of R1 disagree on the title: the second row says so, and R1 is left out.
    expect(plan.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'title',
        message: 'differs from row 2 of the same incident',
      }),
    ]);
    expect(plan.incidents.map((i) => i.rows)).toEqual([[4, 5]]);
    expect(plan.rowsNotImportable).toBe(2);
  });

  it('keeps names out of problems', () => {
    const plan = planImport(
      sheet([['2020-02-25', 'KZ', 'detention', 'A', 'x'.repeat(301), 'journalist', '']]),
      TODAY,
    );
    expect(plan.problems).toEqual([
      expect.objectContaining({ column: 'target_name', value: null }),
    ]);
  });

  it("reads the legal basis as monitors write it, and shows a form in the sheet's language", () => {
    const headers = [...HEADERS.slice(0, 4), 'legal_article'];
    const plan = planImport(
      sheet(
        [
          ['2020-02-25', 'TJ', 'detention', 'A', 'ч. 1 ст. 307 УК РТ; KZ Criminal Code art. 405'],
          ['2020-02-26', 'KZ', 'detention', 'B', 'KZ Law on Peaceful Assemblies art. 8'],
        ],
        headers,
      ),
      TODAY,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.incidents.map((i) => i.draft.legalBasis)).toEqual([
      [
        { instrument: 'TJ Criminal Code', article: '307', part: '1' },
        { instrument: 'KZ Criminal Code', article: '405' },
      ],
      [{ instrument: 'KZ Law on Peaceful Assemblies', article: '8' }],
    ]);

    const russian = headersIn('ru', ['date', 'country', 'type', 'title', 'legal_article']);
    const refused = planImport(
      sheet([['2020-02-25', 'TJ', 'detention', 'A', 'триста семь']], russian),
      TODAY,
    );
    expect(refused.problems).toEqual([
      expect.objectContaining({
        column: 'legal_article',
        message: expect.stringContaining('ч. 1 ст. 405 УК РК'),
      }),
    ]);
  });

  it('takes a recorded target by id in target_id, its category optional', () => {
    const id = '6f1c1a52-3b9e-4c55-9d0e-2f7f1a0c9e11';
    const headers = [...HEADERS, 'target_id'];
    const plan = planImport(
      sheet(
        [
          ['2020-02-25', 'KZ', 'detention', 'A', '', '', '', id.toUpperCase()],
          ['2020-02-26', 'KZ', 'detention', 'B', '', 'lawyer', '', id],
          ['2020-02-27', 'KZ', 'detention', 'C', '', '', '', 'P-6F1C1A'],
          ['2020-02-28', 'KZ', 'detention', 'D', '', 'lawyer', '', ''],
        ],
        headers,
      ),
      TODAY,
    );
    expect(plan.incidents.map((i) => i.targets)).toEqual([
      [{ row: 2, kind: 'person', id }],
      [{ row: 3, kind: 'person', id, category: 'lawyer' }],
    ]);
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'target_id'],
      [5, 'target_name'],
    ]);
  });

  it('reads coordinates as maps give them, with the precision they have', () => {
    const headers = [...HEADERS.slice(0, 4), 'координаты', 'location_precision'];
    const plan = planImport(
      sheet(
        [
          ['2020-02-25', 'TJ', 'detention', 'A', '37.48974, 71.55304', 'settlement'],
          ['2020-02-26', 'TJ', 'detention', 'B', '37,48974; 71,55304', 'exact'],
          ['2020-02-27', 'TJ', 'detention', 'C', '137.5, 71.5', 'exact'],
          ['2020-02-28', 'TJ', 'detention', 'D', '37.5 71.5', ''],
        ],
        headers,
      ),
      TODAY,
    );
    expect(plan.incidents.map((i) => i.draft.location)).toEqual([
      { latitude: 37.48974, longitude: 71.55304, precision: 'settlement' },
      { latitude: 37.48974, longitude: 71.55304, precision: 'exact' },
    ]);
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'coordinates'],
      [5, 'location_precision'],
    ]);
  });

  it('refuses a sheet without the required columns, naming them', () => {
    const plan = planImport(sheet([['2020-01-01']], ['date', 'notes']), TODAY);
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
      [1, 'country'],
      [1, 'type'],
      [1, 'title'],
    ]);
  });
});

describe('possibleDuplicatePersons', () => {
  it('reports names that meet after transliteration, without merging them', () => {
    const plan = planImport(
      sheet([
        ['2020-02-25', 'KZ', 'detention', 'A', 'Дулат Агадил', 'civil_activist', ''],
        ['2020-02-26', 'KZ', 'detention', 'B', 'Dulat Agadil', 'civil_activist', ''],
        ['2020-02-27', 'KZ', 'detention', 'C', 'dulat  agadil', 'civil_activist', ''],
        ['2020-02-28', 'KZ', 'detention', 'D', 'Someone Else', 'civil_activist', ''],
      ]),
      TODAY,
    );
    const found = possibleDuplicatePersons(plan.incidents);
    expect(found).toHaveLength(1);
    expect(found[0].rows).toEqual([2, 3]);
    expect(found[0].message).not.toMatch(/Agadil|Агадил/i);
  });
});
