import { defineVocabulary } from './vocabulary';

/** The source of a threat. Kadyr-Kasiyet's nine first, in its order ("main and secondary threats"). */
export const PERPETRATOR_SOURCES = [
  'police',
  'court',
  'temporary_detention_facility',
  'akimat',
  'unknown_persons',
  'citizens',
  'national_security_committee',
  'local_authorities',
  'tax_authorities',
  'prosecutor',
  'prison_service',
  'information_ministry',
  'election_commission',
  'employer',
  'foreign_state_agency',
  'organised_trolls',
  'legislature',
  'central_government',
  'other',
] as const;
export type PerpetratorSource = (typeof PERPETRATOR_SOURCES)[number];

/** Whether the source is the main one behind a threat or a secondary one. */
export const PERPETRATOR_ROLES = ['main', 'secondary'] as const;
export type PerpetratorRole = (typeof PERPETRATOR_ROLES)[number];

export const PERPETRATOR_SOURCE_VOCABULARY = defineVocabulary(
  'perpetrator_source',
  '2026.1',
  PERPETRATOR_SOURCES,
  {
    // Kyrgyzstan and Tajikistan still call their police "militsiya"; reports use both words.
    police: {
      labels: { en: 'Police', ru: 'Полиция', kk: 'Полиция', ky: 'Милиция', tg: 'Милитсия' },
      aliases: ['militsiya', 'милиция', 'МВД', 'ІІМ', 'ИИМ', 'ВКД', 'ministry of internal affairs'],
    },
    court: {
      labels: { en: 'Court', ru: 'Суд', kk: 'Сот', ky: 'Сот', tg: 'Суд' },
      aliases: ['judge', 'судья', 'судя'],
    },
    temporary_detention_facility: {
      labels: {
        en: 'Temporary detention facility',
        ru: 'Изолятор временного содержания (ИВС)',
        kk: 'Уақытша ұстау изоляторы (УҰИ)',
        ky: 'Убактылуу кармоо изолятору',
        tg: 'Изолятори нигаҳдории муваққатӣ',
      },
      aliases: ['IVS', 'ИВС', 'УҰИ'],
      reviewNeeded: true,
    },
    // The akimat is Kazakhstan's local executive; Kyrgyzstan has akimiats at district level.
    akimat: {
      labels: {
        en: 'Akimat (local executive)',
        ru: 'Акимат',
        kk: 'Әкімдік',
        ky: 'Акимиат',
        tg: 'Акимат (мақомоти иҷроияи маҳаллӣ)',
      },
      aliases: [
        'akimat',
        'akimiat',
        'акимат',
        'акимиат',
        'мэрия',
        "mayor's office",
        'city administration',
      ],
      reviewNeeded: true,
    },
    unknown_persons: {
      labels: {
        en: 'Unknown persons',
        ru: 'Неизвестные лица',
        kk: 'Белгісіз адамдар',
        ky: 'Белгисиз адамдар',
        tg: 'Шахсони номаълум',
      },
      aliases: ['unknown assailants', 'неизвестные'],
    },
    citizens: {
      labels: { en: 'Citizens', ru: 'Граждане', kk: 'Азаматтар', ky: 'Жарандар', tg: 'Шаҳрвандон' },
    },
    national_security_committee: {
      labels: {
        en: 'National Security Committee (KNB / GKNB)',
        ru: 'Комитет национальной безопасности (КНБ / ГКНБ)',
        kk: 'Ұлттық қауіпсіздік комитеті (ҰҚК)',
        ky: 'Улуттук коопсуздуктун мамлекеттик комитети (УКМК)',
        tg: 'Кумитаи давлатии амнияти миллӣ (КДАМ)',
      },
      aliases: [
        'KNB',
        'GKNB',
        'UKMK',
        'SCNS',
        'КНБ',
        'ГКНБ',
        'ҰҚК',
        'УКМК',
        'КДАМ',
        'national security committee',
      ],
    },
    local_authorities: {
      labels: {
        en: 'Local authorities',
        ru: 'Местные органы власти',
        kk: 'Жергілікті билік органдары',
        ky: 'Жергиликтүү бийлик органдары',
        tg: 'Мақомоти ҳокимияти маҳаллӣ',
      },
      aliases: ['city authorities', 'местные власти'],
    },
    tax_authorities: {
      labels: {
        en: 'Tax authorities',
        ru: 'Налоговые органы',
        kk: 'Салық органдары',
        ky: 'Салык органдары',
        tg: 'Мақомоти андоз',
      },
    },
    prosecutor: {
      labels: {
        en: "Prosecutor's office",
        ru: 'Прокуратура',
        kk: 'Прокуратура',
        ky: 'Прокуратура',
        tg: 'Прокуратура',
      },
      aliases: ['prosecutor', 'прокурор'],
    },
    prison_service: {
      labels: {
        en: 'Prison service',
        ru: 'Уголовно-исполнительная система',
        kk: 'Қылмыстық-атқару жүйесі',
        ky: 'Жаза аткаруу кызматы',
        tg: 'Мақомоти иҷрои ҷазои ҷиноӣ',
      },
      aliases: ['prison staff', 'prison guards', 'УИС', 'ГСИН'],
    },
    information_ministry: {
      labels: {
        en: 'Ministry of Information',
        ru: 'Министерство информации',
        kk: 'Ақпарат министрлігі',
        ky: 'Маалымат министрлиги',
        tg: 'Вазорати иттилоот',
      },
    },
    election_commission: {
      labels: {
        en: 'Election commission',
        ru: 'Избирательная комиссия',
        kk: 'Сайлау комиссиясы',
        ky: 'Шайлоо комиссиясы',
        tg: 'Комиссияи интихобот',
      },
      aliases: ['CEC', 'ЦИК', 'БШК', 'ЦКВР', 'КМИР'],
    },
    employer: {
      labels: {
        en: 'Employer',
        ru: 'Работодатель',
        kk: 'Жұмыс беруші',
        ky: 'Иш берүүчү',
        tg: 'Корфармо',
      },
    },
    foreign_state_agency: {
      labels: {
        en: 'Foreign state agency',
        ru: 'Государственный орган другой страны',
        kk: 'Шетел мемлекетінің органы',
        ky: 'Чет мамлекеттин органы',
        tg: 'Мақомоти давлатии хориҷӣ',
      },
    },
    organised_trolls: {
      labels: {
        en: 'Organised trolls',
        ru: 'Организованные тролли',
        kk: 'Ұйымдасқан троллдар',
        ky: 'Уюшкан троллдор',
        tg: 'Троллҳои муташаккил',
      },
      aliases: ['troll factory', 'фабрика троллей', 'троллдордун фабрикалары', 'фабрикаи ҷавоб'],
      reviewNeeded: true,
    },
    legislature: {
      labels: {
        en: 'Legislature (parliament)',
        ru: 'Парламент (законодательный орган)',
        kk: 'Парламент (заң шығарушы орган)',
        ky: 'Парламент (мыйзам чыгаруучу орган)',
        tg: 'Парламент (мақоми қонунгузор)',
      },
      aliases: ['parliament', 'парламент', 'мажилис', 'жогорку кеңеш', 'маҷлиси олӣ'],
    },
    central_government: {
      labels: {
        en: 'Central government',
        ru: 'Центральное правительство',
        kk: 'Орталық үкімет',
        ky: 'Борбордук өкмөт',
        tg: 'Ҳукумати марказӣ',
      },
    },
    other: {
      labels: { en: 'Other', ru: 'Другое', kk: 'Басқа', ky: 'Башка', tg: 'Дигар' },
    },
  },
);

export const PERPETRATOR_ROLE_VOCABULARY = defineVocabulary(
  'perpetrator_role',
  '2026.1',
  PERPETRATOR_ROLES,
  {
    main: { labels: { en: 'Main', ru: 'Основной', kk: 'Негізгі', ky: 'Негизги', tg: 'Асосӣ' } },
    secondary: {
      labels: {
        en: 'Secondary',
        ru: 'Второстепенный',
        kk: 'Қосалқы',
        ky: 'Кошумча',
        tg: 'Дуюмдараҷа',
      },
    },
  },
);
