import { LANGS } from '../vocabularies';
import { LEGAL_BASIS_EXAMPLES, parseLegalBasis, ParsedLegalBasis } from './parse-legal-basis';

const KZ_405: ParsedLegalBasis = { instrument: 'KZ Criminal Code', article: '405' };
const TJ_307_1: ParsedLegalBasis = { instrument: 'TJ Criminal Code', article: '307', part: '1' };
const KZ_488: ParsedLegalBasis = {
  instrument: 'KZ Code of Administrative Offences',
  article: '488',
};
const KG_330: ParsedLegalBasis = { instrument: 'KG Criminal Code', article: '330' };

/** The table of docs/legal-basis.md: every written form and what it reads as. */
const FORMS: readonly (readonly [string, ParsedLegalBasis])[] = [
  // Russian
  ['ст. 405 УК РК', KZ_405],
  ['ст.405 УК РК', KZ_405],
  ['статья 405 Уголовного кодекса Республики Казахстан', KZ_405],
  ['ч. 1 ст. 307 УК РТ', TJ_307_1],
  ['ч.1 ст.307 УК РТ', TJ_307_1],
  ['часть 1 статьи 307 УК РТ', TJ_307_1],
  ['ст. 488 КоАП РК', KZ_488],
  ['УК КР 330', KG_330],
  ['ст. 330 УК КР', KG_330],
  ['ч. 2 ст. 174 УК РК', { instrument: 'KZ Criminal Code', article: '174', part: '2' }],
  ['ст. 74 Кодекса о правонарушениях КР', { instrument: 'KG Code of Offences', article: '74' }],
  ['ст. 183 УПК РК', { instrument: 'KZ Criminal Procedure Code', article: '183' }],
  // Kazakh
  ['ҚР ҚК 405-бабы', KZ_405],
  ['ҚР Қылмыстық кодексінің 405-бабы', KZ_405],
  ['ҚР ӘҚБтК 488-бабы', KZ_488],
  ['ҚР ҚК 174-бабының 2-бөлігі', { instrument: 'KZ Criminal Code', article: '174', part: '2' }],
  // Kyrgyz
  ['КР КЖК 330-беренеси', KG_330],
  ['Кыргыз Республикасынын Кылмыш-жаза кодексинин 330-беренеси', KG_330],
  ['КР КЖК 330-беренесинин 1-бөлүгү', { ...KG_330, part: '1' }],
  // Tajik
  ['моддаи 307 КҶ ҶТ', { instrument: 'TJ Criminal Code', article: '307' }],
  ['қисми 1 моддаи 307 КҶ ҶТ', TJ_307_1],
  ['қисми 1 моддаи 307 Кодекси ҷиноятии Ҷумҳурии Тоҷикистон', TJ_307_1],
  // English
  ['KZ CC art. 405', KZ_405],
  ['KZ Criminal Code art. 405', KZ_405],
  ['Article 405 of the Criminal Code of Kazakhstan', KZ_405],
  ['TJ CC art. 307 part 1', TJ_307_1],
  ['TJ CC art. 307(1)', TJ_307_1],
  ['KZ Code of Administrative Offences art. 488', KZ_488],
  ['KG CC 330', KG_330],
  // The pipe form, for any instrument
  ['KZ Criminal Code|405', KZ_405],
  [
    'KZ Law on Peaceful Assemblies|8',
    { instrument: 'KZ Law on Peaceful Assemblies', article: '8' },
  ],
];

describe('parseLegalBasis', () => {
  it.each(FORMS)('reads %s', (text, expected) => {
    expect(parseLegalBasis(text)).toEqual({ ok: true, value: expected });
  });

  it('reads the four written forms of KZ Criminal Code 405 as one article', () => {
    const read = [
      'ст. 405 УК РК',
      'KZ CC art. 405',
      'KZ Criminal Code art. 405',
      'ҚР ҚК 405-бабы',
    ].map((t) => parseLegalBasis(t));
    expect(new Set(read.map((r) => JSON.stringify(r))).size).toBe(1);
  });

  it('does not read the Criminal Procedure Code as the Criminal Code', () => {
    expect(parseLegalBasis('ст. 183 УПК РК')).toMatchObject({
      value: { instrument: 'KZ Criminal Procedure Code' },
    });
  });

  it.each([
    ['405', 'no instrument'],
    ['УК 405', 'no country'],
    ['УК РК', 'no article'],
    ['ст. 405 Закона о СМИ', 'an unknown instrument'],
    ['', 'nothing'],
  ])('refuses %j (%s) with an accepted form in the sheet language', (text) => {
    for (const lang of LANGS) {
      const parsed = parseLegalBasis(text, lang);
      expect(parsed).toMatchObject({ ok: false, example: LEGAL_BASIS_EXAMPLES[lang] });
      if (!parsed.ok) expect(parsed.message).toContain(LEGAL_BASIS_EXAMPLES[lang]);
    }
  });

  it('offers examples that it reads itself', () => {
    for (const lang of LANGS) {
      expect(parseLegalBasis(LEGAL_BASIS_EXAMPLES[lang])).toMatchObject({ ok: true });
    }
  });
});
