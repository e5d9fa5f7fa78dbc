import {
  CorrectableField,
  IncidentEvent,
  Lang,
  labelOf,
  RedactableField,
  VocabularyName,
} from '@app/domain';

export interface HistoryEntryText {
  summary: string;
  /** The codes the summary names, by vocabulary: clients compare and translate these. */
  codes?: Partial<Record<VocabularyName, string>>;
  changes?: { field: string; from: unknown; to: unknown }[];
  /** The reason's label in the requested language... */
  reason?: string;
  /** ...and its code, when the reason is one of a vocabulary's (`new_evidence`). */
  reasonCode?: string;
  note?: string;
  /** A redaction: the fields made unreadable, and the versions that stay readable in the log. */
  redaction?: { fields: string[]; unsealedVersionsInLog: number };
}

/** One event in plain words, all in `lang`: what happened, what changed, and why. */
export function describeIncidentEvent(event: IncidentEvent, lang: Lang): HistoryEntryText {
  const codes: Partial<Record<VocabularyName, string>> = {};
  const label = (vocabulary: VocabularyName, code: string) => {
    codes[vocabulary] = code;
    return labelOf(vocabulary, code, lang) ?? code;
  };
  const why = (reason: string, vocabulary: VocabularyName, note?: string) => ({
    reason: labelOf(vocabulary, reason, lang) ?? reason,
    reasonCode: reason,
    ...(note !== undefined && { note }),
  });
  const say = <K extends keyof typeof SENTENCES>(key: K, ...args: Parameters<Sentence<K>>) =>
    (SENTENCES[key][lang] as (...a: Parameters<Sentence<K>>) => string)(...args);
  const text = describe(event, label, why, say, lang);
  return Object.keys(codes).length > 0 ? { ...text, codes } : text;
}

type Say = <K extends keyof typeof SENTENCES>(key: K, ...args: Parameters<Sentence<K>>) => string;
type Sentence<K extends keyof typeof SENTENCES> = (typeof SENTENCES)[K]['en'];

function describe(
  event: IncidentEvent,
  label: (vocabulary: VocabularyName, code: string) => string,
  why: (reason: string, vocabulary: VocabularyName, note?: string) => Partial<HistoryEntryText>,
  say: Say,
  lang: Lang,
): HistoryEntryText {
  switch (event.type) {
    case 'IncidentReported': {
      const d = event.data;
      return {
        summary: say(
          'reported',
          d.title,
          `${label('incident_type', d.type)}, ${label('country', d.country)}, ${d.occurred.date}`,
          d.acts.length,
          d.perpetrators.length,
          d.sources.length,
        ),
      };
    }
    case 'IncidentCorrected': {
      const d = event.data;
      return {
        summary:
          d.field === 'targetCategory'
            ? say('reclassified', d.actId ?? '')
            : say('corrected', FIELD_WORDS[d.field as keyof typeof FIELD_WORDS]?.[lang] ?? d.field),
        changes: [{ field: d.field, from: d.from, to: d.to }],
        ...why(d.reason, 'correction_reason', d.note),
      };
    }
    case 'TargetAdded':
      return {
        summary: say(
          'targetAdded',
          `${label('target_kind', event.data.kind)}, ${label('target_category', event.data.category)}`,
        ),
      };
    case 'TargetRemoved':
      return {
        summary: say('targetRemoved', event.data.actId),
        ...why(event.data.reason, 'retraction_reason', event.data.note),
      };
    case 'PerpetratorAdded':
      return {
        summary: say(
          'perpetratorAdded',
          `${label('perpetrator_source', event.data.source)} (${label('perpetrator_role', event.data.role)})`,
        ),
      };
    case 'SourceAttached':
      return { summary: say('sourceAttached', event.data.title) };
    case 'OutcomeRecorded':
      return {
        summary: say('outcomeRecorded', label('outcome', event.data.type)),
        ...(event.data.note && { note: event.data.note }),
      };
    case 'IncidentVerified':
      return event.data.overrideReason
        ? {
            summary: say('verifiedByOverride', event.data.independentSources),
            reason: event.data.overrideReason,
          }
        : { summary: say('verified', event.data.independentSources) };
    case 'IncidentRetracted':
      return {
        summary: RETRACTED[lang],
        ...why(event.data.reason, 'retraction_reason', event.data.note),
      };
    case 'IncidentMarkedDuplicate':
      return {
        summary: say('markedDuplicate', event.data.duplicateOf),
        ...(event.data.note && { note: event.data.note }),
      };
    case 'IncidentDuplicateUndone':
      return {
        summary: say('duplicateUndone', event.data.duplicateOf),
        ...(event.data.note && { note: event.data.note }),
      };
    case 'IncidentRedacted': {
      const { fields, reason, unsealedVersionsInLog = 0 } = event.data;
      const words = fields.map((f) => REDACTED_FIELD_WORDS[f]?.[lang] ?? f).join(', ');
      return {
        summary: say('redacted', words, unsealedVersionsInLog),
        reason,
        redaction: { fields, unsealedVersionsInLog },
      };
    }
  }
}

