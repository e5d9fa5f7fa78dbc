import { CountryCode } from './country.vocabulary';
import { defineVocabulary, Labels, LANGS, TermData } from './vocabulary';

/**
 * ISO 3166-2 subdivisions of the five Central Asian countries, with the codes in force.
 * Aliases carry former and transliterated names and the names of regional capitals, since only
 * the region has a code (Khujand and Leninabad resolve to Sughd).
 */
export const CURRENT_REGION_CODES = [
  // Kazakhstan: ISO replaced the letter codes by numeric ones in November 2022, when Abai,
  // Jetisu and Ulytau regions were created.
  'KZ-71',
  'KZ-75',
  'KZ-79',
  'KZ-10',
  'KZ-11',
  'KZ-15',
  'KZ-19',
  'KZ-23',
  'KZ-27',
  'KZ-31',
  'KZ-33',
  'KZ-35',
  'KZ-39',
  'KZ-43',
  'KZ-47',
  'KZ-55',
  'KZ-59',
  'KZ-61',
  'KZ-62',
  'KZ-63',
  // Kyrgyzstan
  'KG-GB',
  'KG-GO',
  'KG-B',
  'KG-C',
  'KG-J',
  'KG-N',
  'KG-O',
  'KG-T',
  'KG-Y',
  // Tajikistan
  'TJ-DU',
  'TJ-GB',
  'TJ-KT',
  'TJ-RA',
  'TJ-SU',
  // Uzbekistan: twelve regions, the Republic of Karakalpakstan and the city of Tashkent.
  'UZ-AN',
  'UZ-BU',
  'UZ-FA',
  'UZ-JI',
  'UZ-NG',
  'UZ-NW',
  'UZ-QA',
  'UZ-QR',
  'UZ-SA',
  'UZ-SI',
  'UZ-SU',
  'UZ-TK',
  'UZ-TO',
  'UZ-XO',
  // Turkmenistan: five velayats and the city of Ashgabat.
  'TM-A',
  'TM-B',
  'TM-D',
  'TM-L',
  'TM-M',
  'TM-S',
] as const;

/**
 * Kazakhstan's letter codes before November 2022. Data from before then (and the published
 * reports) use them, so they stay known, deprecated, each mapped to the code or codes that
 * now cover its territory. Where a region was split, an old event may mean either part.
 */
export const LEGACY_KZ_REGION_CODES = [
  'KZ-AST',
  'KZ-ALA',
  'KZ-SHY',
  'KZ-AKM',
  'KZ-AKT',
  'KZ-ALM',
  'KZ-ATY',
  'KZ-ZAP',
  'KZ-ZHA',
  'KZ-KAR',
  'KZ-KUS',
  'KZ-KZY',
  'KZ-MAN',
  'KZ-PAV',
  'KZ-SEV',
  'KZ-YUZ',
  'KZ-VOS',
] as const;

export const REGION_CODES = [...CURRENT_REGION_CODES, ...LEGACY_KZ_REGION_CODES] as const;
export type RegionCode = (typeof REGION_CODES)[number];
type CurrentRegionCode = (typeof CURRENT_REGION_CODES)[number];
type LegacyKzRegionCode = (typeof LEGACY_KZ_REGION_CODES)[number];

/** The country a region belongs to: ISO 3166-2 codes start with it. */
export function countryOfRegion(region: RegionCode): CountryCode {
  return region.slice(0, 2) as CountryCode;
}

