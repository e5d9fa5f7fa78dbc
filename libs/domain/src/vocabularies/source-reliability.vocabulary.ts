import { defineVocabulary } from './vocabulary';

/**
 * A coarser ESF MT 42: `high` = highly or likely reliable, `medium` = unsure, `low` = likely or
 * highly unreliable.
 */
export const SOURCE_RELIABILITIES = ['high', 'medium', 'low', 'unknown'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITIES)[number];

export const SOURCE_RELIABILITY_VOCABULARY = defineVocabulary(
  'source_reliability',
  '2026.1',
  SOURCE_RELIABILITIES,
  {
    high: { labels: { en: 'High', ru: 'Высокая', kk: 'Жоғары', ky: 'Жогорку', tg: 'Баланд' } },
    medium: { labels: { en: 'Medium', ru: 'Средняя', kk: 'Орташа', ky: 'Орточо', tg: 'Миёна' } },
    low: { labels: { en: 'Low', ru: 'Низкая', kk: 'Төмен', ky: 'Төмөн', tg: 'Паст' } },
    unknown: {
      labels: { en: 'Unknown', ru: 'Неизвестна', kk: 'Белгісіз', ky: 'Белгисиз', tg: 'Номаълум' },
    },
  },
);
