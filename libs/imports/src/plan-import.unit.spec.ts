import { planImport, possibleDuplicatePersons } from './plan-import';
import { SheetTable } from './sheet/read-sheet';
import { headersIn, TEMPLATE_COLUMNS } from './sheet/sheet-columns';

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

  it('reads Russian, Kazakh and Kyrgyz headers', () => {
    for (const lang of ['ru', 'kk', 'ky'] as const) {
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
