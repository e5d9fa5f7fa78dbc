import { allowedCodes, labelOf, Lang, LANGS, VocabularyName } from '@app/domain';
import { Column, headersIn, TEMPLATE_COLUMNS } from './sheet/sheet-columns';

export type TemplateLang = Lang;
export const TEMPLATE_LANGS: readonly TemplateLang[] = LANGS;

/** One example act: the coded cells are written as labels in the template's language. */
const EXAMPLE: Readonly<Record<Column, string>> = {
  date: '2020-02-25',
  precision: 'day',
  country: 'KZ',
  region: 'KZ-71',
  place: 'Pre-trial detention centre, Nur-Sultan',
  type: 'detention',
  title: 'Activist detained after a memorial gathering',
  description: 'Detained for 10 days for taking part in an unauthorised gathering.',
  target_kind: 'person',
  target_name: 'Aigerim Serikova',
  target_category: 'civil_activist',
  source_main: 'police',
  sources_secondary: 'court',
  rights: 'freedom_of_peaceful_assembly; liberty_and_security',
  legal_article: 'KZ Code of Administrative Offences art. 488',
  source_title: 'Kadyr-Kasiyet monthly monitoring, February 2020',
  source_url: 'https://example.org/monitoring/2020-02',
  tags: 'memorial',
  incident_ref: 'KK-2020-02-001',
  // An existing person's id, in place of a name: empty in the example, which registers one.
  target_id: '',
  // Astana as a map names it: the place is known to the settlement, no closer.
  coordinates: '51.1801, 71.44598',
  location_precision: 'settlement',
};

/** The free text of the example in Russian; the other languages keep the English. */
const EXAMPLE_RU: Partial<Record<Column, string>> = {
  place: 'Изолятор временного содержания, Нур-Султан',
  title: 'Активистка задержана после памятного собрания',
  description: 'Задержана на 10 суток за участие в несанкционированном собрании.',
  legal_article: 'КоАП РК ст. 488',
  source_title: 'Ежемесячный мониторинг Кадыр-Касиет, февраль 2020',
  tags: 'память',
};

/** The coded columns and their vocabularies; `many`: several values, separated by `;`. */
export const CODED_COLUMNS: readonly { column: Column; vocabulary: VocabularyName; many?: true }[] =
  [
    { column: 'precision', vocabulary: 'date_precision' },
    { column: 'country', vocabulary: 'country' },
    { column: 'region', vocabulary: 'region' },
    { column: 'type', vocabulary: 'incident_type' },
    { column: 'target_kind', vocabulary: 'target_kind' },
    { column: 'target_category', vocabulary: 'target_category' },
    { column: 'source_main', vocabulary: 'perpetrator_source' },
    { column: 'sources_secondary', vocabulary: 'perpetrator_source', many: true },
    { column: 'rights', vocabulary: 'right', many: true },
  ];

/** The hidden sheet of allowed labels, one column per coded column. */
export const LISTS_SHEET = 'lists';
/** Rows of the template that get the drop-down lists (the example row and those below it). */
const VALIDATED_ROWS = 1000;

type Phrase = 'required' | 'choose' | 'chooseMany' | 'date' | 'free';
/** Column notes; the kk, ky and tg wording awaits a native speaker's review. */
const PHRASES: Record<Phrase, Record<Lang, string>> = {
  required: {
    en: 'Required.',
    ru: 'Обязательно.',
    kk: 'Міндетті.',
    ky: 'Милдеттүү.',
    tg: 'Ҳатмӣ.',
  },
  choose: {
    en: 'Choose from the list.',
    ru: 'Выберите из списка.',
    kk: 'Тізімнен таңдаңыз.',
    ky: 'Тизмеден тандаңыз.',
    tg: 'Аз рӯйхат интихоб кунед.',
  },
  chooseMany: {
    en: 'Choose from the list; several values separated by ;',
    ru: 'Выберите из списка; несколько значений через ;',
    kk: 'Тізімнен таңдаңыз; бірнеше мән ; арқылы',
    ky: 'Тизмеден тандаңыз; бир нече маани ; аркылуу',
    tg: 'Аз рӯйхат интихоб кунед; якчанд қимат бо ;',
  },
  date: {
    en: 'YYYY-MM-DD, YYYY-MM or YYYY (or DD.MM.YYYY).',
    ru: 'ГГГГ-ММ-ДД, ГГГГ-ММ или ГГГГ (или ДД.ММ.ГГГГ).',
    kk: 'ЖЖЖЖ-АА-КК, ЖЖЖЖ-АА немесе ЖЖЖЖ (немесе КК.АА.ЖЖЖЖ).',
    ky: 'ЖЖЖЖ-АА-КК, ЖЖЖЖ-АА же ЖЖЖЖ (же КК.АА.ЖЖЖЖ).',
    tg: 'СССС-ММ-РР, СССС-ММ ё СССС (ё РР.ММ.СССС).',
  },
  free: {
    en: 'Free text.',
    ru: 'Свободный текст.',
    kk: 'Еркін мәтін.',
    ky: 'Эркин текст.',
    tg: 'Матни озод.',
  },
};

