import { isLang, Lang } from '@app/domain';
import { ProblemDetails } from './problem-details';

const w = (en: string, ru: string, kk: string, ky: string, tg: string): Record<Lang, string> => ({
  en,
  ru,
  kk,
  ky,
  tg,
});

// The titles a client shows to a person; English stays the HTTP reason phrase.
const TITLES: Record<number, Record<Lang, string>> = {
  400: w('Bad Request', 'Неверный запрос', 'Қате сұрау', 'Туура эмес суроо', 'Дархости нодуруст'),
  401: w(
    'Unauthorized',
    'Требуется вход',
    'Кіру қажет',
    'Кирүү талап кылынат',
    'Ворид шудан лозим',
  ),
  403: w('Forbidden', 'Доступ запрещён', 'Рұқсат жоқ', 'Уруксат жок', 'Дастрасӣ манъ аст'),
  404: w('Not Found', 'Не найдено', 'Табылмады', 'Табылган жок', 'Ёфт нашуд'),
  409: w(
    'Conflict',
    'Конфликт версий',
    'Нұсқалар қайшылығы',
    'Версиялар карама-каршылыгы',
    'Ихтилофи версияҳо',
  ),
  413: w(
    'Payload Too Large',
    'Слишком большой файл',
    'Файл тым үлкен',
    'Файл өтө чоң',
    'Файл хеле калон',
  ),
  415: w(
    'Unsupported Media Type',
    'Неподдерживаемый формат',
    'Қолдау көрсетілмейтін формат',
    'Колдоого алынбаган формат',
    'Формати дастгиринашаванда',
  ),
  422: w(
    'Unprocessable Content',
    'Нарушено правило',
    'Ереже бұзылды',
    'Эреже бузулду',
    'Қоида вайрон шуд',
  ),
  503: w(
    'Service Unavailable',
    'Сервис недоступен',
    'Қызмет қолжетімсіз',
    'Кызмат жеткиликсиз',
    'Хизмат дастнорас аст',
  ),
};
const INVALID_FIELDS = w(
  'Invalid fields',
  'Неверные поля',
  'Қате өрістер',
  'Туура эмес талаалар',
  'Майдонҳои нодуруст',
);
const ALLOWED = w(
  'allowed',
  'допустимо',
  'рұқсат етілген',
  'уруксат берилген',
  'иҷозат дода шудааст',
);

/**
 * The problem in the client's language (`lang` of the request): the title, and for invalid
 * fields a detail naming each field and, where the values are a closed list, the rule.
 * `errors[].message` stays in English: it is for developers and logs.
 */
export function localizeProblem(problem: ProblemDetails, lang: Lang): ProblemDetails {
  if (lang === 'en') return withRules(problem, lang);
  const title = TITLES[problem.status]?.[lang] ?? problem.title;
  return withRules({ ...problem, title }, lang);
}

function withRules(problem: ProblemDetails, lang: Lang): ProblemDetails {
  if (problem.errors === undefined || problem.status !== 400) return problem;
  const byField = new Map<string, string>();
  for (const e of problem.errors) {
    const rule =
      e.allowed !== undefined && e.allowed.length <= 30
        ? ` (${ALLOWED[lang]}: ${e.allowed.join(', ')})`
        : '';
    if (!byField.has(e.field) || rule !== '') byField.set(e.field, `${e.field}${rule}`);
  }
  return { ...problem, detail: `${INVALID_FIELDS[lang]}: ${[...byField.values()].join('; ')}.` };
}

/** The language a request asks for: `lang` in its query or body, else Accept-Language. */
export function requestLang(request: {
  originalUrl?: string;
  url?: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}): Lang {
  const query = (request.originalUrl ?? request.url ?? '').split('?')[1];
  if (query !== undefined) {
    const lang = safeParams(query)?.get('lang');
    if (isLang(lang)) return lang;
  }
  const body = request.body as { lang?: unknown } | undefined;
  if (body !== null && typeof body === 'object' && isLang(body.lang)) return body.lang;
  const accept = request.headers['accept-language'];
  const first = typeof accept === 'string' ? accept.split(',')[0]?.split(/[-;]/)[0]?.trim() : '';
  return isLang(first) ? first : 'en';
}

function safeParams(query: string): URLSearchParams | undefined {
  try {
    return new URLSearchParams(query);
  } catch {
    return undefined;
  }
}
