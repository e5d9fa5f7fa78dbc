import { defineVocabulary } from './vocabulary';

/** Kadyr-Kasiyet's eight categories first, in its order, so its figures can be reproduced. */
export const TARGET_CATEGORIES = [
  'human_rights_defender',
  'civil_activist',
  'lawyer',
  'journalist',
  'trade_union_activist',
  'religious_activist',
  'political_activist',
  'public_figure',
  'relative_of_activist',
  'protester',
  'medical_worker',
  'election_observer',
  'ngo',
  'media_outlet',
  'political_party',
  'religious_group',
  'trade_union',
  'lgbtq_person',
  'ethnic_minority_member',
  'other',
] as const;
export type TargetCategory = (typeof TARGET_CATEGORIES)[number];

export const TARGET_CATEGORY_VOCABULARY = defineVocabulary(
  'target_category',
  '2026.1',
  TARGET_CATEGORIES,
  {
    human_rights_defender: {
      labels: {
        en: 'Human rights defender',
        ru: 'Правозащитник',
        kk: 'Құқық қорғаушы',
        ky: 'Укук коргоочу',
        tg: 'Ҳимоятгари ҳуқуқи инсон',
      },
      targetKind: 'person',
    },
    civil_activist: {
      labels: {
        en: 'Civil activist',
        ru: 'Гражданский активист',
        kk: 'Азаматтық белсенді',
        ky: 'Жарандык активист',
        tg: 'Фаъоли шаҳрвандӣ',
      },
      aliases: [
        'civil society activist',
        'активист гражданского общества',
        'жарандык коомдун активисти',
      ],
      targetKind: 'person',
    },
    lawyer: {
      labels: { en: 'Lawyer', ru: 'Юрист', kk: 'Заңгер', ky: 'Юрист', tg: 'Ҳуқуқшинос' },
      aliases: ['адвокат', 'advocate', 'defence lawyer'],
      targetKind: 'person',
    },
    journalist: {
      labels: {
        en: 'Journalist or blogger',
        ru: 'Журналист или блогер',
        kk: 'Журналист немесе блогер',
        ky: 'Журналист же блогер',
        tg: 'Рӯзноманигор ё блогер',
      },
      aliases: ['journalist', 'blogger', 'журналист', 'блогер', 'рӯзноманигор'],
      targetKind: 'person',
    },
    trade_union_activist: {
      labels: {
        en: 'Trade union activist',
        ru: 'Профсоюзный активист',
        kk: 'Кәсіподақ белсендісі',
        ky: 'Профсоюз активисти',
        tg: 'Фаъоли иттифоқи касаба',
      },
      aliases: ['activist of trade unions'],
      targetKind: 'person',
    },
    religious_activist: {
      labels: {
        en: 'Activist of a religious association',
        ru: 'Активист религиозного объединения',
        kk: 'Діни бірлестік белсендісі',
        ky: 'Диний бирикменин активисти',
        tg: 'Фаъоли иттиҳодияи динӣ',
      },
      aliases: ['religious activist'],
      targetKind: 'person',
    },
    political_activist: {
      labels: {
        en: 'Political activist',
        ru: 'Политический активист',
        kk: 'Саяси белсенді',
        ky: 'Саясий активист',
        tg: 'Фаъоли сиёсӣ',
      },
      targetKind: 'person',
    },
    public_figure: {
      labels: {
        en: 'Public figure',
        ru: 'Общественный деятель',
        kk: 'Қоғам қайраткері',
        ky: 'Коомдук ишмер',
        tg: 'Арбоби ҷамъиятӣ',
      },
      targetKind: 'person',
    },
    relative_of_activist: {
      labels: {
        en: 'Relative of an activist',
        ru: 'Родственник активиста',
        kk: 'Белсендінің туысы',
        ky: 'Активисттин тууганы',
        tg: 'Хешованди фаъол',
      },
      targetKind: 'person',
    },
    protester: {
      labels: {
        en: 'Protester',
        ru: 'Участник протеста',
        kk: 'Наразылық акциясына қатысушы',
        ky: 'Нааразылык акциясынын катышуучусу',
        tg: 'Иштирокчии эътироз',
      },
      aliases: ['протестующий'],
      targetKind: 'person',
    },
    medical_worker: {
      labels: {
        en: 'Medical worker',
        ru: 'Медицинский работник',
        kk: 'Медицина қызметкері',
        ky: 'Медициналык кызматкер',
        tg: 'Корманди тиб',
      },
      aliases: ['медработник'],
      targetKind: 'person',
    },
    election_observer: {
      labels: {
        en: 'Election observer',
        ru: 'Наблюдатель на выборах',
        kk: 'Сайлау бақылаушысы',
        ky: 'Шайлоо байкоочусу',
        tg: 'Нозири интихобот',
      },
      targetKind: 'person',
    },
    ngo: {
      labels: {
        en: 'Non-governmental organisation (NGO)',
        ru: 'Неправительственная организация (НПО)',
        kk: 'Үкіметтік емес ұйым (ҮЕҰ)',
        ky: 'Бейөкмөт уюм',
        tg: 'Ташкилоти ғайриҳукуматӣ',
      },
      // "Public association" is the legal form most NGOs in the region are registered under.
      aliases: [
        'NGO',
        'НПО',
        'НКО',
        'ҮЕҰ',
        'public association',
        'общественное объединение',
        'қоғамдық бірлестік',
        'коомдук бирикме',
        'иттиҳодияи ҷамъиятӣ',
      ],
      targetKind: 'organisation',
    },
    media_outlet: {
      labels: {
        en: 'Media outlet',
        ru: 'Средство массовой информации (СМИ)',
        kk: 'Бұқаралық ақпарат құралы (БАҚ)',
        ky: 'Массалык маалымат каражаты (ММК)',
        tg: 'Воситаи ахбори омма (ВАО)',
      },
      aliases: ['СМИ', 'БАҚ', 'ММК', 'ВАО'],
      targetKind: 'organisation',
    },
    political_party: {
      labels: {
        en: 'Political party or movement',
        ru: 'Политическая партия или движение',
        kk: 'Саяси партия немесе қозғалыс',
        ky: 'Саясий партия же кыймыл',
        tg: 'Ҳизб ё ҳаракати сиёсӣ',
      },
      aliases: [
        'political party',
        'политическая партия',
        'саяси партия',
        'саясий партия',
        'ҳизби сиёсӣ',
      ],
      targetKind: 'organisation',
    },
    religious_group: {
      labels: {
        en: 'Religious group or association',
        ru: 'Религиозная группа или объединение',
        kk: 'Діни топ немесе бірлестік',
        ky: 'Диний топ же бирикме',
        tg: 'Гурӯҳ ё иттиҳодияи динӣ',
      },
      aliases: ['religious association', 'религиозное объединение'],
      targetKind: 'organisation',
    },
    trade_union: {
      labels: {
        en: 'Trade union',
        ru: 'Профсоюз',
        kk: 'Кәсіподақ',
        ky: 'Кесиптик бирлик',
        tg: 'Иттифоқи касаба',
      },
      aliases: ['union', 'профессиональный союз'],
      targetKind: 'organisation',
    },
    lgbtq_person: {
      labels: {
        en: 'LGBTQ+ person',
        ru: 'Представитель ЛГБТК+',
        kk: 'ЛГБТК+ өкілі',
        ky: 'ЛГБТК+ өкүлү',
        tg: 'Намояндаи ЛГБТК+',
      },
      aliases: ['LGBT', 'LGBTQ', 'ЛГБТ', 'ЛГБТК'],
      targetKind: 'person',
    },
    ethnic_minority_member: {
      labels: {
        en: 'Member of an ethnic minority',
        ru: 'Представитель этнического меньшинства',
        kk: 'Этникалық азшылық өкілі',
        ky: 'Этникалык азчылыктын өкүлү',
        tg: 'Намояндаи ақаллияти қавмӣ',
      },
      targetKind: 'person',
    },
    other: {
      labels: { en: 'Other', ru: 'Другое', kk: 'Басқа', ky: 'Башка', tg: 'Дигар' },
    },
  },
);
