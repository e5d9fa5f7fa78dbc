import { defineVocabulary } from './vocabulary';

/** What happened next in a case: later events on the same incident (ESF act status / intervention). */
export const OUTCOME_TYPES = [
  'charged',
  'convicted',
  'acquitted',
  'charges_dropped',
  'released',
  'early_release',
  'pardoned',
  'appeal_lodged',
  'appeal_rejected',
  'lawsuit_won',
  'un_opinion_issued',
  'fled_abroad',
  'hunger_strike',
  'died',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

// Labels are nouns or impersonal phrases so they need no grammatical gender in ru/tg.
export const OUTCOME_VOCABULARY = defineVocabulary('outcome', '2026.1', OUTCOME_TYPES, {
  charged: {
    labels: {
      en: 'Charged',
      ru: 'Предъявлено обвинение',
      kk: 'Айып тағылды',
      ky: 'Айып тагылды',
      tg: 'Айб эълон карда шуд',
    },
    reviewNeeded: true,
  },
  // The sentence's parts (custodial, freedom restriction, probation, fine) travel with the outcome.
  convicted: {
    labels: {
      en: 'Convicted',
      ru: 'Обвинительный приговор',
      kk: 'Айыптау үкімі',
      ky: 'Айыптоо өкүмү',
      tg: 'Ҳукми айбдоркунанда',
    },
    aliases: ['sentenced', 'осуждён', 'сотталды', 'соттолду'],
  },
  acquitted: {
    labels: {
      en: 'Acquitted',
      ru: 'Оправдательный приговор',
      kk: 'Ақтау үкімі',
      ky: 'Актоо өкүмү',
      tg: 'Ҳукми сафедкунанда',
    },
    aliases: ['оправдан'],
  },
  charges_dropped: {
    labels: {
      en: 'Charges dropped',
      ru: 'Обвинение снято',
      kk: 'Айып алынып тасталды',
      ky: 'Айып алынып салынды',
      tg: 'Айб бекор карда шуд',
    },
    aliases: ['case closed', 'дело прекращено'],
    reviewNeeded: true,
  },
  released: {
    labels: { en: 'Released', ru: 'Освобождение', kk: 'Босату', ky: 'Бошотуу', tg: 'Озод кардан' },
    aliases: ['освобождён'],
  },
  early_release: {
    labels: {
      en: 'Early release',
      ru: 'Досрочное освобождение',
      kk: 'Мерзімінен бұрын босату',
      ky: 'Мөөнөтүнөн мурда бошотуу',
      tg: 'Пеш аз мӯҳлат озод кардан',
    },
    aliases: ['parole', 'УДО'],
  },
  pardoned: {
    labels: {
      en: 'Pardoned',
      ru: 'Помилование',
      kk: 'Кешірім жасау',
      ky: 'Ырайым кылуу',
      tg: 'Афв',
    },
    aliases: ['pardon', 'амнистия', 'amnesty'],
    reviewNeeded: true,
  },
  appeal_lodged: {
    labels: {
      en: 'Appeal lodged',
      ru: 'Подана апелляция',
      kk: 'Апелляциялық шағым берілді',
      ky: 'Апелляциялык арыз берилди',
      tg: 'Шикояти апеллятсионӣ пешниҳод шуд',
    },
    reviewNeeded: true,
  },
  appeal_rejected: {
    labels: {
      en: 'Appeal rejected',
      ru: 'Апелляция отклонена',
      kk: 'Апелляциялық шағым қанағаттандырылмады',
      ky: 'Апелляциялык арыз четке кагылды',
      tg: 'Шикояти апеллятсионӣ рад шуд',
    },
    reviewNeeded: true,
  },
  lawsuit_won: {
    labels: {
      en: 'Lawsuit won',
      ru: 'Иск удовлетворён',
      kk: 'Сот талабы қанағаттандырылды',
      ky: 'Доо арыз канааттандырылды',
      tg: 'Даъво қонеъ гардонида шуд',
    },
    reviewNeeded: true,
  },
  un_opinion_issued: {
    labels: {
      en: 'UN body opinion issued',
      ru: 'Мнение органа ООН',
      kk: 'БҰҰ органының қорытындысы',
      ky: 'БУУ органынын корутундусу',
      tg: 'Хулосаи мақоми СММ',
    },
    aliases: ['WGAD opinion', 'UN opinion', 'решение комитета ООН'],
  },
  fled_abroad: {
    labels: {
      en: 'Fled abroad',
      ru: 'Вынужденный отъезд за рубеж',
      kk: 'Шетелге кетуге мәжбүр болу',
      ky: 'Чет өлкөгө кетүүгө аргасыз болуу',
      tg: 'Маҷбуран тарк кардани кишвар',
    },
    aliases: ['exile', 'эмиграция'],
  },
  hunger_strike: {
    labels: {
      en: 'Hunger strike',
      ru: 'Голодовка',
      kk: 'Аштық жариялау',
      ky: 'Ачкачылык жарыялоо',
      tg: 'Гуруснанишинӣ',
    },
  },
  died: {
    labels: { en: 'Died', ru: 'Смерть', kk: 'Қайтыс болу', ky: 'Каза болуу', tg: 'Фавт' },
    aliases: ['death', 'умер', 'скончался'],
  },
});
