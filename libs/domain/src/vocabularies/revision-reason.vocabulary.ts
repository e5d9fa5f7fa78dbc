import { defineVocabulary } from './vocabulary';

/** Why a recorded fact was corrected: corrections are events, never silent edits. */
export const CORRECTION_REASONS = [
  'typo',
  'new_evidence',
  'source_retracted',
  'reclassified',
] as const;
export type CorrectionReason = (typeof CORRECTION_REASONS)[number];

/** Why a whole incident was retracted; it then stops counting everywhere. */
export const RETRACTION_REASONS = [
  'duplicate_entry',
  'source_retracted',
  'not_a_rights_violation',
  'recorded_in_error',
  'other',
] as const;
export type RetractionReason = (typeof RETRACTION_REASONS)[number];

const sourceRetracted = {
  labels: {
    en: 'Source retracted',
    ru: 'Источник отозвал сведения',
    kk: 'Дереккөз мәліметтерін кері қайтарып алды',
    ky: 'Булак маалыматын кайра чакырып алды',
    tg: 'Манбаъ иттилоотро бозпас гирифт',
  },
  reviewNeeded: true,
} as const;

export const CORRECTION_REASON_VOCABULARY = defineVocabulary(
  'correction_reason',
  '2026.1',
  CORRECTION_REASONS,
  {
    typo: {
      labels: {
        en: 'Typo',
        ru: 'Опечатка',
        kk: 'Жазудағы қате',
        ky: 'Жазуудагы ката',
        tg: 'Хатои имлоӣ',
      },
    },
    new_evidence: {
      labels: {
        en: 'New evidence',
        ru: 'Новые доказательства',
        kk: 'Жаңа дәлелдер',
        ky: 'Жаңы далилдер',
        tg: 'Далелҳои нав',
      },
    },
    source_retracted: sourceRetracted,
    reclassified: {
      labels: {
        en: 'Reclassified',
        ru: 'Переклассификация',
        kk: 'Қайта жіктеу',
        ky: 'Кайра классификациялоо',
        tg: 'Таснифи дубора',
      },
    },
  },
);

export const RETRACTION_REASON_VOCABULARY = defineVocabulary(
  'retraction_reason',
  '2026.1',
  RETRACTION_REASONS,
  {
    duplicate_entry: {
      labels: {
        en: 'Duplicate entry',
        ru: 'Повторная запись',
        kk: 'Қайталанған жазба',
        ky: 'Кайталанган жазуу',
        tg: 'Сабти такрорӣ',
      },
      aliases: ['duplicate', 'дубликат', 'дубль'],
    },
    source_retracted: sourceRetracted,
    not_a_rights_violation: {
      labels: {
        en: 'Not a rights violation',
        ru: 'Не является нарушением прав',
        kk: 'Құқық бұзушылық емес',
        ky: 'Укук бузуу эмес',
        tg: 'Вайронкунии ҳуқуқ нест',
      },
    },
    recorded_in_error: {
      labels: {
        en: 'Recorded in error',
        ru: 'Внесено по ошибке',
        kk: 'Қателікпен енгізілген',
        ky: 'Ката киргизилген',
        tg: 'Бо хато сабт шудааст',
      },
    },
    other: { labels: { en: 'Other', ru: 'Другое', kk: 'Басқа', ky: 'Башка', tg: 'Дигар' } },
  },
);
