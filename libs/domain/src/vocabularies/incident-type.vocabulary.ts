import { defineVocabulary, TermData } from './vocabulary';

export const INCIDENT_FAMILIES = [
  'liberty_and_justice',
  'physical_integrity',
  'civic_space',
  'information',
  'reprisals',
  'identity_and_belief',
  'structural',
] as const;
export type IncidentFamily = (typeof INCIDENT_FAMILIES)[number];

export const INCIDENT_TYPES = [
  // liberty and justice
  'detention',
  'administrative_arrest',
  'administrative_fine',
  'administrative_charge',
  'summons',
  'preventive_talk',
  'search_or_raid',
  'criminal_case',
  'pre_trial_detention',
  'freedom_restriction',
  'imprisonment',
  'travel_ban',
  // physical integrity
  'torture_or_ill_treatment',
  'death_in_custody',
  'killing',
  'physical_attack',
  'threat_of_violence',
  'abduction_or_disappearance',
  // civic space
  'ngo_tax_inspection',
  'ngo_inspection_other',
  'registration_denial',
  'organisation_ban',
  'liquidation_or_suspension',
  'assembly_restriction',
  'kettling',
  'observer_obstruction',
  'strike_suppression',
  // information
  'website_blocking',
  'media_closure',
  'accreditation_denial',
  'online_harassment',
  'censorship',
  'surveillance',
  // reprisals
  'pressure_on_relatives',
  'transnational_repression',
  'reprisal_for_international_engagement',
  'dismissal_or_work_pressure',
  // identity and belief
  'religious_restriction',
  'hate_violence',
  'gender_based_violence',
  // structural
  'restrictive_legislation',
  'demolition_or_eviction',
  'electoral_exclusion',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const INCIDENT_FAMILY_VOCABULARY = defineVocabulary(
  'incident_family',
  '2026.1',
  INCIDENT_FAMILIES,
  {
    liberty_and_justice: {
      labels: {
        en: 'Liberty and justice',
        ru: 'Свобода и правосудие',
        kk: 'Бостандық және сот төрелігі',
        ky: 'Эркиндик жана сот адилеттиги',
        tg: 'Озодӣ ва адолати судӣ',
      },
    },
    physical_integrity: {
      labels: {
        en: 'Physical integrity',
        ru: 'Физическая неприкосновенность',
        kk: 'Дене тұтастығына қол сұғылмаушылық',
        ky: 'Дене бүтүндүгүнө кол тийбестик',
        tg: 'Дахлнопазирии ҷисмонӣ',
      },
      reviewNeeded: true,
    },
    civic_space: {
      labels: {
        en: 'Civic space',
        ru: 'Гражданское пространство',
        kk: 'Азаматтық кеңістік',
        ky: 'Жарандык мейкиндик',
        tg: 'Фазои шаҳрвандӣ',
      },
    },
    information: {
      labels: {
        en: 'Information and media',
        ru: 'Информация и СМИ',
        kk: 'Ақпарат және БАҚ',
        ky: 'Маалымат жана ММК',
        tg: 'Иттилоот ва ВАО',
      },
    },
    reprisals: {
      labels: {
        en: 'Reprisals',
        ru: 'Репрессалии',
        kk: 'Кек алу мақсатындағы қудалау',
        ky: 'Өч алуу максатындагы куугунтук',
        tg: 'Таъқиб бо мақсади интиқом',
      },
      reviewNeeded: true,
    },
    identity_and_belief: {
      labels: {
        en: 'Identity and belief',
        ru: 'Идентичность и убеждения',
        kk: 'Бірегейлік және наным-сенім',
        ky: 'Өздүк жана ишеним',
        tg: 'Ҳувият ва эътиқод',
      },
      reviewNeeded: true,
    },
    structural: {
      labels: {
        en: 'Structural (laws and policy)',
        ru: 'Структурные (законы и политика)',
        kk: 'Құрылымдық (заңдар мен саясат)',
        ky: 'Түзүмдүк (мыйзамдар жана саясат)',
        tg: 'Сохторӣ (қонунҳо ва сиёсат)',
      },
    },
  },
);

type IncidentTypeData = TermData<IncidentType> & { family: IncidentFamily };

/**
 * `esfActType` names the HURIDOCS ESF MT 4 leaf only where the ESF micro-thesaurus has
 * one that clearly fits; the others are left without a hint rather than guessed.
 */
const INCIDENT_TYPE_DATA: Readonly<Record<IncidentType, IncidentTypeData>> = {
  detention: {
    family: 'liberty_and_justice',
    esfActType: 'Arrest',
    labels: { en: 'Detention', ru: 'Задержание', kk: 'Ұстау', ky: 'Кармоо', tg: 'Боздошт' },
    aliases: ['arrest', 'кармалуу', 'ұсталу'],
  },
  administrative_arrest: {
    family: 'liberty_and_justice',
    esfActType: 'Detention',
    labels: {
      en: 'Administrative arrest',
      ru: 'Административный арест',
      kk: 'Әкімшілік қамаққа алу',
      ky: 'Административдик камак',
      tg: 'Ҳабси маъмурӣ',
    },
  },
  administrative_fine: {
    family: 'liberty_and_justice',
    labels: {
      en: 'Administrative fine',
      ru: 'Административный штраф',
      kk: 'Әкімшілік айыппұл',
      ky: 'Административдик айып пул',
      tg: 'Ҷаримаи маъмурӣ',
    },
    aliases: ['fine', 'штраф', 'айыппұл', 'айып пул', 'ҷарима'],
  },
  administrative_charge: {
    family: 'liberty_and_justice',
    labels: {
      en: 'Administrative offence charge',
      ru: 'Административный протокол',
      kk: 'Әкімшілік құқық бұзушылық хаттамасы',
      ky: 'Административдик укук бузуу боюнча протокол',
      tg: 'Протоколи ҳуқуқвайронкунии маъмурӣ',
    },
    aliases: ['administrative charge', 'administrative protocol', 'административное обвинение'],
    reviewNeeded: true,
  },
  summons: {
    family: 'liberty_and_justice',
    labels: {
      en: 'Summons for questioning',
      ru: 'Вызов на допрос',
      kk: 'Жауап алуға шақыру',
      ky: 'Суракка чакыруу',
      tg: 'Даъват ба бозпурсӣ',
    },
    aliases: ['summons', 'вызов', 'допрос'],
  },
  // The security services' "prophylactic conversation" meant to bring a critic into line.
  preventive_talk: {
    family: 'liberty_and_justice',
    labels: {
      en: 'Preventive ("prophylactic") talk',
      ru: 'Профилактическая беседа',
      kk: 'Профилактикалық әңгіме',
      ky: 'Профилактикалык маек',
      tg: 'Суҳбати профилактикӣ',
    },
    aliases: ['prophylactic conversation', 'preventive conversation', 'профбеседа'],
    reviewNeeded: true,
  },
  search_or_raid: {
    family: 'liberty_and_justice',
    esfActType: 'Raid/illegal search',
    labels: {
      en: 'Search or raid',
      ru: 'Обыск или рейд',
      kk: 'Тінту немесе рейд',
      ky: 'Тинтүү же рейд',
      tg: 'Кофтуков ё рейд',
    },
    aliases: ['search', 'raid', 'обыск', 'тінту', 'тинтүү'],
  },
  criminal_case: {
    family: 'liberty_and_justice',
    labels: {
      en: 'Criminal case',
      ru: 'Уголовное дело',
      kk: 'Қылмыстық іс',
      ky: 'Кылмыш иши',
      tg: 'Парвандаи ҷиноӣ',
    },
  },
  pre_trial_detention: {
    family: 'liberty_and_justice',
    esfActType: 'Detention',
    labels: {
      en: 'Pre-trial detention',
      ru: 'Содержание под стражей до суда',
      kk: 'Сотқа дейінгі қамау',
      ky: 'Сотко чейинки камак',
      tg: 'Ҳабси пеш аз суд',
    },
    aliases: ['SIZO', 'СИЗО', 'тергеу изоляторы', 'сотко чейинки абак'],
  },
  // Kazakhstan's parole-like sentence, often with a ban on activism; it can outlive prison.
  freedom_restriction: {
    family: 'liberty_and_justice',
    labels: {
      en: 'Freedom restriction',
      ru: 'Ограничение свободы',
      kk: 'Бас бостандығын шектеу',
      ky: 'Эркиндигин чектөө',
      tg: 'Маҳдуд кардани озодӣ',
    },
    aliases: ['restriction of liberty', 'restriction of freedom'],
  },
  imprisonment: {
    family: 'liberty_and_justice',
    labels: {
      en: 'Imprisonment',
      ru: 'Лишение свободы',
      kk: 'Бас бостандығынан айыру',
      ky: 'Эркиндигинен ажыратуу',
      tg: 'Маҳрум сохтан аз озодӣ',
    },
    aliases: ['prison sentence', 'тюремное заключение'],
  },
  travel_ban: {
    family: 'liberty_and_justice',
    labels: {
      en: 'Travel ban',
      ru: 'Запрет на выезд',
      kk: 'Елден шығуға тыйым салу',
      ky: 'Өлкөдөн чыгууга тыюу салуу',
      tg: 'Манъи хуруҷ аз кишвар',
    },
  },
  torture_or_ill_treatment: {
    family: 'physical_integrity',
    labels: {
      en: 'Torture or ill-treatment',
      ru: 'Пытки или жестокое обращение',
      kk: 'Азаптау немесе қатыгез қарау',
      ky: 'Кыйноо же катаал мамиле',
      tg: 'Шиканҷа ё муносибати бераҳмона',
    },
    aliases: ['torture', 'пытки', 'азаптау', 'кыйноо', 'шиканҷа'],
  },
  death_in_custody: {
    family: 'physical_integrity',
    labels: {
      en: 'Death in custody',
      ru: 'Смерть под стражей',
      kk: 'Қамауда қайтыс болу',
      ky: 'Камакта каза болуу',
      tg: 'Фавт дар ҳабс',
    },
  },
  killing: {
    family: 'physical_integrity',
    labels: { en: 'Killing', ru: 'Убийство', kk: 'Кісі өлтіру', ky: 'Өлтүрүү', tg: 'Куштор' },
  },
  physical_attack: {
    family: 'physical_integrity',
    labels: {
      en: 'Physical attack',
      ru: 'Физическое нападение',
      kk: 'Физикалық шабуыл',
      ky: 'Физикалык кол салуу',
      tg: 'Ҳамлаи ҷисмонӣ',
    },
    aliases: ['assault', 'нападение', 'избиение'],
  },
  threat_of_violence: {
    family: 'physical_integrity',
    labels: {
      en: 'Threat of violence',
      ru: 'Угроза насилием',
      kk: 'Зорлық-зомбылықпен қорқыту',
      ky: 'Зомбулук менен коркутуу',
      tg: 'Таҳдид ба зӯроварӣ',
    },
    aliases: ['death threat', 'угроза убийством'],
  },
  abduction_or_disappearance: {
    family: 'physical_integrity',
    esfActType: 'Disappearance',
    labels: {
      en: 'Abduction or enforced disappearance',
      ru: 'Похищение или насильственное исчезновение',
      kk: 'Ұрлап әкету немесе күштеп жоғалту',
      ky: 'Уурдап кетүү же күч менен дайынсыз жоготуу',
      tg: 'Одамрабоӣ ё нопадидшавии маҷбурӣ',
    },
    aliases: ['abduction', 'enforced disappearance', 'похищение'],
    reviewNeeded: true,
  },
  ngo_tax_inspection: {
    family: 'civic_space',
    labels: {
      en: 'Tax inspection of an NGO',
      ru: 'Налоговая проверка НПО',
      kk: 'ҮЕҰ-ны салықтық тексеру',
      ky: 'Бейөкмөт уюмду салык текшерүү',
      tg: 'Санҷиши андозии ташкилоти ғайриҳукуматӣ',
    },
    aliases: ['tax audit', 'налоговая проверка'],
  },
  ngo_inspection_other: {
    family: 'civic_space',
    labels: {
      en: 'Other inspection of an NGO',
      ru: 'Иная проверка НПО',
      kk: 'ҮЕҰ-ны өзге тексеру',
      ky: 'Бейөкмөт уюмду башка текшерүү',
      tg: 'Санҷиши дигари ташкилоти ғайриҳукуматӣ',
    },
    reviewNeeded: true,
  },
  registration_denial: {
    family: 'civic_space',
    labels: {
      en: 'Registration denial',
      ru: 'Отказ в регистрации',
      kk: 'Тіркеуден бас тарту',
      ky: 'Каттоодон баш тартуу',
      tg: 'Радди бақайдгирӣ',
    },
  },
  organisation_ban: {
    family: 'civic_space',
    esfActType: 'Banning of a group',
    labels: {
      en: 'Ban of an organisation (incl. "extremist" designation)',
      ru: 'Запрет организации (в т. ч. признание «экстремистской»)',
      kk: 'Ұйымға тыйым салу («экстремистік» деп тануды қоса)',
      ky: 'Уюмга тыюу салуу («экстремисттик» деп таанууну кошо)',
      tg: 'Манъи ташкилот (аз ҷумла «экстремистӣ» эътироф кардан)',
    },
    aliases: ['ban', 'extremist designation', 'banned organisation', 'запрет организации'],
    reviewNeeded: true,
  },
  liquidation_or_suspension: {
    family: 'civic_space',
    labels: {
      en: 'Liquidation or suspension of an organisation',
      ru: 'Ликвидация или приостановление деятельности организации',
      kk: 'Ұйымды тарату немесе қызметін тоқтата тұру',
      ky: 'Уюмду жоюу же ишин убактылуу токтотуу',
      tg: 'Барҳам додан ё боздоштани фаъолияти ташкилот',
    },
    aliases: ['liquidation', 'suspension', 'ликвидация'],
    reviewNeeded: true,
  },
  assembly_restriction: {
    family: 'civic_space',
    esfActType: 'Limitations on assemblies',
    labels: {
      en: 'Restriction of an assembly',
      ru: 'Ограничение собрания',
      kk: 'Жиналысты шектеу',
      ky: 'Жыйынды чектөө',
      tg: 'Маҳдуд кардани ҷамъомад',
    },
    aliases: ['rally ban', 'dispersal', 'разгон', 'запрет митинга', 'таркатуу'],
  },
  kettling: {
    family: 'civic_space',
    labels: {
      en: 'Kettling (encircling protesters)',
      ru: 'Оцепление протестующих («котёл»)',
      kk: 'Наразылық білдірушілерді қоршауға алу',
      ky: 'Нааразыларды курчоого алуу',
      tg: 'Иҳотаи эътирозгарон',
    },
    aliases: ['котёл', 'оцепление'],
    reviewNeeded: true,
  },
  observer_obstruction: {
    family: 'civic_space',
    labels: {
      en: 'Obstruction of observers',
      ru: 'Воспрепятствование работе наблюдателей',
      kk: 'Бақылаушылардың жұмысына кедергі келтіру',
      ky: 'Байкоочулардын ишине тоскоол болуу',
      tg: 'Монеъ шудан ба кори нозирон',
    },
  },
  strike_suppression: {
    family: 'civic_space',
    labels: {
      en: 'Suppression of a strike',
      ru: 'Подавление забастовки',
      kk: 'Ереуілді басу',
      ky: 'Иш таштоону басуу',
      tg: 'Пахш кардани корпартоӣ',
    },
    reviewNeeded: true,
  },
  website_blocking: {
    family: 'information',
    labels: {
      en: 'Website blocking',
      ru: 'Блокировка сайта',
      kk: 'Сайтты бұғаттау',
      ky: 'Сайтка бөгөт коюу',
      tg: 'Масдуд кардани сомона',
    },
    aliases: ['blocking', 'блокировка', 'internet shutdown'],
  },
  media_closure: {
    family: 'information',
    labels: {
      en: 'Closure of a media outlet',
      ru: 'Закрытие СМИ',
      kk: 'БАҚ-ты жабу',
      ky: 'ММКны жабуу',
      tg: 'Бастани воситаи ахбори омма',
    },
  },
  accreditation_denial: {
    family: 'information',
    labels: {
      en: 'Accreditation denied or withdrawn',
      ru: 'Отказ в аккредитации или лишение аккредитации',
      kk: 'Аккредитациядан бас тарту немесе айыру',
      ky: 'Аккредитациядан баш тартуу же ажыратуу',
      tg: 'Радди аккредитатсия ё маҳрум кардан аз он',
    },
    reviewNeeded: true,
  },
  online_harassment: {
    family: 'information',
    labels: {
      en: 'Online harassment',
      ru: 'Травля в интернете',
      kk: 'Интернеттегі қудалау',
      ky: 'Интернеттеги куугунтук',
      tg: 'Таъқиб дар интернет',
    },
    aliases: ['trolling', 'онлайн-травля', 'троллинг'],
  },
  censorship: {
    family: 'information',
    esfActType: 'Censorship',
    labels: { en: 'Censorship', ru: 'Цензура', kk: 'Цензура', ky: 'Цензура', tg: 'Сензура' },
  },
  surveillance: {
    family: 'information',
    esfActType: 'Surveillance',
    labels: {
      en: 'Surveillance',
      ru: 'Слежка',
      kk: 'Жасырын бақылау',
      ky: 'Аңдуу',
      tg: 'Назорати пинҳонӣ',
    },
    aliases: ['слежение', 'наблюдение'],
  },
  pressure_on_relatives: {
    family: 'reprisals',
    labels: {
      en: 'Pressure on relatives',
      ru: 'Давление на родственников',
      kk: 'Туыстарға қысым көрсету',
      ky: 'Туугандарына басым көрсөтүү',
      tg: 'Фишор ба хешовандон',
    },
  },
  // Abduction or forced return abroad, extradition request, Interpol notice, deportation.
  transnational_repression: {
    family: 'reprisals',
    labels: {
      en: 'Transnational repression',
      ru: 'Транснациональные репрессии',
      kk: 'Трансұлттық қуғын-сүргін',
      ky: 'Трансулуттук куугунтук',
      tg: 'Таъқиботи фаромиллӣ',
    },
    aliases: [
      'extradition',
      'deportation',
      'forced return',
      'экстрадиция',
      'депортация',
      'выдворение',
    ],
    reviewNeeded: true,
  },
  reprisal_for_international_engagement: {
    family: 'reprisals',
    labels: {
      en: 'Reprisal for engaging with international bodies',
      ru: 'Преследование за сотрудничество с международными органами',
      kk: 'Халықаралық органдармен ынтымақтастық үшін қудалау',
      ky: 'Эл аралык органдар менен кызматташканы үчүн куугунтук',
      tg: 'Таъқиб барои ҳамкорӣ бо ниҳодҳои байналмилалӣ',
    },
    reviewNeeded: true,
  },
  dismissal_or_work_pressure: {
    family: 'reprisals',
    labels: {
      en: 'Dismissal or pressure at work',
      ru: 'Увольнение или давление на работе',
      kk: 'Жұмыстан шығару немесе жұмыста қысым көрсету',
      ky: 'Жумуштан бошотуу же жумушта басым көрсөтүү',
      tg: 'Аз кор озод кардан ё фишор дар ҷои кор',
    },
  },
  religious_restriction: {
    family: 'identity_and_belief',
    labels: {
      en: 'Restriction of religious practice',
      ru: 'Ограничение религиозной практики',
      kk: 'Діни тәжірибені шектеу',
      ky: 'Диний ишмердүүлүктү чектөө',
      tg: 'Маҳдуд кардани амалҳои динӣ',
    },
    reviewNeeded: true,
  },
  hate_violence: {
    family: 'identity_and_belief',
    labels: {
      en: 'Hate-motivated violence',
      ru: 'Насилие на почве ненависти',
      kk: 'Өшпенділік негізіндегі зорлық-зомбылық',
      ky: 'Жек көрүүчүлүк негизиндеги зомбулук',
      tg: 'Зӯроварӣ бар асоси нафрат',
    },
    reviewNeeded: true,
  },
  gender_based_violence: {
    family: 'identity_and_belief',
    labels: {
      en: 'Gender-based violence',
      ru: 'Гендерное насилие',
      kk: 'Гендерлік зорлық-зомбылық',
      ky: 'Гендердик зомбулук',
      tg: 'Зӯроварии гендерӣ',
    },
    aliases: ['domestic violence', 'bride kidnapping', 'ала качуу', 'бытовое насилие'],
  },
  restrictive_legislation: {
    family: 'structural',
    labels: {
      en: 'Restrictive legislation',
      ru: 'Ограничительное законодательство',
      kk: 'Шектеуші заңнама',
      ky: 'Чектөөчү мыйзамдар',
      tg: 'Қонунгузории маҳдудкунанда',
    },
    reviewNeeded: true,
  },
  demolition_or_eviction: {
    family: 'structural',
    labels: {
      en: 'Demolition or forced eviction',
      ru: 'Снос или принудительное выселение',
      kk: 'Бұзу немесе күштеп көшіру',
      ky: 'Бузуу же мажбурлап көчүрүү',
      tg: 'Вайрон кардан ё маҷбуран кӯчонидан',
    },
  },
  electoral_exclusion: {
    family: 'structural',
    labels: {
      en: 'Exclusion from elections',
      ru: 'Недопуск к выборам',
      kk: 'Сайлауға жібермеу',
      ky: 'Шайлоого катыштырбоо',
      tg: 'Роҳ надодан ба интихобот',
    },
    aliases: ['candidate denied registration', 'отказ в регистрации кандидата'],
  },
};

export const INCIDENT_TYPE_VOCABULARY = defineVocabulary(
  'incident_type',
  '2026.1',
  INCIDENT_TYPES,
  INCIDENT_TYPE_DATA,
);

export function familyOf(incidentType: IncidentType): IncidentFamily {
  return INCIDENT_TYPE_DATA[incidentType].family;
}