const CURRENT: Readonly<Record<CurrentRegionCode, TermData<RegionCode>>> = {
  'KZ-71': {
    labels: { en: 'Astana', ru: 'Астана', kk: 'Астана', ky: 'Астана', tg: 'Остона' },
    // The capital was Akmola (1992–98), Astana, Nur-Sultan (2019–22), and Astana again.
    aliases: [
      'Nur-Sultan',
      'Нур-Султан',
      'Нұр-Сұлтан',
      'Akmola',
      'Акмола',
      'Ақмола',
      'Tselinograd',
      'Целиноград',
      'Akmolinsk',
      'Акмолинск',
    ],
  },
  'KZ-75': {
    labels: { en: 'Almaty', ru: 'Алматы', kk: 'Алматы', ky: 'Алматы', tg: 'Алмаато' },
    aliases: [
      'Alma-Ata',
      'Алма-Ата',
      'Almaty city',
      'город Алматы',
      'Алматы қаласы',
      'Verny',
      'Верный',
    ],
  },
  'KZ-79': {
    labels: { en: 'Shymkent', ru: 'Шымкент', kk: 'Шымкент', ky: 'Шымкент', tg: 'Чимкент' },
    aliases: ['Chimkent', 'Чимкент', 'Shymkent city', 'город Шымкент'],
  },
  'KZ-10': {
    labels: {
      en: 'Abai Region',
      ru: 'Область Абай',
      kk: 'Абай облысы',
      ky: 'Абай облусу',
      tg: 'Вилояти Абай',
    },
    aliases: [
      'Abay Region',
      'Абайская область',
      'Semey',
      'Семей',
      'Semipalatinsk',
      'Семипалатинск',
    ],
  },
  'KZ-11': {
    labels: {
      en: 'Akmola Region',
      ru: 'Акмолинская область',
      kk: 'Ақмола облысы',
      ky: 'Акмола облусу',
      tg: 'Вилояти Ақмола',
    },
    aliases: ['Aqmola Region', 'Kokshetau', 'Кокшетау', 'Көкшетау'],
  },
  'KZ-15': {
    labels: {
      en: 'Aktobe Region',
      ru: 'Актюбинская область',
      kk: 'Ақтөбе облысы',
      ky: 'Актөбө облусу',
      tg: 'Вилояти Ақтобе',
    },
    aliases: ['Aqtöbe Region', 'Aktobe', 'Aktyubinsk', 'Актобе', 'Ақтөбе', 'Актюбинск'],
  },
  'KZ-19': {
    labels: {
      en: 'Almaty Region',
      ru: 'Алматинская область',
      kk: 'Алматы облысы',
      ky: 'Алматы облусу',
      tg: 'Вилояти Алмаато',
    },
    aliases: ['Konaev', 'Qonaev', 'Конаев', 'Қонаев', 'Kapchagay', 'Капчагай'],
  },
  'KZ-23': {
    labels: {
      en: 'Atyrau Region',
      ru: 'Атырауская область',
      kk: 'Атырау облысы',
      ky: 'Атырау облусу',
      tg: 'Вилояти Атирау',
    },
    aliases: ['Atyrau', 'Атырау', 'Guryev', 'Гурьев'],
  },
  'KZ-27': {
    labels: {
      en: 'West Kazakhstan Region',
      ru: 'Западно-Казахстанская область',
      kk: 'Батыс Қазақстан облысы',
      ky: 'Батыш Казакстан облусу',
      tg: 'Вилояти Қазоқистони Ғарбӣ',
    },
    aliases: ['Batys Qazaqstan', 'Oral', 'Орал', 'Uralsk', 'Уральск'],
    reviewNeeded: true,
  },
  'KZ-31': {
    labels: {
      en: 'Zhambyl Region',
      ru: 'Жамбылская область',
      kk: 'Жамбыл облысы',
      ky: 'Жамбыл облусу',
      tg: 'Вилояти Жамбил',
    },
    aliases: ['Jambyl Region', 'Dzhambul Region', 'Taraz', 'Тараз', 'Dzhambul', 'Джамбул'],
    reviewNeeded: true,
  },
  'KZ-33': {
    labels: {
      en: 'Jetisu Region',
      ru: 'Жетысуская область',
      kk: 'Жетісу облысы',
      ky: 'Жетисуу облусу',
      tg: 'Вилояти Ҷетисув',
    },
    aliases: [
      'Zhetysu Region',
      'Zhetisu Region',
      // The official Russian name keeps the Kazakh spelling.
      'Область Жетісу',
      'Taldykorgan',
      'Талдыкорган',
      'Талдықорған',
    ],
    reviewNeeded: true,
  },
  'KZ-35': {
    labels: {
      en: 'Karaganda Region',
      ru: 'Карагандинская область',
      kk: 'Қарағанды облысы',
      ky: 'Караганды облусу',
      tg: 'Вилояти Қарағанда',
    },
    aliases: ['Qaraghandy Region', 'Karaganda', 'Караганда', 'Қарағанды'],
  },
  'KZ-39': {
    labels: {
      en: 'Kostanay Region',
      ru: 'Костанайская область',
      kk: 'Қостанай облысы',
      ky: 'Костанай облусу',
      tg: 'Вилояти Қостанай',
    },
    aliases: ['Qostanay Region', 'Kostanay', 'Kustanai', 'Костанай', 'Кустанай', 'Қостанай'],
  },
  'KZ-43': {
    labels: {
      en: 'Kyzylorda Region',
      ru: 'Кызылординская область',
      kk: 'Қызылорда облысы',
      ky: 'Кызылорда облусу',
      tg: 'Вилояти Қизилӯрда',
    },
    aliases: ['Qyzylorda Region', 'Kyzylorda', 'Кызылорда', 'Қызылорда'],
  },
  'KZ-47': {
    labels: {
      en: 'Mangystau Region',
      ru: 'Мангистауская область',
      kk: 'Маңғыстау облысы',
      ky: 'Маңгыстау облусу',
      tg: 'Вилояти Манғистау',
    },
    aliases: ['Mangghystau Region', 'Mangyshlak', 'Мангышлак', 'Aktau', 'Актау', 'Ақтау'],
    reviewNeeded: true,
  },
  'KZ-55': {
    labels: {
      en: 'Pavlodar Region',
      ru: 'Павлодарская область',
      kk: 'Павлодар облысы',
      ky: 'Павлодар облусу',
      tg: 'Вилояти Павлодар',
    },
    aliases: ['Pavlodar', 'Павлодар'],
  },
  'KZ-59': {
    labels: {
      en: 'North Kazakhstan Region',
      ru: 'Северо-Казахстанская область',
      kk: 'Солтүстік Қазақстан облысы',
      ky: 'Түндүк Казакстан облусу',
      tg: 'Вилояти Қазоқистони Шимолӣ',
    },
    aliases: ['Soltüstik Qazaqstan', 'Petropavl', 'Petropavlovsk', 'Петропавловск', 'Петропавл'],
    reviewNeeded: true,
  },
  'KZ-61': {
    labels: {
      en: 'Turkistan Region',
      ru: 'Туркестанская область',
      kk: 'Түркістан облысы',
      ky: 'Түркстан облусу',
      tg: 'Вилояти Туркистон',
    },
    // Named South Kazakhstan until 2018, when Shymkent became a city of republican significance.
    aliases: [
      'Turkestan Region',
      'South Kazakhstan Region',
      'Южно-Казахстанская область',
      'Оңтүстік Қазақстан облысы',
      'Turkistan',
      'Turkestan',
      'Туркестан',
      'Түркістан',
    ],
  },
  'KZ-62': {
    labels: {
      en: 'Ulytau Region',
      ru: 'Улытауская область',
      kk: 'Ұлытау облысы',
      ky: 'Улытау облусу',
      tg: 'Вилояти Улитау',
    },
    // The official Russian name keeps the Kazakh spelling.
    aliases: ['Область Ұлытау', 'Zhezkazgan', 'Жезказган', 'Жезқазған'],
    reviewNeeded: true,
  },
  'KZ-63': {
    labels: {
      en: 'East Kazakhstan Region',
      ru: 'Восточно-Казахстанская область',
      kk: 'Шығыс Қазақстан облысы',
      ky: 'Чыгыш Казакстан облусу',
      tg: 'Вилояти Қазоқистони Шарқӣ',
    },
    aliases: ['Shyghys Qazaqstan', 'Oskemen', 'Ust-Kamenogorsk', 'Усть-Каменогорск', 'Өскемен'],
    reviewNeeded: true,
  },
  'KG-GB': {
    labels: { en: 'Bishkek', ru: 'Бишкек', kk: 'Бішкек', ky: 'Бишкек', tg: 'Бишкек' },
    aliases: ['Frunze', 'Фрунзе', 'Pishpek', 'Пишпек'],
  },
  'KG-GO': {
    labels: { en: 'Osh', ru: 'Ош', kk: 'Ош', ky: 'Ош', tg: 'Ӯш' },
    aliases: ['Osh city', 'город Ош', 'Ош шаары'],
  },
  'KG-B': {
    labels: {
      en: 'Batken Region',
      ru: 'Баткенская область',
      kk: 'Баткен облысы',
      ky: 'Баткен облусу',
      tg: 'Вилояти Баткен',
    },
    aliases: ['Batken', 'Баткен'],
  },
  'KG-C': {
    labels: {
      en: 'Chüy Region',
      ru: 'Чуйская область',
      kk: 'Шу облысы',
      ky: 'Чүй облусу',
      tg: 'Вилояти Чуй',
    },
    aliases: ['Chuy Region', 'Chui Region', 'Chüy', 'Chuy', 'Chui', 'Чуй', 'Чүй'],
  },
  'KG-J': {
    labels: {
      en: 'Jalal-Abad Region',
      ru: 'Джалал-Абадская область',
      kk: 'Жалал-Абад облысы',
      ky: 'Жалал-Абад облусу',
      tg: 'Вилояти Ҷалолобод',
    },
    aliases: ['Jalal-Abad', 'Djalal-Abad', 'Jalalabad', 'Джалал-Абад', 'Жалал-Абад'],
  },
  'KG-N': {
    labels: {
      en: 'Naryn Region',
      ru: 'Нарынская область',
      kk: 'Нарын облысы',
      ky: 'Нарын облусу',
      tg: 'Вилояти Норин',
    },
    aliases: ['Naryn', 'Нарын'],
  },
  'KG-O': {
    labels: {
      en: 'Osh Region',
      ru: 'Ошская область',
      kk: 'Ош облысы',
      ky: 'Ош облусу',
      tg: 'Вилояти Ӯш',
    },
  },
  'KG-T': {
    labels: {
      en: 'Talas Region',
      ru: 'Таласская область',
      kk: 'Талас облысы',
      ky: 'Талас облусу',
      tg: 'Вилояти Талас',
    },
    aliases: ['Talas', 'Талас'],
  },
  'KG-Y': {
    labels: {
      en: 'Issyk-Kul Region',
      ru: 'Иссык-Кульская область',
      kk: 'Ыстықкөл облысы',
      ky: 'Ысык-Көл облусу',
      tg: 'Вилояти Иссиқкӯл',
    },
    aliases: [
      'Ysyk-Köl Region',
      'Issyk-Kul',
      'Иссык-Куль',
      'Ысык-Көл',
      'Karakol',
      'Каракол',
      'Przhevalsk',
      'Пржевальск',
    ],
    reviewNeeded: true,
  },
  'TJ-DU': {
    labels: { en: 'Dushanbe', ru: 'Душанбе', kk: 'Душанбе', ky: 'Душанбе', tg: 'Душанбе' },
    aliases: ['Stalinabad', 'Сталинабад', 'Сталинобод'],
  },
  'TJ-GB': {
    labels: {
      en: 'Gorno-Badakhshan Autonomous Region (GBAO)',
      ru: 'Горно-Бадахшанская автономная область (ГБАО)',
      kk: 'Таулы Бадахшан автономиялық облысы',
      ky: 'Тоолуу Бадахшан автономиялуу облусу',
      tg: 'Вилояти Мухтори Кӯҳистони Бадахшон (ВМКБ)',
    },
    aliases: [
      'GBAO',
      'ГБАО',
      'ВМКБ',
      'Kŭhistoni Badakhshon',
      'Kuhistoni Badakhshon',
      'Badakhshan',
      'Бадахшан',
      'Pamir',
      'Памир',
      'Khorog',
      'Хорог',
      'Хоруғ',
    ],
    reviewNeeded: true,
  },
  'TJ-KT': {
    labels: {
      en: 'Khatlon Region',
      ru: 'Хатлонская область',
      kk: 'Хатлон облысы',
      ky: 'Хатлон облусу',
      tg: 'Вилояти Хатлон',
    },
    aliases: [
      'Khatlon',
      'Хатлон',
      'Bokhtar',
      'Бохтар',
      'Kurgan-Tyube',
      'Курган-Тюбе',
      'Qurghonteppa',
      'Kulob',
      'Куляб',
      'Кӯлоб',
    ],
  },
  'TJ-RA': {
    labels: {
      en: 'Districts of Republican Subordination',
      ru: 'Районы республиканского подчинения',
      kk: 'Республикалық бағыныстағы аудандар',
      ky: 'Республикалык баш ийүүдөгү райондор',
      tg: 'Ноҳияҳои тобеи ҷумҳурӣ',
    },
    aliases: [
      'RRS',
      'RRP',
      'РРП',
      'НТҶ',
      'Nohiyahoi Tobei Jumhurí',
      'Region of Republican Subordination',
    ],
    reviewNeeded: true,
  },
  'TJ-SU': {
    labels: {
      en: 'Sughd Region',
      ru: 'Согдийская область',
      kk: 'Соғды облысы',
      ky: 'Согд облусу',
      tg: 'Вилояти Суғд',
    },
    aliases: [
      'Sughd',
      'Sogd',
      'Soghd',
      'Согд',
      'Суғд',
      'Leninabad Region',
      'Ленинабадская область',
      'Khujand',
      'Khudzhand',
      'Худжанд',
      'Хуҷанд',
      'Leninabad',
      'Ленинабад',
    ],
    reviewNeeded: true,
  },
  // Added in 2026.3; the Kazakh, Kyrgyz and Tajik names await a native speaker's review.
  'UZ-AN': {
    labels: {
      en: 'Andijan Region',
      ru: 'Андижанская область',
      kk: 'Әндіжан облысы',
      ky: 'Анжиян облусу',
      tg: 'Вилояти Андиҷон',
    },
    aliases: ['Andijan', 'Andijon', 'Andizhan', 'Андижан', 'Андиҷон'],
    reviewNeeded: true,
  },
  'UZ-BU': {
    labels: {
      en: 'Bukhara Region',
      ru: 'Бухарская область',
      kk: 'Бұхара облысы',
      ky: 'Бухара облусу',
      tg: 'Вилояти Бухоро',
    },
    aliases: ['Bukhara', 'Buxoro', 'Бухара', 'Бухоро'],
    reviewNeeded: true,
  },
  'UZ-FA': {
    labels: {
      en: 'Fergana Region',
      ru: 'Ферганская область',
      kk: 'Ферғана облысы',
      ky: 'Фергана облусу',
      tg: 'Вилояти Фарғона',
    },
    aliases: ["Farg'ona", 'Fergana city', 'Фергана', 'Фарғона'],
    reviewNeeded: true,
  },
  'UZ-JI': {
    labels: {
      en: 'Jizzakh Region',
      ru: 'Джизакская область',
      kk: 'Жызақ облысы',
      ky: 'Жизак облусу',
      tg: 'Вилояти Ҷиззах',
    },
    aliases: ['Jizzakh', 'Jizzax', 'Dzhizak', 'Джизак'],
    reviewNeeded: true,
  },
  'UZ-NG': {
    labels: {
      en: 'Namangan Region',
      ru: 'Наманганская область',
      kk: 'Наманган облысы',
      ky: 'Наманган облусу',
      tg: 'Вилояти Намангон',
    },
    aliases: ['Namangan', 'Наманган'],
    reviewNeeded: true,
  },
  'UZ-NW': {
    labels: {
      en: 'Navoiy Region',
      ru: 'Навоийская область',
      kk: 'Науаи облысы',
      ky: 'Навои облусу',
      tg: 'Вилояти Навоӣ',
    },
    aliases: ['Navoiy', 'Navoi', 'Навои'],
    reviewNeeded: true,
  },
  'UZ-QA': {
    labels: {
      en: 'Kashkadarya Region',
      ru: 'Кашкадарьинская область',
      kk: 'Қашқадария облысы',
      ky: 'Кашкадарыя облусу',
      tg: 'Вилояти Қашқадарё',
    },
    aliases: ['Qashqadaryo', 'Kashkadarya', 'Qarshi', 'Karshi', 'Карши'],
    reviewNeeded: true,
  },
  'UZ-QR': {
    labels: {
      en: 'Republic of Karakalpakstan',
      ru: 'Республика Каракалпакстан',
      kk: 'Қарақалпақстан Республикасы',
      ky: 'Каракалпакстан Республикасы',
      tg: 'Ҷумҳурии Қарақалпоқистон',
    },
    aliases: ["Qoraqalpog'iston", 'Karakalpakstan', 'Каракалпакстан', 'Nukus', 'Нукус'],
    reviewNeeded: true,
  },
  'UZ-SA': {
    labels: {
      en: 'Samarkand Region',
      ru: 'Самаркандская область',
      kk: 'Самарқанд облысы',
      ky: 'Самарканд облусу',
      tg: 'Вилояти Самарқанд',
    },
    aliases: ['Samarkand', 'Samarqand', 'Самарканд'],
    reviewNeeded: true,
  },
  'UZ-SI': {
    labels: {
      en: 'Syrdarya Region',
      ru: 'Сырдарьинская область',
      kk: 'Сырдария облысы',
      ky: 'Сырдарыя облусу',
      tg: 'Вилояти Сирдарё',
    },
    aliases: ['Sirdaryo', 'Syrdarya', 'Gulistan', 'Гулистан'],
    reviewNeeded: true,
  },
  'UZ-SU': {
    labels: {
      en: 'Surxondaryo Region',
      ru: 'Сурхандарьинская область',
      kk: 'Сурхандария облысы',
      ky: 'Сурхандарыя облусу',
      tg: 'Вилояти Сурхондарё',
    },
    aliases: ['Surkhandarya', 'Surxondaryo', 'Termez', 'Termiz', 'Термез'],
    reviewNeeded: true,
  },
  'UZ-TK': {
    labels: { en: 'Tashkent', ru: 'Ташкент', kk: 'Ташкент', ky: 'Ташкент', tg: 'Тошканд' },
    aliases: ['Toshkent', 'Tashkent city', 'город Ташкент'],
    reviewNeeded: true,
  },
  'UZ-TO': {
    labels: {
      en: 'Tashkent Region',
      ru: 'Ташкентская область',
      kk: 'Ташкент облысы',
      ky: 'Ташкент облусу',
      tg: 'Вилояти Тошканд',
    },
    aliases: ['Toshkent viloyati', 'Toshkent Region'],
    reviewNeeded: true,
  },
  'UZ-XO': {
    labels: {
      en: 'Khorezm Region',
      ru: 'Хорезмская область',
      kk: 'Хорезм облысы',
      ky: 'Хорезм облусу',
      tg: 'Вилояти Хоразм',
    },
    aliases: ['Xorazm', 'Khorazm', 'Khorezm', 'Urgench', 'Urganch', 'Ургенч'],
    reviewNeeded: true,
  },
  'TM-A': {
    labels: {
      en: 'Ahal Region',
      ru: 'Ахалский велаят',
      kk: 'Ахал уәлаяты',
      ky: 'Ахал велаяты',
      tg: 'Вилояти Аҳал',
    },
    aliases: ['Ahal', 'Akhal', 'Ахал', 'Anau', 'Änew'],
    reviewNeeded: true,
  },
  'TM-B': {
    labels: {
      en: 'Balkan Region',
      ru: 'Балканский велаят',
      kk: 'Балқан уәлаяты',
      ky: 'Балкан велаяты',
      tg: 'Вилояти Балкан',
    },
    aliases: ['Balkan', 'Balkanabat', 'Балканабад', 'Nebit-Dag', 'Небит-Даг'],
    reviewNeeded: true,
  },
  'TM-D': {
    labels: {
      en: 'Daşoguz Region',
      ru: 'Дашогузский велаят',
      kk: 'Дашоғыз уәлаяты',
      ky: 'Дашогуз велаяты',
      tg: 'Вилояти Дашоғуз',
    },
    aliases: ['Dashoguz', 'Daşoguz', 'Dashhowuz', 'Tashauz', 'Дашогуз', 'Ташауз'],
    reviewNeeded: true,
  },
  'TM-L': {
    labels: {
      en: 'Lebap Region',
      ru: 'Лебапский велаят',
      kk: 'Лебап уәлаяты',
      ky: 'Лебап велаяты',
      tg: 'Вилояти Лебоб',
    },
    aliases: ['Lebap', 'Türkmenabat', 'Turkmenabat', 'Туркменабад', 'Chardzhou', 'Чарджоу'],
    reviewNeeded: true,
  },
  'TM-M': {
    labels: {
      en: 'Mary Region',
      ru: 'Марыйский велаят',
      kk: 'Мары уәлаяты',
      ky: 'Мары велаяты',
      tg: 'Вилояти Марв',
    },
    aliases: ['Mary', 'Мары'],
    reviewNeeded: true,
  },
  'TM-S': {
    labels: { en: 'Ashgabat', ru: 'Ашхабад', kk: 'Ашхабад', ky: 'Ашхабад', tg: 'Ашқобод' },
    aliases: ['Aşgabat', 'Ashkhabad', 'Ашгабат'],
    reviewNeeded: true,
  },
};

