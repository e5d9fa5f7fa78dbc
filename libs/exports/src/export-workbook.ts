// Types only here; the library is loaded when a workbook is first made or read: it takes about
// a fifth of the API's module-loading time, which every start and every e2e spec paid.
import type ExcelJS from 'exceljs';
import {
  asOfLine,
  DIMENSION_WORDS,
  DimensionName,
  filterWordsLine,
  MEASURE_NAMES,
  MeasureName,
  PHRASES,
  sheetName,
  sourceLine,
} from '@app/charts';
import { Lang } from '@app/domain';
import { ReferenceMatchDto } from '@app/read-models/reference-figures/reference-match.response.dto';
import { StatsResponseDto } from '@app/read-models/statistics/stats.response.dto';
import { SHEET_WORDS } from './sheet-words';

/** One query of an export: its answer, its marginals for a cross-tab, its chart. */
export interface Breakdown {
  stats: StatsResponseDto;
  /** For two dimensions: the answers by the first and by the second alone (the totals). */
  margins?: [StatsResponseDto, StatsResponseDto];
  /** The chart as PNG at print size. */
  chart?: { png: Buffer; width: number; height: number };
  /** Third-party figures answering the same question. */
  references?: ReferenceMatchDto[];
}

const BOLD = { bold: true };
/** The chart's width on the sheet, in pixels at 96 dpi (the PNG holds more: print size). */
const CHART_SHEET_WIDTH = 900;

/**
 * One sheet per query: its title in words, the position and its time, the filters, then the
 * table (a cross-tab with totals for two dimensions) and the chart; a definitions sheet with
 * the counting rules and the stamp; a sources sheet for reference figures. Every text in
 * `lang`; the stamp is the position's, never the request's.
 */
