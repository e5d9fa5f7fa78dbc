import { defineVocabulary } from './vocabulary';

/**
 * ISO 3166-1 alpha-2. Central Asia and Russia first, then the countries transnational cases
 * lead to (exile, extradition, deportation, pressure from abroad). Add more by a new version.
 */
export const COUNTRY_CODES = [
  'KZ',
  'KG',
  'TJ',
  'UZ',
  'TM',
  'AF',
  'RU',
  'BY',
  'UA',
  'GE',
  'TR',
  'AE',
  'CN',
  'DE',
  'NL',
  'AT',
  'PL',
  'CZ',
  'GB',
  'US',
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

export const COUNTRY_VOCABULARY = defineVocabulary('country', '2026.1', COUNTRY_CODES, {
  KZ: {
    labels: {
      en: 'Kazakhstan',
      ru: 'Казахстан',
      kk: 'Қазақстан',
      ky: 'Казакстан',
      tg: 'Қазоқистон',
    },
  },
  KG: {
    labels: {
      en: 'Kyrgyzstan',
      ru: 'Кыргызстан',
      kk: 'Қырғызстан',
      ky: 'Кыргызстан',
      tg: 'Қирғизистон',
    },
    aliases: ['Kyrgyz Republic', 'Kirghizia', 'Киргизия', 'Кыргызская Республика'],
  },
  TJ: {
    labels: {
      en: 'Tajikistan',
      ru: 'Таджикистан',
      kk: 'Тәжікстан',
      ky: 'Тажикстан',
      tg: 'Тоҷикистон',
    },
  },
  UZ: {
    labels: {
      en: 'Uzbekistan',
      ru: 'Узбекистан',
      kk: 'Өзбекстан',
      ky: 'Өзбекстан',
      tg: 'Ӯзбекистон',
    },
  },
  TM: {
    labels: {
      en: 'Turkmenistan',
      ru: 'Туркменистан',
      kk: 'Түрікменстан',
      ky: 'Түркмөнстан',
      tg: 'Туркманистон',
    },
  },
  AF: {
    labels: {
      en: 'Afghanistan',
      ru: 'Афганистан',
      kk: 'Ауғанстан',
      ky: 'Ооганстан',
      tg: 'Афғонистон',
    },
  },
  RU: {
    labels: { en: 'Russia', ru: 'Россия', kk: 'Ресей', ky: 'Орусия', tg: 'Русия' },
    aliases: ['Russian Federation', 'Российская Федерация', 'Россия Федерациясы'],
  },
  BY: {
    labels: { en: 'Belarus', ru: 'Беларусь', kk: 'Беларусь', ky: 'Беларусь', tg: 'Беларус' },
    aliases: ['Белоруссия'],
  },
  UA: {
    labels: { en: 'Ukraine', ru: 'Украина', kk: 'Украина', ky: 'Украина', tg: 'Украина' },
  },
  GE: {
    labels: { en: 'Georgia', ru: 'Грузия', kk: 'Грузия', ky: 'Грузия', tg: 'Гурҷистон' },
  },
  TR: {
    labels: { en: 'Turkey', ru: 'Турция', kk: 'Түркия', ky: 'Түркия', tg: 'Туркия' },
    aliases: ['Türkiye', 'Turkiye'],
  },
  AE: {
    labels: {
      en: 'United Arab Emirates',
      ru: 'Объединённые Арабские Эмираты',
      kk: 'Біріккен Араб Әмірліктері',
      ky: 'Бириккен Араб Эмирликтери',
      tg: 'Аморати Муттаҳидаи Араб',
    },
    aliases: ['UAE', 'ОАЭ', 'БАӘ'],
  },
  CN: {
    labels: { en: 'China', ru: 'Китай', kk: 'Қытай', ky: 'Кытай', tg: 'Хитой' },
    aliases: ['PRC', 'КНР', 'ҚХР'],
  },
  DE: {
    labels: { en: 'Germany', ru: 'Германия', kk: 'Германия', ky: 'Германия', tg: 'Олмон' },
  },
  NL: {
    labels: {
      en: 'Netherlands',
      ru: 'Нидерланды',
      kk: 'Нидерланд',
      ky: 'Нидерланд',
      tg: 'Нидерландия',
    },
    aliases: ['Holland', 'Голландия'],
    reviewNeeded: true,
  },
  AT: {
    labels: { en: 'Austria', ru: 'Австрия', kk: 'Австрия', ky: 'Австрия', tg: 'Австрия' },
  },
  PL: {
    labels: { en: 'Poland', ru: 'Польша', kk: 'Польша', ky: 'Польша', tg: 'Лаҳистон' },
  },
  CZ: {
    labels: { en: 'Czechia', ru: 'Чехия', kk: 'Чехия', ky: 'Чехия', tg: 'Чехия' },
    aliases: ['Czech Republic', 'Чешская Республика'],
  },
  GB: {
    labels: {
      en: 'United Kingdom',
      ru: 'Великобритания',
      kk: 'Ұлыбритания',
      ky: 'Улуу Британия',
      tg: 'Британияи Кабир',
    },
    aliases: ['UK', 'Britain', 'Great Britain', 'Англия'],
  },
  US: {
    labels: {
      en: 'United States',
      ru: 'Соединённые Штаты Америки',
      kk: 'Америка Құрама Штаттары',
      ky: 'Америка Кошмо Штаттары',
      tg: 'Иёлоти Муттаҳидаи Амрико',
    },
    aliases: ['USA', 'US', 'США', 'АҚШ', 'АКШ', 'ИМА'],
  },
});
