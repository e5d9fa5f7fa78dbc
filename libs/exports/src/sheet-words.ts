import { Lang } from '@app/domain';

const w = (en: string, ru: string, kk: string, ky: string, tg: string): Record<Lang, string> => ({
  en,
  ru,
  kk,
  ky,
  tg,
});

/** The words of an exported workbook (kk, ky and tg await a native speaker's review). */
export const SHEET_WORDS = {
  definitions: w('Definitions', 'Определения', 'Анықтамалар', 'Аныктамалар', 'Таърифҳо'),
  sources: w('Sources', 'Источники', 'Дереккөздер', 'Булактар', 'Манбаъҳо'),
  position: w('Position', 'Позиция', 'Позиция', 'Позиция', 'Мавқеъ'),
  positionTime: w(
    'Time of the position (UTC)',
    'Время позиции (UTC)',
    'Позиция уақыты (UTC)',
    'Позициянын убактысы (UTC)',
    'Вақти мавқеъ (UTC)',
  ),
  snapshot: w('Snapshot', 'Снимок', 'Сурет', 'Сүрөт', 'Акс'),
  term: w('Term', 'Термин', 'Термин', 'Термин', 'Истилоҳ'),
  definition: w('Definition', 'Определение', 'Анықтама', 'Аныктама', 'Таъриф'),
  sourcesIntro: w(
    'Third-party figures that answer the same questions, beside ours at the same position.',
    'Данные третьих сторон по тем же вопросам рядом с нашими на той же позиции.',
    'Сол сұрақтар бойынша үшінші тараптың деректері, сол позициядағы біздің деректермен қатар.',
    'Ошол эле суроолор боюнча үчүнчү тараптын маалыматтары, ошол эле позициядагы биздикинин жанында.',
    'Рақамҳои ҷонибҳои сеюм ба ҳамон саволҳо, дар паҳлӯи рақамҳои мо дар ҳамон мавқеъ.',
  ),
  sheet: w('Sheet', 'Лист', 'Парақ', 'Барак', 'Варақ'),
  source: w('Source', 'Источник', 'Дереккөз', 'Булак', 'Манбаъ'),
  statement: w('Statement', 'Формулировка', 'Тұжырым', 'Билдирүү', 'Изҳорот'),
  period: w('Period', 'Период', 'Кезең', 'Мезгил', 'Давра'),
  theirs: w('Their figure', 'Их данные', 'Олардың деректері', 'Алардын маалыматы', 'Рақами онҳо'),
  ours: w('Our figure', 'Наши данные', 'Біздің деректер', 'Биздин маалымат', 'Рақами мо'),
  terms: {
    counted: w(
      'What is counted',
      'Что считается',
      'Не есептеледі',
      'Эмне эсептелет',
      'Чӣ ҳисоб мешавад',
    ),
    total: w('Total', 'Итого', 'Барлығы', 'Бардыгы', 'Ҳамагӣ'),
    multiple: w(
      'Several values',
      'Несколько значений',
      'Бірнеше мән',
      'Бир нече маани',
      'Якчанд қимат',
    ),
    period: w('Period', 'Период', 'Кезең', 'Мезгил', 'Давра'),
    asOf: w('As of', 'По состоянию на', 'Жағдай бойынша', 'Абал боюнча', 'Ба ҳолати'),
  },
};
