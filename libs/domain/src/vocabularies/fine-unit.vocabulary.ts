import { defineVocabulary } from './vocabulary';

export const FINE_UNITS = ['kzt', 'mci', 'kgs', 'tjs', 'usd', 'rub'] as const;
export type FineUnit = (typeof FINE_UNITS)[number];

/**
 * Kazakhstan sets fines in MCI, whose tenge value is re-set every year, so an amount in MCI
 * means nothing without its year.
 */
export function fineUnitNeedsYear(unit: FineUnit): boolean {
  return unit === 'mci';
}

export const FINE_UNIT_VOCABULARY = defineVocabulary('fine_unit', '2026.1', FINE_UNITS, {
  kzt: {
    labels: {
      en: 'Kazakhstani tenge (KZT)',
      ru: 'Казахстанский тенге',
      kk: 'Қазақстан теңгесі',
      ky: 'Казакстан теңгеси',
      tg: 'Тангаи Қазоқистон',
    },
    aliases: ['KZT', 'tenge', '₸', 'тенге', 'теңге'],
  },
  mci: {
    labels: {
      en: 'Monthly calculation index (MCI)',
      ru: 'Месячный расчётный показатель (МРП)',
      kk: 'Айлық есептік көрсеткіш (АЕК)',
      ky: 'Айлык эсептик көрсөткүч (АЭК)',
      tg: 'Нишондиҳандаи ҳисобии моҳона (НҲМ)',
    },
    aliases: ['MCI', 'MRP', 'МРП', 'АЕК'],
    reviewNeeded: true,
  },
  kgs: {
    labels: {
      en: 'Kyrgyz som (KGS)',
      ru: 'Кыргызский сом',
      kk: 'Қырғыз сомы',
      ky: 'Кыргыз сому',
      tg: 'Соми қирғизӣ',
    },
    aliases: ['KGS', 'som', 'сом'],
  },
  tjs: {
    labels: {
      en: 'Tajik somoni (TJS)',
      ru: 'Таджикский сомони',
      kk: 'Тәжік сомониі',
      ky: 'Тажик сомониси',
      tg: 'Сомонии тоҷикӣ',
    },
    aliases: ['TJS', 'somoni', 'сомони'],
    reviewNeeded: true,
  },
  usd: {
    labels: {
      en: 'US dollar (USD)',
      ru: 'Доллар США',
      kk: 'АҚШ доллары',
      ky: 'АКШ доллары',
      tg: 'Доллари ИМА',
    },
    aliases: ['USD', 'dollar', '$', 'доллар'],
  },
  rub: {
    labels: {
      en: 'Russian rouble (RUB)',
      ru: 'Российский рубль',
      kk: 'Ресей рублі',
      ky: 'Орусия рублу',
      tg: 'Рубли Русия',
    },
    aliases: ['RUB', 'rouble', 'ruble', '₽', 'рубль', 'руб'],
  },
});