const REQUIRED: ReadonlySet<Column> = new Set(['date', 'country', 'type', 'title']);

/** The example row in `lang`: labels for the coded cells, Russian free text in Russian. */
function exampleRow(lang: Lang): string[] {
  const coded = new Map(CODED_COLUMNS.map((c) => [c.column, c.vocabulary]));
  return TEMPLATE_COLUMNS.map((column) => {
    const vocabulary = coded.get(column);
    const value = (lang === 'ru' ? EXAMPLE_RU[column] : undefined) ?? EXAMPLE[column];
    if (vocabulary === undefined || lang === 'en') return value;
    return value
      .split(';')
      .map((code) => labelOf(vocabulary, code.trim(), lang) ?? code.trim())
      .join('; ');
  });
}

export function templateRows(lang: Lang): string[][] {
  return [headersIn(lang, TEMPLATE_COLUMNS), exampleRow(lang)];
}

export function templateCsv(lang: Lang): string {
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  // A BOM, so that Excel reads the Cyrillic headers as UTF-8.
  return `\ufeff${templateRows(lang)
    .map((r) => r.map(quote).join(','))
    .join('\r\n')}\r\n`;
}

/**
 * The sheet a monitor fills: headers in `lang` (frozen, each with a note saying what goes
 * there), the example row, and a drop-down list on every coded column, fed from a hidden
 * sheet of the allowed labels in `lang` (the import takes labels in every language, and codes).
 */
export async function templateXlsx(lang: Lang): Promise<Buffer> {
  // Loaded here, not at start-up: see export-workbook.ts.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet('acts', { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  for (const row of templateRows(lang)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((c) => (c.width = 22));

  const coded = new Map(CODED_COLUMNS.map((c) => [c.column, c]));
  CODED_COLUMNS.forEach(({ column, vocabulary }, i) => {
    const labels = allowedCodes(vocabulary).map((code) => labelOf(vocabulary, code, lang) ?? code);
    const at = lists.getColumn(i + 1);
    at.values = [headersIn(lang, [column])[0], ...labels];
    at.width = 30;
    const letter = at.letter;
    const target = sheet.getColumn(TEMPLATE_COLUMNS.indexOf(column) + 1).letter;
    const many = coded.get(column)?.many === true;
    for (let row = 2; row <= VALIDATED_ROWS + 1; row++) {
      sheet.getCell(`${target}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`${LISTS_SHEET}!$${letter}$2:$${letter}$${labels.length + 1}`],
        // Several values in one cell are not in the list: a list column of many values warns
        // only where it could not be read.
        showErrorMessage: !many,
        errorStyle: 'stop',
        error: PHRASES.choose[lang],
      };
    }
  });

  TEMPLATE_COLUMNS.forEach((column, i) => {
    const phrases: Phrase[] = [
      ...(REQUIRED.has(column) ? (['required'] as const) : []),
      column === 'date'
        ? 'date'
        : coded.has(column)
          ? coded.get(column)!.many
            ? 'chooseMany'
            : 'choose'
          : 'free',
    ];
    sheet.getRow(1).getCell(i + 1).note = phrases.map((p) => PHRASES[p][lang]).join(' ');
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
