import { Lang, labelOf, VocabularyName } from '@app/domain';

/**
 * The words of a statistics query in every language the register is kept in: what is counted,
 * by what, with which filters and as of when. Charts, workbooks, CSV and the web dashboard all
 * say it the same way. The kk, ky and tg wording awaits a native speaker's review.
 */
export const MEASURE_NAMES = {
  incidents: { en: 'Incidents', ru: 'Инциденты', kk: 'Оқиғалар', ky: 'Окуялар', tg: 'Ҳодисаҳо' },
  acts: { en: 'Acts', ru: 'Акты', kk: 'Актілер', ky: 'Актылар', tg: 'Амалҳо' },
  persons: { en: 'Persons', ru: 'Лица', kk: 'Адамдар', ky: 'Адамдар', tg: 'Шахсон' },
  organisations: {
    en: 'Organisations',
    ru: 'Организации',
    kk: 'Ұйымдар',
    ky: 'Уюмдар',
    tg: 'Ташкилотҳо',
  },
} as const satisfies Record<string, Record<Lang, string>>;
export type MeasureName = keyof typeof MEASURE_NAMES;

/** A dimension's name (axis titles, filter lines) and the form "by …" takes in a title. */
interface DimensionWords {
  name: Record<Lang, string>;
  by: Record<Lang, string>;
  /** The label of the null key: "month unknown". */
  none: Record<Lang, string>;
  vocabulary?: VocabularyName;
  time?: true;
}

const w = (en: string, ru: string, kk: string, ky: string, tg: string): Record<Lang, string> => ({
  en,
  ru,
  kk,
  ky,
  tg,
});