/**
 * The history's sentences in every language, so that an entry never mixes two (labels come
 * from the vocabularies in the same language). The kk, ky and tg wording awaits a native
 * speaker's review.
 */
const SENTENCES = {
  reported: {
    en: (title: string, what: string, t: number, p: number, s: number) =>
      `Reported "${title}": ${what}; ${t} target(s), ${p} perpetrator(s), ${s} source(s)`,
    ru: (title: string, what: string, t: number, p: number, s: number) =>
      `Сообщено «${title}»: ${what}; объектов: ${t}, источников угрозы: ${p}, источников информации: ${s}`,
    kk: (title: string, what: string, t: number, p: number, s: number) =>
      `Хабарланды «${title}»: ${what}; нысандар: ${t}, қауіп көздері: ${p}, ақпарат көздері: ${s}`,
    ky: (title: string, what: string, t: number, p: number, s: number) =>
      `Билдирилди «${title}»: ${what}; объекттер: ${t}, коркунуч булактары: ${p}, маалымат булактары: ${s}`,
    tg: (title: string, what: string, t: number, p: number, s: number) =>
      `Гузориш дода шуд «${title}»: ${what}; объектҳо: ${t}, манбаъҳои таҳдид: ${p}, манбаъҳои иттилоот: ${s}`,
  },
  reclassified: {
    en: (act: string) => `Reclassified a target (act ${act})`,
    ru: (act: string) => `Изменена категория объекта (акт ${act})`,
    kk: (act: string) => `Нысан санаты өзгертілді (акт ${act})`,
    ky: (act: string) => `Объекттин категориясы өзгөртүлдү (акт ${act})`,
    tg: (act: string) => `Категорияи объект иваз шуд (амал ${act})`,
  },
  corrected: {
    en: (field: string) => `Corrected ${field}`,
    ru: (field: string) => `Исправлено: ${field}`,
    kk: (field: string) => `Түзетілді: ${field}`,
    ky: (field: string) => `Оңдолду: ${field}`,
    tg: (field: string) => `Ислоҳ шуд: ${field}`,
  },
  targetAdded: {
    en: (what: string) => `Added a target: ${what}`,
    ru: (what: string) => `Добавлен объект: ${what}`,
    kk: (what: string) => `Нысан қосылды: ${what}`,
    ky: (what: string) => `Объект кошулду: ${what}`,
    tg: (what: string) => `Объект илова шуд: ${what}`,
  },
  targetRemoved: {
    en: (act: string) => `Removed a target (act ${act})`,
    ru: (act: string) => `Удалён объект (акт ${act})`,
    kk: (act: string) => `Нысан алынып тасталды (акт ${act})`,
    ky: (act: string) => `Объект алынып салынды (акт ${act})`,
    tg: (act: string) => `Объект хориҷ шуд (амал ${act})`,
  },
  perpetratorAdded: {
    en: (who: string) => `Added a perpetrator: ${who}`,
    ru: (who: string) => `Добавлен источник угрозы: ${who}`,
    kk: (who: string) => `Қауіп көзі қосылды: ${who}`,
    ky: (who: string) => `Коркунуч булагы кошулду: ${who}`,
    tg: (who: string) => `Манбаи таҳдид илова шуд: ${who}`,
  },
  sourceAttached: {
    en: (title: string) => `Attached a source: ${title}`,
    ru: (title: string) => `Приложен источник: ${title}`,
    kk: (title: string) => `Дереккөз тіркелді: ${title}`,
    ky: (title: string) => `Булак тиркелди: ${title}`,
    tg: (title: string) => `Манбаъ замима шуд: ${title}`,
  },
  outcomeRecorded: {
    en: (what: string) => `Recorded an outcome: ${what}`,
    ru: (what: string) => `Записан исход: ${what}`,
    kk: (what: string) => `Нәтиже жазылды: ${what}`,
    ky: (what: string) => `Натыйжа жазылды: ${what}`,
    tg: (what: string) => `Натиҷа сабт шуд: ${what}`,
  },
  verifiedByOverride: {
    en: (n: number) => `Verified by override (${n} independent source(s))`,
    ru: (n: number) => `Подтверждено в порядке исключения (независимых источников: ${n})`,
    kk: (n: number) => `Ерекше тәртіппен расталды (тәуелсіз көздер: ${n})`,
    ky: (n: number) => `Өзгөчө тартипте ырасталды (көз карандысыз булактар: ${n})`,
    tg: (n: number) => `Бо истисно тасдиқ шуд (манбаъҳои мустақил: ${n})`,
  },
  verified: {
    en: (n: number) => `Verified with ${n} independent sources`,
    ru: (n: number) => `Подтверждено (независимых источников: ${n})`,
    kk: (n: number) => `Расталды (тәуелсіз көздер: ${n})`,
    ky: (n: number) => `Ырасталды (көз карандысыз булактар: ${n})`,
    tg: (n: number) => `Тасдиқ шуд (манбаъҳои мустақил: ${n})`,
  },
  markedDuplicate: {
    en: (of: string) => `Marked as a duplicate of incident ${of}`,
    ru: (of: string) => `Отмечено как дубликат инцидента ${of}`,
    kk: (of: string) => `${of} оқиғасының көшірмесі ретінде белгіленді`,
    ky: (of: string) => `${of} окуясынын көчүрмөсү катары белгиленди`,
    tg: (of: string) => `Ҳамчун такрори ҳодисаи ${of} қайд шуд`,
  },
  duplicateUndone: {
    en: (of: string) => `Undid the duplicate mark (was a duplicate of ${of})`,
    ru: (of: string) => `Отметка о дубликате снята (был дубликатом ${of})`,
    kk: (of: string) => `Көшірме белгісі алынды (${of} көшірмесі болған)`,
    ky: (of: string) => `Көчүрмө белгиси алынды (${of} көчүрмөсү болгон)`,
    tg: (of: string) => `Аломати такрор бекор шуд (такрори ${of} буд)`,
  },
  redacted: {
    en: (fields: string, unsealed: number) =>
      `Redacted ${fields}: earlier versions unreadable` +
      (unsealed > 0 ? `, except ${unsealed} stored before sealing, still readable in the log` : ''),
    ru: (fields: string, unsealed: number) =>
      `Скрыто: ${fields}; прежние версии нечитаемы` +
      (unsealed > 0 ? `, кроме ${unsealed} записанных до шифрования, читаемых в журнале` : ''),
    kk: (fields: string, unsealed: number) =>
      `Жасырылды: ${fields}; бұрынғы нұсқалар оқылмайды` +
      (unsealed > 0 ? `, шифрлауға дейін жазылған ${unsealed} нұсқадан басқа` : ''),
    ky: (fields: string, unsealed: number) =>
      `Жашырылды: ${fields}; мурунку версиялар окулбайт` +
      (unsealed > 0 ? `, шифрлөөгө чейин жазылган ${unsealed} версиядан башка` : ''),
    tg: (fields: string, unsealed: number) =>
      `Пинҳон шуд: ${fields}; нусхаҳои пешина хонда намешаванд` +
      (unsealed > 0 ? `, ба ҷуз ${unsealed} нусхаи пеш аз рамзгузорӣ` : ''),
  },
} as const;

