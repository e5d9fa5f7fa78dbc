import { asOfLine, AsOfStamp } from '@app/charts';
import { Lang } from '@app/domain';
import { IncidentFilters } from '../incident-filters.request.dto';
import { GroupBy, Measure } from './stats-dimensions';

type Texts = Record<Lang, string>;

// What each figure counts, in words a report can quote, in every language of the register.
// The kk, ky and tg texts await a native speaker's review.
const MEASURES: Record<Measure, Texts> = {
  incidents: {
    en: 'Distinct incidents matching the filters.',
    ru: 'Число различных инцидентов, отвечающих фильтрам.',
    kk: 'Сүзгілерге сәйкес келетін әртүрлі оқиғалар саны.',
    ky: 'Чыпкаларга дал келген ар башка окуялардын саны.',
    tg: 'Шумораи ҳодисаҳои гуногуне, ки ба филтрҳо мувофиқанд.',
  },
  acts: {
    en: 'Acts (Kadyr-Kasiyet\'s "threats"): incident × target pairs. An incident against three persons is three acts.',
    ru: 'Акты («угрозы» в методике «Кадыр-Касиет»): пары «инцидент × цель». Инцидент против трёх человек — три акта.',
    kk: 'Актілер («Қадыр-Қасиет» әдістемесіндегі «қауіптер»): «оқиға × нысана» жұптары. Үш адамға қарсы оқиға — үш акт.',
    ky: 'Актылар («Кадыр-Касиет» методикасындагы «коркунучтар»): «окуя × бута» жуптары. Үч адамга каршы окуя — үч акт.',
    tg: 'Амалҳо («таҳдидҳо» дар методикаи «Кадыр-Касиет»): ҷуфтҳои «ҳодиса × ҳадаф». Ҳодиса бар зидди се нафар — се амал аст.',
  },
  persons: {
    en: 'Distinct persons targeted: a person targeted in several acts counts once in the total (and once in each row they fall in).',
    ru: 'Различные лица, подвергшиеся преследованию: лицо из нескольких актов считается в итоге один раз (и один раз в каждой строке, куда попадает).',
    kk: 'Қудалауға ұшыраған әртүрлі адамдар: бірнеше актідегі адам жиында бір рет есептеледі (және өзі түскен әр жолда бір рет).',
    ky: 'Куугунтукка кабылган ар башка адамдар: бир нече акттагы адам жыйынтыкта бир жолу эсептелет (жана ал түшкөн ар бир сапта бир жолу).',
    tg: 'Шахсони гуногуни таъқибшуда: шахс дар якчанд амал дар ҳамагӣ як бор ҳисоб мешавад (ва дар ҳар сатре, ки ба он дохил аст, як бор).',
  },
  organisations: {
    en: 'Distinct organisations targeted: an organisation targeted in several acts counts once in the total (and once in each row it falls in).',
    ru: 'Различные организации, подвергшиеся преследованию: организация из нескольких актов считается в итоге один раз (и один раз в каждой строке, куда попадает).',
    kk: 'Қудалауға ұшыраған әртүрлі ұйымдар: бірнеше актідегі ұйым жиында бір рет есептеледі (және өзі түскен әр жолда бір рет).',
    ky: 'Куугунтукка кабылган ар башка уюмдар: бир нече акттагы уюм жыйынтыкта бир жолу эсептелет (жана ал түшкөн ар бир сапта бир жолу).',
    tg: 'Ташкилотҳои гуногуни таъқибшуда: ташкилот дар якчанд амал дар ҳамагӣ як бор ҳисоб мешавад (ва дар ҳар сатре, ки ба он дохил аст, як бор).',
  },
};