export const DIMENSION_WORDS = {
  country: {
    name: w('Country', 'Страна', 'Ел', 'Өлкө', 'Кишвар'),
    by: w('country', 'странам', 'елдер', 'өлкөлөр', 'кишварҳо'),
    none: w(
      'country unknown',
      'страна неизвестна',
      'ел белгісіз',
      'өлкө белгисиз',
      'кишвар номаълум',
    ),
    vocabulary: 'country',
  },
  region: {
    name: w('Region', 'Регион', 'Өңір', 'Аймак', 'Минтақа'),
    by: w('region', 'регионам', 'өңірлер', 'аймактар', 'минтақаҳо'),
    none: w(
      'region unknown',
      'регион неизвестен',
      'өңір белгісіз',
      'аймак белгисиз',
      'минтақа номаълум',
    ),
    vocabulary: 'region',
  },
  month: {
    name: w('Month', 'Месяц', 'Ай', 'Ай', 'Моҳ'),
    by: w('month', 'месяцам', 'айлар', 'айлар', 'моҳҳо'),
    none: w('month unknown', 'месяц неизвестен', 'айы белгісіз', 'айы белгисиз', 'моҳ номаълум'),
    time: true,
  },
  quarter: {
    name: w('Quarter', 'Квартал', 'Тоқсан', 'Чейрек', 'Семоҳа'),
    by: w('quarter', 'кварталам', 'тоқсандар', 'чейректер', 'семоҳаҳо'),
    none: w(
      'quarter unknown',
      'квартал неизвестен',
      'тоқсаны белгісіз',
      'чейреги белгисиз',
      'семоҳа номаълум',
    ),
    time: true,
  },
  year: {
    name: w('Year', 'Год', 'Жыл', 'Жыл', 'Сол'),
    by: w('year', 'годам', 'жылдар', 'жылдар', 'солҳо'),
    none: w('year unknown', 'год неизвестен', 'жылы белгісіз', 'жылы белгисиз', 'сол номаълум'),
    time: true,
  },
  type: {
    name: w('Incident type', 'Тип инцидента', 'Оқиға түрі', 'Окуянын түрү', 'Навъи ҳодиса'),
    by: w(
      'incident type',
      'типам инцидентов',
      'оқиға түрлері',
      'окуялардын түрлөрү',
      'навъҳои ҳодиса',
    ),
    none: w('type unknown', 'тип неизвестен', 'түрі белгісіз', 'түрү белгисиз', 'навъ номаълум'),
    vocabulary: 'incident_type',
  },
  family: {
    name: w('Family of types', 'Группа типов', 'Түрлер тобы', 'Түрлөрдүн тобу', 'Гурӯҳи навъҳо'),
    by: w(
      'family of types',
      'группам типов',
      'түрлер топтары',
      'түрлөрдүн топтору',
      'гурӯҳҳои навъҳо',
    ),
    none: w(
      'family unknown',
      'группа неизвестна',
      'тобы белгісіз',
      'тобу белгисиз',
      'гурӯҳ номаълум',
    ),
    vocabulary: 'incident_family',
  },
  targetCategory: {
    name: w(
      'Target category',
      'Категория преследуемых',
      'Нысана санаты',
      'Бутанын категориясы',
      'Категорияи ҳадаф',
    ),
    by: w(
      'target category',
      'категориям преследуемых',
      'нысана санаттары',
      'буталардын категориялары',
      'категорияҳои ҳадаф',
    ),
    none: w('no target', 'без цели', 'нысанасыз', 'бутасыз', 'бе ҳадаф'),
    vocabulary: 'target_category',
  },
  source: {
    name: w(
      'Source of threat',
      'Источник угрозы',
      'Қауіп көзі',
      'Коркунуч булагы',
      'Манбаи таҳдид',
    ),
    by: w(
      'source of threat',
      'источникам угрозы',
      'қауіп көздері',
      'коркунуч булактары',
      'манбаъҳои таҳдид',
    ),
    none: w(
      'no source of threat recorded',
      'источник угрозы не указан',
      'қауіп көзі көрсетілмеген',
      'коркунуч булагы көрсөтүлгөн эмес',
      'манбаи таҳдид қайд нашудааст',
    ),
    vocabulary: 'perpetrator_source',
  },
  right: {
    name: w('Right', 'Право', 'Құқық', 'Укук', 'Ҳуқуқ'),
    by: w('right', 'правам', 'құқықтар', 'укуктар', 'ҳуқуқҳо'),
    none: w(
      'no right recorded',
      'право не указано',
      'құқық көрсетілмеген',
      'укук көрсөтүлгөн эмес',
      'ҳуқуқ қайд нашудааст',
    ),
    vocabulary: 'right',
  },
  legalArticle: {
    name: w('Legal article', 'Статья закона', 'Заң бабы', 'Мыйзам беренеси', 'Моддаи қонун'),
    by: w('legal article', 'статьям закона', 'заң баптары', 'мыйзам беренелери', 'моддаҳои қонун'),
    none: w(
      'no legal basis recorded',
      'правовое основание не указано',
      'құқықтық негіз көрсетілмеген',
      'укуктук негиз көрсөтүлгөн эмес',
      'асоси ҳуқуқӣ қайд нашудааст',
    ),
  },
  verificationStatus: {
    name: w(
      'Verification status',
      'Статус проверки',
      'Тексеру мәртебесі',
      'Текшерүү абалы',
      'Ҳолати тафтиш',
    ),
    by: w(
      'verification status',
      'статусу проверки',
      'тексеру мәртебелері',
      'текшерүү абалдары',
      'ҳолатҳои тафтиш',
    ),
    none: w('unknown', 'неизвестно', 'белгісіз', 'белгисиз', 'номаълум'),
  },
} as const satisfies Record<string, DimensionWords>;
export type DimensionName = keyof typeof DIMENSION_WORDS;

const VERIFICATION = {
  verified: w('Verified', 'Проверено', 'Тексерілген', 'Текшерилген', 'Тафтишшуда'),
  unverified: w('Unverified', 'Не проверено', 'Тексерілмеген', 'Текшерилген эмес', 'Тафтишнашуда'),
};

const ARTICLE = w('art.', 'ст.', 'бап', 'берене', 'модда');

