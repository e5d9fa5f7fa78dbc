import { defineVocabulary } from './vocabulary';

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const DATE_PRECISION_VOCABULARY = defineVocabulary(
  'date_precision',
  '2026.1',
  DATE_PRECISIONS,
  {
    day: { labels: { en: 'Day', ru: 'День', kk: 'Күн', ky: 'Күн', tg: 'Рӯз' } },
    month: { labels: { en: 'Month', ru: 'Месяц', kk: 'Ай', ky: 'Ай', tg: 'Моҳ' } },
    year: { labels: { en: 'Year', ru: 'Год', kk: 'Жыл', ky: 'Жыл', tg: 'Сол' } },
  },
);