export async function exportWorkbook(
  breakdowns: readonly Breakdown[],
  lang: Lang,
): Promise<Buffer> {
  const words = SHEET_WORDS;
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const first = breakdowns[0].stats;
  if (first.positionTime !== null) workbook.created = new Date(first.positionTime);
  const names = new Set<string>();
  for (const b of breakdowns) writeQuerySheet(workbook, b, sheetName(b.stats.title, names), lang);

  const definitions = workbook.addWorksheet(sheetName(words.definitions[lang], names));
  definitions.addRow([words.position[lang], first.position]);
  definitions.addRow([words.positionTime[lang], first.positionTime ?? '—']);
  definitions.addRow([words.snapshot[lang], first.snapshotId ?? '—']);
  definitions.addRow([]);
  definitions.addRow([words.term[lang], words.definition[lang]]).font = BOLD;
  const seen = new Map<string, string>();
  for (const { stats } of breakdowns) {
    for (const [term, text] of Object.entries(stats.definitions)) {
      if (!seen.has(term)) seen.set(term, text);
    }
  }
  for (const [term, text] of seen) definitions.addRow([termName(term, lang), text]);
  definitions.getColumn(1).width = 28;
  definitions.getColumn(2).width = 110;
  definitions.getColumn(2).alignment = { wrapText: true, vertical: 'top' };

  const sources = workbook.addWorksheet(sheetName(words.sources[lang], names));
  sources.addRow([words.sourcesIntro[lang]]);
  sources.addRow([]);
  sources.addRow([
    words.sheet[lang],
    words.source[lang],
    words.statement[lang],
    words.period[lang],
    words.theirs[lang],
    words.ours[lang],
    'URL',
  ]).font = BOLD;
  for (const b of breakdowns) {
    for (const r of b.references ?? []) {
      sources.addRow([
        b.stats.title,
        [r.source.name, r.source.publication].filter(Boolean).join(', '),
        r.statement,
        `${r.period.from ?? ''}–${r.period.to}`,
        r.value,
        r.ours,
        r.source.url ?? '',
      ]);
    }
  }
  [30, 30, 50, 20, 12, 12, 40].forEach((w, i) => (sources.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeQuerySheet(workbook: ExcelJS.Workbook, b: Breakdown, name: string, lang: Lang) {
  const { stats } = b;
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([stats.title]).font = { bold: true, size: 14 };
  sheet.addRow([asOfLine(stats, lang)]);
  sheet.addRow([filterWordsLine(stats.filters, lang)]);
  sheet.addRow([sourceLine(lang)]);
  sheet.addRow([]);
  const measure = MEASURE_NAMES[stats.measure as MeasureName][lang];
  const groupBy = stats.groupBy as DimensionName[];
  const total = PHRASES.total[lang];
  if (groupBy.length === 2 && b.margins !== undefined) {
    writeCrossTab(sheet, stats, b.margins, lang);
  } else {
    const header = groupBy.map((g) => DIMENSION_WORDS[g].name[lang]);
    sheet.addRow([...header, measure]).font = BOLD;
    for (const row of stats.rows) {
      sheet.addRow([...groupBy.map((g) => row.labels[g]), row.value]);
    }
    if (groupBy.length > 0) sheet.addRow([total, stats.total]).font = BOLD;
  }
  sheet.getColumn(1).width = 40;
  for (let c = 2; c <= sheet.columnCount; c++) sheet.getColumn(c).width = 16;
  if (b.chart !== undefined) {
    const image = workbook.addImage({ buffer: b.chart.png as never, extension: 'png' });
    const height = Math.round((CHART_SHEET_WIDTH * b.chart.height) / b.chart.width);
    sheet.addImage(image, {
      tl: { col: 0, row: sheet.rowCount + 1 },
      ext: { width: CHART_SHEET_WIDTH, height },
    });
  }
}

/**
 * Rows by the first dimension, columns by the second, in the answer's order; the totals are
 * the measure by each dimension alone and over all (not sums: a person or an act may fall in
 * several cells).
 */
function writeCrossTab(
  sheet: ExcelJS.Worksheet,
  stats: StatsResponseDto,
  [byRow, byColumn]: [StatsResponseDto, StatsResponseDto],
  lang: Lang,
) {
  const [rowDim, columnDim] = stats.groupBy as DimensionName[];
  const keyOf = (k: unknown) => JSON.stringify(k);
  const rowKeys = byRow.rows.map((r) => r.keys[rowDim]);
  const columnKeys = byColumn.rows.map((r) => r.keys[columnDim]);
  const cells = new Map(
    stats.rows.map((r) => [`${keyOf(r.keys[rowDim])}|${keyOf(r.keys[columnDim])}`, r.value]),
  );
  const label = (answer: StatsResponseDto, dim: string, key: unknown) =>
    answer.rows.find((r) => keyOf(r.keys[dim]) === keyOf(key))?.labels[dim] ?? String(key);
  const total = PHRASES.total[lang];
  const corner = `${DIMENSION_WORDS[rowDim].name[lang]} \\ ${DIMENSION_WORDS[columnDim].name[lang]}`;
  sheet.addRow([corner, ...columnKeys.map((k) => label(byColumn, columnDim, k)), total]).font =
    BOLD;
  byRow.rows.forEach((r, i) => {
    sheet.addRow([
      label(byRow, rowDim, rowKeys[i]),
      ...columnKeys.map((c) => cells.get(`${keyOf(rowKeys[i])}|${keyOf(c)}`) ?? 0),
      r.value,
    ]);
  });
  sheet.addRow([total, ...byColumn.rows.map((r) => r.value), stats.total]).font = BOLD;
}

function termName(term: string, lang: Lang): string {
  if (term in MEASURE_NAMES) return MEASURE_NAMES[term as MeasureName][lang];
  if (term in DIMENSION_WORDS) return DIMENSION_WORDS[term as DimensionName].name[lang];
  return (SHEET_WORDS.terms as Record<string, Record<Lang, string>>)[term]?.[lang] ?? term;
}