export const PHRASES = {
  and: w('and', 'и', 'және', 'жана', 'ва'),
  total: w('Total', 'Итого', 'Барлығы', 'Бардыгы', 'Ҳамагӣ'),
  totalTitle: w('total', 'всего', 'барлығы', 'бардыгы', 'ҳамагӣ'),
  source: w('Source', 'Источник', 'Дереккөз', 'Булак', 'Манбаъ'),
  defaultSource: w(
    'Rights Ledger register of incidents',
    'реестр инцидентов Rights Ledger',
    'Rights Ledger оқиғалар тізілімі',
    'Rights Ledger окуялар реестри',
    'феҳристи ҳодисаҳои Rights Ledger',
  ),
  asRecorded: w(
    'As recorded at',
    'По данным на',
    'Жазылған уақыты',
    'Жазылган убакыт',
    'Тибқи маълумот то',
  ),
  position: w('position', 'позиция', 'позиция', 'позиция', 'мавқеъ'),
  nothingRecorded: w(
    'nothing recorded yet',
    'записей ещё нет',
    'әлі жазба жоқ',
    'азырынча жазуу жок',
    'ҳоло сабт нест',
  ),
  snapshot: w('snapshot', 'снимок', 'сурет', 'сүрөт', 'акс'),
  filters: w('Filters', 'Фильтры', 'Сүзгілер', 'Чыпкалар', 'Филтрҳо'),
  noFilters: w(
    'all records, no filters',
    'все записи, без фильтров',
    'барлық жазбалар, сүзгісіз',
    'бардык жазуулар, чыпкасыз',
    'ҳамаи сабтҳо, бе филтр',
  ),
  from: w('from', 'с', 'бастап', 'баштап', 'аз'),
  to: w('to', 'по', 'дейін', 'чейин', 'то'),
  period: w('Period', 'Период', 'Кезең', 'Мезгил', 'Давра'),
  sourceRoleAny: w(
    'sources of threat: main and secondary',
    'источники угрозы: основные и второстепенные',
    'қауіп көздері: негізгі және қосалқы',
    'коркунуч булактары: негизги жана кошумча',
    'манбаъҳои таҳдид: асосӣ ва иловагӣ',
  ),
  unknownTimeLeftOut: w(
    '{n} with no known {dim} not shown',
    '{n} без известного периода не показаны',
    'кезеңі белгісіз {n} көрсетілмеген',
    'мезгили белгисиз {n} көрсөтүлгөн эмес',
    '{n} бе давраи маълум нишон дода нашудаанд',
  ),
  notAdditive: w(
    'one unit may fall in several bars: bars add up to more than the total ({total})',
    'одна единица может попасть в несколько столбцов: их сумма больше итога ({total})',
    'бір бірлік бірнеше бағанға түсуі мүмкін: қосындысы жиыннан ({total}) артық',
    'бир бирдик бир нече мамычага түшүшү мүмкүн: суммасы жыйынтыктан ({total}) көп',
    'як воҳид метавонад ба якчанд сутун дарояд: ҷамъашон аз ҳамагӣ ({total}) зиёд аст',
  ),
} as const satisfies Record<string, Record<Lang, string>>;

/** The label of a key of a dimension in a language: vocabulary labels, periods as they are. */
export function keyLabel(
  dimension: DimensionName,
  key: string | number | null,
  lang: Lang,
): string {
  const words: DimensionWords = DIMENSION_WORDS[dimension];
  if (key === null) return words.none[lang];
  if (dimension === 'verificationStatus') {
    return (
      (VERIFICATION as Record<string, Record<Lang, string>>)[String(key)]?.[lang] ?? String(key)
    );
  }
  if (dimension === 'legalArticle') return String(key).replace('|', `, ${ARTICLE[lang]} `);
  if (words.vocabulary !== undefined) {
    return labelOf(words.vocabulary, String(key), lang) ?? String(key);
  }
  return String(key);
}

export function isTimeDimension(dimension: string): boolean {
  return (DIMENSION_WORDS as Record<string, DimensionWords>)[dimension]?.time === true;
}

/** "Acts by month and target category", in the language's word order. */
export function queryTitle(
  measure: MeasureName,
  groupBy: readonly DimensionName[],
  lang: Lang,
): string {
  const what = MEASURE_NAMES[measure][lang];
  if (groupBy.length === 0) return `${what}, ${PHRASES.totalTitle[lang]}`;
  const dims = groupBy.map((g) => DIMENSION_WORDS[g].by[lang]).join(` ${PHRASES.and[lang]} `);
  switch (lang) {
    case 'en':
      return `${what} by ${dims}`;
    case 'ru':
      return `${what} по ${dims}`;
    case 'kk':
      return `${what}: ${dims} бойынша`;
    case 'ky':
      return `${what}: ${dims} боюнча`;
    case 'tg':
      return `${what} аз рӯи ${dims}`;
  }
}