const RULES = {
  counted: {
    en: 'Retracted incidents are not counted; an incident marked as a duplicate counts once, in the incident it duplicates.',
    ru: 'Отозванные инциденты не считаются; инцидент, отмеченный как дубликат, считается один раз — в том инциденте, который он дублирует.',
    kk: 'Кері қайтарылған оқиғалар есептелмейді; көшірме деп белгіленген оқиға бір рет — өзі қайталайтын оқиғада есептеледі.',
    ky: 'Кайтарылып алынган окуялар эсептелбейт; дубликат деп белгиленген окуя бир жолу — ал кайталаган окуяда эсептелет.',
    tg: 'Ҳодисаҳои бозхондашуда ҳисоб намешаванд; ҳодисае, ки такрорӣ қайд шудааст, як бор — дар ҳодисае, ки онро такрор мекунад, ҳисоб мешавад.',
  },
  total: {
    en: 'The measure over the whole filtered set, each incident, act or target once: less than the sum of the rows when one falls in several rows.',
    ru: 'Показатель по всему отобранному набору, каждый инцидент, акт или цель — один раз: меньше суммы строк, если один попадает в несколько строк.',
    kk: 'Бүкіл сүзілген жиын бойынша көрсеткіш, әр оқиға, акт не нысана бір рет: біреуі бірнеше жолға түссе, жолдар қосындысынан аз.',
    ky: 'Бүт тандалган топтом боюнча көрсөткүч, ар бир окуя, акт же бута бир жолу: бирөө бир нече сапка түшсө, саптардын суммасынан аз.',
    tg: 'Нишондиҳанда аз рӯи тамоми маҷмӯи интихобшуда, ҳар ҳодиса, амал ё ҳадаф як бор: агар яке ба якчанд сатр дарояд, аз ҷамъи сатрҳо камтар аст.',
  },
  month: {
    en: 'An act counts in the month it occurred (a range: the month it starts). A year-precise act counts under "month unknown" (key null), never spread over months.',
    ru: 'Акт считается в месяце, когда он произошёл (для периода — в месяце начала). Акт с точностью до года считается в строке «месяц неизвестен» и никогда не распределяется по месяцам.',
    kk: 'Акт болған айында есептеледі (кезең үшін — басталған айында). Жылға дейінгі дәлдіктегі акт «айы белгісіз» жолында есептеледі, айларға бөлінбейді.',
    ky: 'Акт болгон айында эсептелет (мезгил үчүн — башталган айында). Жылга чейинки тактыктагы акт «айы белгисиз» сабында эсептелет, айларга бөлүштүрүлбөйт.',
    tg: 'Амал дар моҳе, ки рух додааст, ҳисоб мешавад (барои давра — дар моҳи оғоз). Амале, ки то сол дақиқ аст, дар сатри «моҳ номаълум» ҳисоб мешавад ва ҳеҷ гоҳ ба моҳҳо тақсим намешавад.',
  },
  sourceAny: {
    en: 'Sources of threat with role main or secondary: an act with two sources counts under each, so the rows add up to more than the total.',
    ru: 'Источники угрозы с ролью «основной» или «второстепенный»: акт с двумя источниками считается под каждым, поэтому сумма строк больше итога.',
    kk: 'Рөлі «негізгі» не «қосалқы» қауіп көздері: екі көзі бар акт әрқайсысында есептеледі, сондықтан жолдар қосындысы жиыннан артық.',
    ky: 'Ролу «негизги» же «кошумча» коркунуч булактары: эки булагы бар акт ар биринде эсептелет, ошондуктан саптардын суммасы жыйынтыктан көп.',
    tg: 'Манбаъҳои таҳдид бо нақши «асосӣ» ё «иловагӣ»: амал бо ду манбаъ дар зери ҳар кадом ҳисоб мешавад, бинобар ин ҷамъи сатрҳо аз ҳамагӣ зиёд аст.',
  },
  sourceMain: {
    en: 'Main sources of threat only (sourceRole=any adds the secondary ones). An act with two main sources counts under each.',
    ru: 'Только основные источники угрозы (sourceRole=any добавляет второстепенные). Акт с двумя основными источниками считается под каждым.',
    kk: 'Тек негізгі қауіп көздері (sourceRole=any қосалқыларын қосады). Екі негізгі көзі бар акт әрқайсысында есептеледі.',
    ky: 'Негизги коркунуч булактары гана (sourceRole=any кошумчаларын кошот). Эки негизги булагы бар акт ар биринде эсептелет.',
    tg: 'Танҳо манбаъҳои асосии таҳдид (sourceRole=any иловагиҳоро илова мекунад). Амал бо ду манбаи асосӣ дар зери ҳар кадом ҳисоб мешавад.',
  },
  multiple: {
    en: 'An act with several rights or legal articles counts under each; one with none under key null.',
    ru: 'Акт с несколькими правами или статьями закона считается под каждым(ой); акт без них — в строке «не указано».',
    kk: 'Бірнеше құқығы не заң бабы бар акт әрқайсысында есептеледі; оларсыз акт — «көрсетілмеген» жолында.',
    ky: 'Бир нече укугу же мыйзам беренеси бар акт ар биринде эсептелет; аларсыз акт — «көрсөтүлгөн эмес» сабында.',
    tg: 'Амал бо якчанд ҳуқуқ ё моддаи қонун дар зери ҳар кадом ҳисоб мешавад; бе онҳо — дар сатри «қайд нашудааст».',
  },
  period: {
    en: 'A year-precise act is inside from/to only if its whole year is.',
    ru: 'Акт с точностью до года входит в период, только если в него входит весь его год.',
    kk: 'Жылға дейінгі дәлдіктегі акт кезеңге тек бүкіл жылы кірсе ғана кіреді.',
    ky: 'Жылга чейинки тактыктагы акт мезгилге бүт жылы кирсе гана кирет.',
    tg: 'Амале, ки то сол дақиқ аст, танҳо вақте ба давра дохил мешавад, ки тамоми соли он дохил бошад.',
  },
  current: {
    en: 'The figures as recorded up to this position; asking again with asOf=<position> gives the same figures.',
    ru: 'Данные в том виде, в каком они записаны до этой позиции; запрос с asOf=<позиция> даёт те же цифры.',
    kk: 'Осы позицияға дейін жазылған деректер; asOf=<позиция> сұрауы сол сандарды береді.',
    ky: 'Ушул позицияга чейин жазылган маалыматтар; asOf=<позиция> суроосу ошол эле сандарды берет.',
    tg: 'Маълумот, чунон ки то ин мавқеъ сабт шудааст; дархост бо asOf=<мавқеъ> ҳамон рақамҳоро медиҳад.',
  },
  past: {
    en: 'The figures as they were known then: later records, corrections, reclassifications and retractions are left out.',
    ru: 'Данные в том виде, в каком они были известны тогда: более поздние записи, исправления, переклассификации и отзывы не учтены.',
    kk: 'Деректер сол кезде белгілі болған түрде: кейінгі жазбалар, түзетулер, қайта жіктеулер мен кері қайтарулар есепке алынбаған.',
    ky: 'Маалыматтар ошол кезде белгилүү болгон түрдө: кийинки жазуулар, оңдоолор, кайра классификациялоолор жана кайтарып алуулар эсепке алынган эмес.',
    tg: 'Маълумот, чунон ки он вақт маълум буд: сабтҳо, ислоҳҳо, таснифи дубора ва бозхондҳои баъдӣ ба ҳисоб гирифта нашудаанд.',
  },
} satisfies Record<string, Texts>;

/** The name each definition goes by in an answer (stable keys: clients look them up). */
export function definitions(
  measure: Measure,
  groupBy: readonly GroupBy[],
  filters: IncidentFilters,
  stamp: AsOfStamp,
  past: boolean,
  lang: Lang,
): Record<string, string> {
  const d: Record<string, string> = {
    [measure]: MEASURES[measure][lang],
    counted: RULES.counted[lang],
    total: RULES.total[lang],
  };
  if (groupBy.includes('month') || groupBy.includes('quarter')) d.month = RULES.month[lang];
  if (groupBy.includes('source') || filters.source !== undefined) {
    d.source = (filters.sourceRole === 'any' ? RULES.sourceAny : RULES.sourceMain)[lang];
  }
  if (groupBy.includes('right') || groupBy.includes('legalArticle')) {
    d.multiple = RULES.multiple[lang];
  }
  if (filters.from !== undefined || filters.to !== undefined) d.period = RULES.period[lang];
  d.asOf = `${asOfLine(stamp, lang)}. ${(past ? RULES.past : RULES.current)[lang]}`;
  return d;
}