const LEGACY_SUFFIX: Labels = {
  en: ' (ISO code before 2022)',
  ru: ' (код ИСО до 2022 года)',
  kk: ' (2022 жылға дейінгі ИСО коды)',
  ky: ' (2022-жылга чейинки ИСО коду)',
  tg: ' (рамзи ИСО то соли 2022)',
};

/** A withdrawn code, labelled after the region that now has its name. */
function legacy(replacedBy: readonly CurrentRegionCode[], labels?: Labels): TermData<RegionCode> {
  const base = labels ?? CURRENT[replacedBy[0]].labels;
  return {
    labels: Object.fromEntries(LANGS.map((l) => [l, base[l] + LEGACY_SUFFIX[l]])) as Labels,
    deprecated: { since: '2026.1', replacedBy },
  };
}

const LEGACY: Readonly<Record<LegacyKzRegionCode, TermData<RegionCode>>> = {
  'KZ-AST': legacy(['KZ-71']),
  'KZ-ALA': legacy(['KZ-75']),
  'KZ-SHY': legacy(['KZ-79']),
  'KZ-AKM': legacy(['KZ-11']),
  'KZ-AKT': legacy(['KZ-15']),
  'KZ-ALM': legacy(['KZ-19', 'KZ-33']),
  'KZ-ATY': legacy(['KZ-23']),
  'KZ-ZAP': legacy(['KZ-27']),
  'KZ-ZHA': legacy(['KZ-31']),
  'KZ-KAR': legacy(['KZ-35', 'KZ-62']),
  'KZ-KUS': legacy(['KZ-39']),
  'KZ-KZY': legacy(['KZ-43']),
  'KZ-MAN': legacy(['KZ-47']),
  'KZ-PAV': legacy(['KZ-55']),
  'KZ-SEV': legacy(['KZ-59']),
  // South Kazakhstan Region, which until 2018 also held Shymkent.
  'KZ-YUZ': legacy(['KZ-61', 'KZ-79'], {
    en: 'South Kazakhstan Region',
    ru: 'Южно-Казахстанская область',
    kk: 'Оңтүстік Қазақстан облысы',
    ky: 'Түштүк Казакстан облусу',
    tg: 'Вилояти Қазоқистони Ҷанубӣ',
  }),
  'KZ-VOS': legacy(['KZ-63', 'KZ-10']),
};

// 2026.2: Russian and Tajik labels in their own alphabets (labels only; no code changed).
// 2026.3: the regions of Uzbekistan and Turkmenistan.
export const REGION_VOCABULARY = defineVocabulary('region', '2026.3', REGION_CODES, {
  ...CURRENT,
  ...LEGACY,
});