/** The filters of a query, one phrase each, in words (labels, not codes). */
export interface QueryFilters {
  country?: readonly string[];
  region?: readonly string[];
  type?: readonly string[];
  family?: readonly string[];
  targetCategory?: readonly string[];
  source?: readonly string[];
  sourceRole?: 'main' | 'any';
  right?: readonly string[];
  legalArticle?: readonly string[];
  tag?: readonly string[];
  verificationStatus?: readonly string[];
  from?: string;
  to?: string;
  year?: readonly number[];
}

const LISTED_FILTERS = [
  'country',
  'region',
  'type',
  'family',
  'targetCategory',
  'source',
  'right',
  'legalArticle',
  'verificationStatus',
  'year',
] as const satisfies readonly DimensionName[];

const TAG = w('Tag', 'Метка', 'Белгі', 'Белги', 'Барчасп');

export function filtersInWords(filters: QueryFilters, lang: Lang): string[] {
  const lines: string[] = [];
  for (const name of LISTED_FILTERS) {
    const values = filters[name];
    if (values === undefined || values.length === 0) continue;
    const labels = values.map((v) => keyLabel(name, v, lang));
    lines.push(`${DIMENSION_WORDS[name].name[lang]}: ${labels.join(', ')}`);
  }
  if (filters.tag !== undefined && filters.tag.length > 0) {
    lines.push(`${TAG[lang]}: ${filters.tag.join(', ')}`);
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    const parts = [
      ...(filters.from !== undefined ? [`${PHRASES.from[lang]} ${filters.from}`] : []),
      ...(filters.to !== undefined ? [`${PHRASES.to[lang]} ${filters.to}`] : []),
    ];
    lines.push(`${PHRASES.period[lang]}: ${parts.join(' ')}`);
  }
  if (filters.sourceRole === 'any') lines.push(PHRASES.sourceRoleAny[lang]);
  return lines;
}

/** "Filters: Country: Kazakhstan; Year: 2020", or that there are none. */
export function filtersLine(filters: QueryFilters, lang: Lang): string {
  return filterWordsLine(filtersInWords(filters, lang), lang);
}

/** The same line from filters already in words (an answer's `filters`). */
export function filterWordsLine(words: readonly string[], lang: Lang): string {
  return `${PHRASES.filters[lang]}: ${words.length === 0 ? PHRASES.noFilters[lang] : words.join('; ')}`;
}

/** Where the figures stand: the position, when it was recorded, and the snapshot if any. */
export interface AsOfStamp {
  position: string;
  /** When the position was recorded (ISO 8601, UTC); null before anything was recorded. */
  positionTime: string | null;
  snapshotId?: string | null;
}

export function asOfLine(stamp: AsOfStamp, lang: Lang): string {
  const when =
    stamp.positionTime === null
      ? PHRASES.nothingRecorded[lang]
      : `${stamp.positionTime.slice(0, 19).replace('T', ' ')} UTC`;
  const snapshot =
    stamp.snapshotId != null ? `, ${PHRASES.snapshot[lang]} ${stamp.snapshotId}` : '';
  return `${PHRASES.asRecorded[lang]} ${when} (${PHRASES.position[lang]} ${stamp.position || '0'}${snapshot})`;
}

export function sourceLine(lang: Lang, source?: string): string {
  return `${PHRASES.source[lang]}: ${source ?? PHRASES.defaultSource[lang]}`;
}

/**
 * At most `max` characters, cut between words, never inside one: a word that does not fit
 * whole is left out (a single over-long first word is the only thing ever cut).
 */
export function fitWords(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  let out = '';
  for (const word of clean.split(' ')) {
    const next = out === '' ? word : `${out} ${word}`;
    if (next.length > max) break;
    out = next;
  }
  // Drop a dangling connector or punctuation the cut left at the end.
  out = out.replace(/[\s,:;–-]+$/, '');
  return out === '' ? clean.slice(0, max) : out;
}

/** Excel: at most 31 characters, none of []:*?/\, unique ignoring case; words kept whole. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = fitWords(title.replace(/[[\]:*?/\\]/g, ' '), 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` ${i}`;
    name = `${fitWords(base, 31 - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}