const RETRACTED: Record<Lang, string> = {
  en: 'Retracted',
  ru: 'Отозвано',
  kk: 'Кері қайтарылды',
  ky: 'Кайтарылып алынды',
  tg: 'Бозхонда шуд',
};

/** The fields a correction names, in words. */
const FIELD_WORDS: Record<Exclude<CorrectableField, 'targetCategory'>, Record<Lang, string>> = {
  title: { en: 'title', ru: 'название', kk: 'атауы', ky: 'аталышы', tg: 'унвон' },
  description: {
    en: 'description',
    ru: 'описание',
    kk: 'сипаттама',
    ky: 'сүрөттөмө',
    tg: 'тавсиф',
  },
  country: { en: 'country', ru: 'страна', kk: 'ел', ky: 'өлкө', tg: 'кишвар' },
  region: { en: 'region', ru: 'регион', kk: 'өңір', ky: 'аймак', tg: 'минтақа' },
  place: { en: 'place', ru: 'место', kk: 'орны', ky: 'жери', tg: 'ҷой' },
  location: {
    en: 'coordinates',
    ru: 'координаты',
    kk: 'координаттар',
    ky: 'координаттар',
    tg: 'координатаҳо',
  },
  occurred: { en: 'date', ru: 'дата', kk: 'күні', ky: 'күнү', tg: 'сана' },
  type: { en: 'type', ru: 'тип', kk: 'түрі', ky: 'түрү', tg: 'намуд' },
  rights: { en: 'rights', ru: 'права', kk: 'құқықтар', ky: 'укуктар', tg: 'ҳуқуқҳо' },
  legalBasis: {
    en: 'legal basis',
    ru: 'правовое основание',
    kk: 'құқықтық негіз',
    ky: 'укуктук негиз',
    tg: 'асоси ҳуқуқӣ',
  },
  tags: { en: 'tags', ru: 'метки', kk: 'белгілер', ky: 'белгилер', tg: 'барчаспҳо' },
};

/** The fields a redaction names, in words. */
const REDACTED_FIELD_WORDS: Record<RedactableField, Record<Lang, string>> = {
  title: FIELD_WORDS.title,
  description: FIELD_WORDS.description,
  place: FIELD_WORDS.place,
  tags: FIELD_WORDS.tags,
  sourceTitles: {
    en: 'source titles',
    ru: 'названия источников',
    kk: 'дереккөз атаулары',
    ky: 'булак аталыштары',
    tg: 'унвонҳои манбаъ',
  },
};
