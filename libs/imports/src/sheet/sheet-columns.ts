/**
 * The columns of a monitoring sheet: one row per act. Headers are accepted in English (the
 * canonical names), Russian, Kazakh and Kyrgyz, ignoring case, spacing, `_` and `-`.
 */
export const COLUMNS = [
  'incident_ref',
  'date',
  'precision',
  'country',
  'region',
  'place',
  'type',
  'title',
  'description',
  'target_kind',
  'target_name',
  'target_category',
  'source_main',
  'sources_secondary',
  'rights',
  'legal_article',
  'source_title',
  'source_url',
  'tags',
] as const;
export type Column = (typeof COLUMNS)[number];

/** The template's columns: the canonical set; `incident_ref` is optional and listed last. */
export const TEMPLATE_COLUMNS: readonly Column[] = [
  ...COLUMNS.filter((c) => c !== 'incident_ref'),
  'incident_ref',
];

/** A sheet without these cannot describe an incident. */
export const REQUIRED_COLUMNS: readonly Column[] = ['date', 'country', 'type', 'title'];

type Translations = Readonly<Record<'ru' | 'kk' | 'ky', readonly string[]>>;

export const HEADER_TRANSLATIONS: Readonly<Record<Column, Translations>> = {
  incident_ref: {
    ru: ['номер инцидента', 'инцидент'],
    kk: ['оқиға нөмірі', 'оқиға'],
    ky: ['окуянын номери', 'окуя'],
  },
  date: { ru: ['дата'], kk: ['күні', 'күн'], ky: ['күнү', 'датасы'] },
  precision: { ru: ['точность', 'точность даты'], kk: ['дәлдік'], ky: ['тактык'] },
  country: { ru: ['страна'], kk: ['ел'], ky: ['өлкө', 'мамлекет'] },
  region: { ru: ['регион', 'область'], kk: ['өңір', 'облыс'], ky: ['аймак', 'облус'] },
  place: { ru: ['место'], kk: ['орны', 'орын'], ky: ['жери', 'орду'] },
  type: { ru: ['тип', 'вид нарушения'], kk: ['түрі'], ky: ['түрү'] },
  title: { ru: ['название', 'заголовок'], kk: ['атауы'], ky: ['аталышы'] },
  description: { ru: ['описание'], kk: ['сипаттама'], ky: ['сүрөттөмө'] },
  target_kind: { ru: ['вид объекта'], kk: ['нысан түрі'], ky: ['объекттин түрү'] },
  target_name: { ru: ['имя объекта', 'имя'], kk: ['нысан атауы', 'аты'], ky: ['объекттин аты'] },
  target_category: {
    ru: ['категория объекта', 'категория'],
    kk: ['нысан санаты', 'санаты'],
    ky: ['объекттин категориясы', 'категориясы'],
  },
  source_main: {
    ru: ['основной источник угрозы'],
    kk: ['қауіптің негізгі көзі'],
    ky: ['коркунучтун негизги булагы'],
  },
  sources_secondary: {
    ru: ['дополнительные источники угрозы'],
    kk: ['қауіптің қосымша көздері'],
    ky: ['коркунучтун кошумча булактары'],
  },
  rights: { ru: ['права'], kk: ['құқықтар'], ky: ['укуктар'] },
  legal_article: { ru: ['статья закона', 'статья'], kk: ['заң бабы'], ky: ['мыйзамдын беренеси'] },
  source_title: { ru: ['источник информации'], kk: ['ақпарат көзі'], ky: ['маалымат булагы'] },
  source_url: {
    ru: ['ссылка на источник', 'ссылка'],
    kk: ['дереккөз сілтемесі', 'сілтеме'],
    ky: ['булактын шилтемеси', 'шилтеме'],
  },
  tags: { ru: ['метки', 'теги'], kk: ['белгілер'], ky: ['белгилер'] },
};

function normaliseHeader(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_\-\u2010-\u2015]+/g, ' ')
    .trim();
}

const BY_HEADER: ReadonlyMap<string, Column> = new Map(
  COLUMNS.flatMap((column) => [
    [normaliseHeader(column), column] as const,
    ...Object.values(HEADER_TRANSLATIONS[column])
      .flat()
      .map((h) => [normaliseHeader(h), column] as const),
  ]),
);

/** The column a header names, in any of the accepted languages. */
export function columnOf(header: string): Column | undefined {
  return BY_HEADER.get(normaliseHeader(header));
}

/** The headers of a sheet in one language (the first name of each column). */
export function headersIn(lang: 'en' | 'ru' | 'kk' | 'ky', columns: readonly Column[]): string[] {
  return columns.map((c) => (lang === 'en' ? c : HEADER_TRANSLATIONS[c][lang][0]));
}
