import { defineVocabulary } from './vocabulary';

/** The first three are the rights Kadyr-Kasiyet's data tracks. */
export const RIGHTS = [
  'freedom_of_peaceful_assembly',
  'freedom_of_association',
  'freedom_of_expression',
  'liberty_and_security',
  'fair_trial',
  'freedom_from_torture',
  'right_to_life',
  'freedom_of_religion',
  'privacy',
  'freedom_of_movement',
  'labour_rights',
  'non_discrimination',
  'political_participation',
  'property_and_housing',
] as const;
export type Right = (typeof RIGHTS)[number];

export const RIGHT_VOCABULARY = defineVocabulary('right', '2026.1', RIGHTS, {
  freedom_of_peaceful_assembly: {
    labels: {
      en: 'Freedom of peaceful assembly',
      ru: 'Свобода мирных собраний',
      kk: 'Бейбіт жиналыс бостандығы',
      ky: 'Тынч жыйындар эркиндиги',
      tg: 'Озодии ҷамъомадҳои осоишта',
    },
  },
  freedom_of_association: {
    labels: {
      en: 'Freedom of association',
      ru: 'Свобода объединений',
      kk: 'Бірлестіктер бостандығы',
      ky: 'Бирикмелер эркиндиги',
      tg: 'Озодии иттиҳодияҳо',
    },
  },
  freedom_of_expression: {
    labels: {
      en: 'Freedom of expression',
      ru: 'Свобода выражения мнений',
      kk: 'Пікір білдіру бостандығы',
      ky: 'Пикир билдирүү эркиндиги',
      tg: 'Озодии сухан ва баён',
    },
    aliases: ['freedom of speech', 'свобода слова', 'сөз бостандығы', 'сөз эркиндиги'],
  },
  liberty_and_security: {
    labels: {
      en: 'Liberty and security of person',
      ru: 'Право на свободу и личную неприкосновенность',
      kk: 'Бостандық пен жеке басқа қол сұғылмаушылық құқығы',
      ky: 'Эркиндикке жана жеке кол тийбестикке укук',
      tg: 'Ҳуқуқ ба озодӣ ва дахлнопазирии шахсӣ',
    },
  },
  fair_trial: {
    labels: {
      en: 'Fair trial',
      ru: 'Право на справедливое судебное разбирательство',
      kk: 'Әділ сот талқылауына құқық',
      ky: 'Адилеттүү сот териштирүүсүнө укук',
      tg: 'Ҳуқуқ ба муҳокимаи одилонаи судӣ',
    },
  },
  freedom_from_torture: {
    labels: {
      en: 'Freedom from torture and ill-treatment',
      ru: 'Свобода от пыток и жестокого обращения',
      kk: 'Азаптаудан және қатыгез қарым-қатынастан азат болу құқығы',
      ky: 'Кыйноолордон жана катаал мамиледен эркин болуу укугу',
      tg: 'Ҳуқуқ ба озодӣ аз шиканҷа ва муносибати бераҳмона',
    },
    reviewNeeded: true,
  },
  right_to_life: {
    labels: {
      en: 'Right to life',
      ru: 'Право на жизнь',
      kk: 'Өмір сүру құқығы',
      ky: 'Жашоого укук',
      tg: 'Ҳуқуқ ба ҳаёт',
    },
  },
  freedom_of_religion: {
    labels: {
      en: 'Freedom of religion or belief',
      ru: 'Свобода вероисповедания',
      kk: 'Діни сенім бостандығы',
      ky: 'Дин тутуу эркиндиги',
      tg: 'Озодии виҷдон ва эътиқод',
    },
  },
  privacy: {
    labels: {
      en: 'Right to privacy',
      ru: 'Право на неприкосновенность частной жизни',
      kk: 'Жеке өмірге қол сұғылмаушылық құқығы',
      ky: 'Жеке турмушка кол тийбестик укугу',
      tg: 'Ҳуқуқ ба дахлнопазирии ҳаёти шахсӣ',
    },
  },
  freedom_of_movement: {
    labels: {
      en: 'Freedom of movement',
      ru: 'Свобода передвижения',
      kk: 'Жүріп-тұру бостандығы',
      ky: 'Жүрүп-туруу эркиндиги',
      tg: 'Озодии ҳаракат',
    },
  },
  labour_rights: {
    labels: {
      en: 'Labour rights',
      ru: 'Трудовые права',
      kk: 'Еңбек құқықтары',
      ky: 'Эмгек укуктары',
      tg: 'Ҳуқуқҳои меҳнатӣ',
    },
  },
  non_discrimination: {
    labels: {
      en: 'Non-discrimination',
      ru: 'Запрет дискриминации',
      kk: 'Кемсітпеушілік',
      ky: 'Басмырлоого жол бербөө',
      tg: 'Манъи табъиз',
    },
    reviewNeeded: true,
  },
  political_participation: {
    labels: {
      en: 'Political participation',
      ru: 'Право на участие в политической жизни',
      kk: 'Саяси өмірге қатысу құқығы',
      ky: 'Саясий турмушка катышуу укугу',
      tg: 'Ҳуқуқ ба иштирок дар ҳаёти сиёсӣ',
    },
  },
  property_and_housing: {
    labels: {
      en: 'Property and housing',
      ru: 'Право собственности и право на жилище',
      kk: 'Меншік және тұрғын үй құқығы',
      ky: 'Менчик жана турак жай укугу',
      tg: 'Ҳуқуқ ба моликият ва манзил',
    },
  },
});
