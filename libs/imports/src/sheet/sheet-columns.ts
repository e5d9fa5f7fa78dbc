/**
 * The columns of a monitoring sheet: one row per act. Headers are accepted in English (the
 * canonical names), Russian, Kazakh, Kyrgyz and Tajik (the Tajik awaiting a native speaker's
 * review), ignoring case, spacing, `_` and `-`.
 */
export const COLUMNS = [
  'incident_ref',
  'date',
  'precision',
  'country',
  'region',
  'place',
  'coordinates',
  'location_precision',
  'type',
  'title',
  'description',
  'target_kind',
  'target_name',
  'target_id',
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

/** Optional columns the template lists last, after the ones every sheet has had. */
const OPTIONAL_LAST: readonly Column[] = [
  'incident_ref',
  'target_id',
  'coordinates',
  'location_precision',
];

/**
 * The template's columns: the canonical set; `incident_ref`, `target_id` (an existing person
 * or organisation, in place of a name) and the place's `coordinates` with their
 * `location_precision` are optional and listed last.
 */
export const TEMPLATE_COLUMNS: readonly Column[] = [
  ...COLUMNS.filter((c) => !OPTIONAL_LAST.includes(c)),
  ...OPTIONAL_LAST,
];

/** A sheet without these cannot describe an incident. */
export const REQUIRED_COLUMNS: readonly Column[] = ['date', 'country', 'type', 'title'];

type Translations = Readonly<Record<'ru' | 'kk' | 'ky' | 'tg', readonly string[]>>;

export const HEADER_TRANSLATIONS: Readonly<Record<Column, Translations>> = {
  incident_ref: {
    ru: ['номер инцидента', 'инцидент'],
    kk: ['оқиға нөмірі', 'оқиға'],
    ky: ['окуянын номери', 'окуя'],
    tg: ['рақами ҳодиса', 'ҳодиса'],
  },
  date: { ru: ['дата'], kk: ['күні', 'күн'], ky: ['күнү', 'датасы'], tg: ['сана'] },
  precision: {
    ru: ['точность', 'точность даты'],
    kk: ['дәлдік'],
    ky: ['тактык'],
    tg: ['дақиқӣ', 'дақиқии сана'],
  },
  country: { ru: ['страна'], kk: ['ел'], ky: ['өлкө', 'мамлекет'], tg: ['кишвар'] },
  region: {
    ru: ['регион', 'область'],
    kk: ['өңір', 'облыс'],
    ky: ['аймак', 'облус'],
    tg: ['минтақа', 'вилоят'],
  },
  place: { ru: ['место'], kk: ['орны', 'орын'], ky: ['жери', 'орду'], tg: ['ҷой'] },
  coordinates: {
    ru: ['координаты'],
    kk: ['координаттар'],
    ky: ['координаттары'],
    tg: ['координатаҳо'],
  },
  location_precision: {
    ru: ['точность места'],
    kk: ['орын дәлдігі'],
    ky: ['жердин тактыгы'],
    tg: ['дақиқии ҷой'],
  },
  type: {
    ru: ['тип', 'вид нарушения'],
    kk: ['түрі'],
    ky: ['түрү'],
    tg: ['намуд', 'намуди вайронкунӣ'],
  },
  title: { ru: ['название', 'заголовок'], kk: ['атауы'], ky: ['аталышы'], tg: ['унвон'] },
  description: { ru: ['описание'], kk: ['сипаттама'], ky: ['сүрөттөмө'], tg: ['тавсиф'] },
  target_kind: {
    ru: ['вид объекта'],
    kk: ['нысан түрі'],
    ky: ['объекттин түрү'],
    tg: ['намуди объект'],
  },
  target_name: {
    ru: ['имя объекта', 'имя'],
    kk: ['нысан атауы', 'аты'],
    ky: ['объекттин аты'],
    tg: ['номи объект', 'ном'],
  },
  target_id: { ru: ['id объекта'], kk: ['нысан id'], ky: ['объекттин id'], tg: ['id объект'] },
  target_category: {
    ru: ['категория объекта', 'категория'],
    kk: ['нысан санаты', 'санаты'],
    ky: ['объекттин категориясы', 'категориясы'],
    tg: ['категорияи объект', 'категория'],
  },
  source_main: {
    ru: ['основной источник угрозы'],
    kk: ['қауіптің негізгі көзі'],
    ky: ['коркунучтун негизги булагы'],
    tg: ['манбаи асосии таҳдид'],
  },
  sources_secondary: {
    ru: ['дополнительные источники угрозы'],
    kk: ['қауіптің қосымша көздері'],
    ky: ['коркунучтун кошумча булактары'],
    tg: ['манбаъҳои иловагии таҳдид'],
  },
  rights: { ru: ['права'], kk: ['құқықтар'], ky: ['укуктар'], tg: ['ҳуқуқҳо'] },
  legal_article: {
    ru: ['статья закона', 'статья'],
    kk: ['заң бабы'],
    ky: ['мыйзамдын беренеси'],
    tg: ['моддаи қонун', 'модда'],
  },
  source_title: {
    ru: ['источник информации'],
    kk: ['ақпарат көзі'],
    ky: ['маалымат булагы'],
    tg: ['манбаи иттилоот'],
  },
  source_url: {
    ru: ['ссылка на источник', 'ссылка'],
    kk: ['дереккөз сілтемесі', 'сілтеме'],
    ky: ['булактын шилтемеси', 'шилтеме'],
    tg: ['истиноди манбаъ', 'истинод'],
  },
  tags: { ru: ['метки', 'теги'], kk: ['белгілер'], ky: ['белгилер'], tg: ['барчаспҳо'] },
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
export function headersIn(
  lang: 'en' | 'ru' | 'kk' | 'ky' | 'tg',
  columns: readonly Column[],
): string[] {
  return columns.map((c) => (lang === 'en' ? c : HEADER_TRANSLATIONS[c][lang][0]));
}

/**
 * The language a sheet's headers are written in (the first header that is one language's
 * only): messages that show an example show it in that language. English when none says.
 */
export function sheetLanguage(headers: readonly string[]): 'en' | 'ru' | 'kk' | 'ky' | 'tg' {
  for (const header of headers) {
    const text = normaliseHeader(header);
    const langs = (['ru', 'kk', 'ky', 'tg'] as const).filter((lang) =>
      COLUMNS.some((c) => HEADER_TRANSLATIONS[c][lang].some((h) => normaliseHeader(h) === text)),
    );
    if (langs.length === 1) return langs[0];
  }
  return 'en';
}
