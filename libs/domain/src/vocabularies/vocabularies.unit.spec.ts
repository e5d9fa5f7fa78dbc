import {
  allowedCodes,
  COUNTRY_CODES,
  countryOfRegion,
  CURRENT_REGION_CODES,
  currentCodes,
  defineVocabulary,
  familyOf,
  fineUnitNeedsYear,
  INCIDENT_FAMILIES,
  INCIDENT_TYPES,
  IncidentType,
  isKnownCode,
  isLang,
  isVocabularyName,
  labelOf,
  LANGS,
  OUTCOME_TYPES,
  PERPETRATOR_SOURCES,
  REGION_CODES,
  resolveCode,
  RIGHTS,
  TARGET_CATEGORIES,
  TargetCategory,
  termOf,
  Vocabulary,
  VOCABULARIES,
  vocabulariesIn,
} from '.';

const ALL: [string, Vocabulary][] = Object.entries(VOCABULARIES);
const NATIVE = ['ru', 'kk', 'ky', 'tg'] as const;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;
const LETTERS = { kk: /[әғқңөұүһі]/i, ky: /[ңөү]/i, tg: /[ғӣқӯҳҷ]/i };
const ISO_VOCABULARIES = ['country', 'region'];

describe('every vocabulary', () => {
  it.each(ALL)('%s is registered under its own name, at a YYYY.N version', (name, v) => {
    expect(v.name).toBe(name);
    expect(v.version).toMatch(/^\d{4}\.\d+$/);
  });

  it.each(ALL)('%s has unique codes in the agreed form', (name, v) => {
    const codes = v.terms.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    const form = ISO_VOCABULARIES.includes(name)
      ? /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/
      : /^[a-z]+(_[a-z]+)*$/;
    for (const code of codes) expect(code).toMatch(form);
  });

  it.each(ALL)('%s labels every term in all five languages', (_name, v) => {
    for (const term of v.terms) {
      for (const lang of LANGS) expect(term.labels[lang]?.trim()).toBeTruthy();
    }
  });

  it.each(ALL)('%s labels ru, kk, ky, tg in Cyrillic, never as the English label', (_name, v) => {
    for (const term of v.terms) {
      for (const lang of NATIVE) {
        const label = term.labels[lang];
        expect({
          code: term.code,
          lang,
          label,
          cyrillic: CYRILLIC.test(label),
          latin: LATIN.test(label),
        }).toEqual({
          code: term.code,
          lang,
          label,
          cyrillic: true,
          latin: false,
        });
        expect(label).not.toBe(term.labels.en);
      }
    }
  });

  it.each(ALL)('%s uses Kazakh letters in its Kazakh labels', (_name, v) => {
    expect(v.terms.some((t) => LETTERS.kk.test(t.labels.kk))).toBe(true);
  });

  it.each(ALL)('%s was not copied from Russian into kk, ky or tg', (_name, v) => {
    for (const lang of ['kk', 'ky', 'tg'] as const) {
      expect(v.terms.some((t) => t.labels[lang] !== t.labels.ru)).toBe(true);
    }
  });

  it('Kyrgyz and Tajik labels use their own letters', () => {
    const labels = (lang: 'ky' | 'tg') =>
      ALL.flatMap(([, v]) => v.terms.map((t) => t.labels[lang]));
    expect(labels('ky').filter((l) => LETTERS.ky.test(l)).length).toBeGreaterThan(50);
    expect(labels('tg').filter((l) => LETTERS.tg.test(l)).length).toBeGreaterThan(50);
  });

  it.each(ALL)('%s resolves every current label and alias back to its own term', (_name, v) => {
    for (const term of v.terms.filter((t) => !t.deprecated)) {
      for (const name of [...Object.values(term.labels), ...(term.aliases ?? [])]) {
        expect({ name, code: resolveCode(v, name) }).toEqual({ name, code: term.code });
      }
    }
  });

  it.each(ALL)(
    '%s maps each deprecated term to current terms of the same vocabulary',
    (_name, v) => {
      for (const term of v.terms.filter((t) => t.deprecated)) {
        for (const code of term.deprecated!.replacedBy ?? []) expect(termOf(v, code)).toBeDefined();
        for (const code of currentCodes(v, term.code)) expect(isKnownCode(v, code)).toBe(true);
      }
    },
  );
});

describe('the domain lists', () => {
  it("puts Kadyr-Kasiyet's eight target categories first, in its order", () => {
    expect(TARGET_CATEGORIES.slice(0, 8)).toEqual([
      'human_rights_defender',
      'civil_activist',
      'lawyer',
      'journalist',
      'trade_union_activist',
      'religious_activist',
      'political_activist',
      'public_figure',
    ]);
    expect(VOCABULARIES.target_category.terms.map((t) => t.code)).toEqual(TARGET_CATEGORIES);
  });

  it("puts Kadyr-Kasiyet's nine sources of threat first, in its order", () => {
    expect(PERPETRATOR_SOURCES.slice(0, 9)).toEqual([
      'police',
      'court',
      'temporary_detention_facility',
      'akimat',
      'unknown_persons',
      'citizens',
      'national_security_committee',
      'local_authorities',
      'tax_authorities',
    ]);
  });

  it("starts the rights with the three in Kadyr-Kasiyet's data", () => {
    expect(RIGHTS.slice(0, 3)).toEqual([
      'freedom_of_peaceful_assembly',
      'freedom_of_association',
      'freedom_of_expression',
    ]);
  });

  it('holds every outcome of a case that monitors record', () => {
    expect(OUTCOME_TYPES).toHaveLength(14);
    expect(OUTCOME_TYPES).toEqual(
      expect.arrayContaining(['convicted', 'pardoned', 'un_opinion_issued', 'died']),
    );
  });

  it.each<[IncidentType, string]>([
    ['freedom_restriction', 'liberty_and_justice'],
    ['preventive_talk', 'liberty_and_justice'],
    ['death_in_custody', 'physical_integrity'],
    ['ngo_tax_inspection', 'civic_space'],
    ['website_blocking', 'information'],
    ['transnational_repression', 'reprisals'],
    ['religious_restriction', 'identity_and_belief'],
    ['electoral_exclusion', 'structural'],
  ])('puts %s in the %s family', (type, family) => {
    expect(familyOf(type)).toBe(family);
  });

  it('groups the incident types in their families', () => {
    const byFamily = Object.fromEntries(
      INCIDENT_FAMILIES.map((f) => [f, INCIDENT_TYPES.filter((t) => familyOf(t) === f).length]),
    );
    expect(byFamily).toEqual({
      liberty_and_justice: 12,
      physical_integrity: 6,
      civic_space: 9,
      information: 6,
      reprisals: 4,
      identity_and_belief: 3,
      structural: 3,
    });
    for (const type of INCIDENT_TYPES)
      expect(termOf('incident_type', type)?.family).toBe(familyOf(type));
  });

  it('gives an ESF act-type hint only where one clearly fits', () => {
    const hinted = Object.fromEntries(
      VOCABULARIES.incident_type.terms
        .filter((t) => t.esfActType)
        .map((t) => [t.code, t.esfActType]),
    );
    expect(hinted).toEqual({
      detention: 'Arrest',
      administrative_arrest: 'Detention',
      pre_trial_detention: 'Detention',
      search_or_raid: 'Raid/illegal search',
      abduction_or_disappearance: 'Disappearance',
      organisation_ban: 'Banning of a group',
      assembly_restriction: 'Limitations on assemblies',
      censorship: 'Censorship',
      surveillance: 'Surveillance',
    });
  });

  it('marks the target categories that fit only organisations', () => {
    const organisational = VOCABULARIES.target_category.terms
      .filter((t) => t.targetKind === 'organisation')
      .map((t) => t.code);
    expect(organisational).toEqual([
      'ngo',
      'media_outlet',
      'political_party',
      'religious_group',
      'trade_union',
    ]);
    expect(termOf('target_category', 'other')?.targetKind).toBeUndefined();
  });

  it('needs a year for MCI amounts only', () => {
    expect(fineUnitNeedsYear('mci')).toBe(true);
    expect(fineUnitNeedsYear('kzt')).toBe(false);
  });
});

describe('places', () => {
  it('covers every current subdivision of KZ (20), KG (9), TJ (5), UZ (14) and TM (6)', () => {
    const count = (country: string) =>
      CURRENT_REGION_CODES.filter((c) => countryOfRegion(c) === country).length;
    expect(['KZ', 'KG', 'TJ', 'UZ', 'TM'].map(count)).toEqual([20, 9, 5, 14, 6]);
    expect(allowedCodes('region')).toEqual(CURRENT_REGION_CODES);
  });

  it('places every region in a country we cover', () => {
    for (const region of REGION_CODES) expect(COUNTRY_CODES).toContain(countryOfRegion(region));
  });

  it.each([
    ['Nur-Sultan', 'KZ-71'],
    ['nur sultan', 'KZ-71'],
    ['Нур-Султан', 'KZ-71'],
    ['Нұр-Сұлтан', 'KZ-71'],
    ['Akmola', 'KZ-71'],
    ['Akmola Region', 'KZ-11'],
    ['Alma-Ata', 'KZ-75'],
    ['Алматы', 'KZ-75'],
    ['Алматинская область', 'KZ-19'],
    ['Chimkent', 'KZ-79'],
    ['Frunze', 'KG-GB'],
    ['Бишкек', 'KG-GB'],
    ['Ош', 'KG-GO'],
    ['Ош облусу', 'KG-O'],
    ['Khujand', 'TJ-SU'],
    ['Ленинабад', 'TJ-SU'],
    ['ГБАО', 'TJ-GB'],
    ['Ноҳияҳои тобеи ҷумҳурӣ', 'TJ-RA'],
    ['kz-71', 'KZ-71'],
    ['Nukus', 'UZ-QR'],
    ['Тошканд', 'UZ-TK'],
    ['Ташкентская область', 'UZ-TO'],
    ['Tashauz', 'TM-D'],
    ['Ашхабад', 'TM-S'],
  ])('resolves %s to %s', (text, code) => {
    expect(resolveCode('region', text)).toBe(code);
  });

  it("keeps Kazakhstan's pre-2022 letter codes, deprecated, mapped to the codes in force", () => {
    expect(resolveCode('region', 'KZ-AST')).toBe('KZ-AST');
    expect(isKnownCode('region', 'KZ-AST')).toBe(false);
    expect(currentCodes('region', 'KZ-AST')).toEqual(['KZ-71']);
    expect(currentCodes('region', 'KZ-ALA')).toEqual(['KZ-75']);
    expect(currentCodes('region', 'KZ-ALM')).toEqual(['KZ-19', 'KZ-33']);
    expect(currentCodes('region', 'KZ-VOS')).toEqual(['KZ-63', 'KZ-10']);
    expect(currentCodes('region', 'KZ-KAR')).toEqual(['KZ-35', 'KZ-62']);
    expect(labelOf('region', 'KZ-AST', 'ru')).toBe('Астана (код ИСО до 2022 года)');
  });
});

describe('resolveCode', () => {
  it.each<[keyof typeof VOCABULARIES, string, string]>([
    ['incident_type', 'ограничение свободы', 'freedom_restriction'],
    ['incident_type', 'Бас бостандығын шектеу', 'freedom_restriction'],
    ['incident_type', '  ПРОФИЛАКТИЧЕСКАЯ   беседа ', 'preventive_talk'],
    ['target_category', 'Правозащитник', 'human_rights_defender'],
    ['target_category', 'Құқық қорғаушы', 'human_rights_defender'],
    ['target_category', 'укук коргоочу', 'human_rights_defender'],
    ['target_category', 'Ҳимоятгари ҳуқуқи инсон', 'human_rights_defender'],
    ['target_category', 'блогер', 'journalist'],
    ['perpetrator_source', 'КНБ', 'national_security_committee'],
    ['perpetrator_source', 'GKNB', 'national_security_committee'],
    ['perpetrator_source', 'УКМК', 'national_security_committee'],
    ['perpetrator_source', 'Әкімдік', 'akimat'],
    ['perpetrator_source', 'милиция', 'police'],
    ['perpetrator_source', 'Tax authorities', 'tax_authorities'],
    ['country', 'Объединенные Арабские Эмираты', 'AE'],
    ['country', 'kg', 'KG'],
    ['fine_unit', 'МРП', 'mci'],
    ['outcome', 'Голодовка', 'hunger_strike'],
  ])('resolves %s "%s" to "%s"', (vocabulary, text, code) => {
    expect(resolveCode(vocabulary, text)).toBe(code);
  });

  it('finds nothing for text that names no term', () => {
    expect(resolveCode('target_category', 'astronaut')).toBeUndefined();
    expect(resolveCode('target_category', '')).toBeUndefined();
  });
});

describe('lookups', () => {
  it('accepts current codes only, exactly as written', () => {
    expect(isKnownCode('target_category', 'journalist')).toBe(true);
    expect(isKnownCode('target_category', 'Journalist')).toBe(false);
    expect(isKnownCode('target_category', 'astronaut')).toBe(false);
    expect(isKnownCode('country', 'KZ')).toBe(true);
  });

  it('narrows a checked string to the code union', () => {
    const input: string = 'lawyer';
    if (isKnownCode('target_category', input)) {
      const category: TargetCategory = input;
      expect(category).toBe('lawyer');
    }
  });

  it('lists allowed codes in display order', () => {
    expect(allowedCodes('perpetrator_role')).toEqual(['main', 'secondary']);
    expect(allowedCodes('date_precision').join(', ')).toBe('day, month, year');
  });

  it('labels a code in each language', () => {
    expect(labelOf('incident_type', 'freedom_restriction', 'ru')).toBe('Ограничение свободы');
    expect(labelOf('perpetrator_source', 'akimat', 'kk')).toBe('Әкімдік');
    expect(labelOf('country', 'TJ', 'tg')).toBe('Тоҷикистон');
    expect(labelOf('country', 'XX', 'en')).toBeUndefined();
  });

  it('recognises languages and vocabulary names', () => {
    expect(isLang('kk')).toBe(true);
    expect(isLang('uz')).toBe(false);
    expect(isVocabularyName('region')).toBe(true);
    expect(isVocabularyName('toString')).toBe(false);
  });
});

describe('vocabulariesIn', () => {
  const listing = vocabulariesIn('ru');

  it('lists every vocabulary as plain data labelled in one language', () => {
    expect(listing.map((v) => v.name)).toEqual(Object.keys(VOCABULARIES));
    expect(JSON.parse(JSON.stringify(listing))).toEqual(listing);
    const types = listing.find((v) => v.name === 'incident_type')!;
    expect(types.version).toBe('2026.1');
    expect(types.terms.find((t) => t.code === 'freedom_restriction')).toEqual({
      code: 'freedom_restriction',
      label: 'Ограничение свободы',
      family: 'liberty_and_justice',
    });
  });

  it('shows deprecations and the terms awaiting review', () => {
    const regions = listing.find((v) => v.name === 'region')!;
    expect(regions.terms.find((t) => t.code === 'KZ-ALM')?.deprecated).toEqual({
      since: '2026.1',
      replacedBy: ['KZ-19', 'KZ-33'],
    });
    const sources = listing.find((v) => v.name === 'perpetrator_source')!;
    expect(sources.terms.find((t) => t.code === 'akimat')?.reviewNeeded).toBe(true);
  });
});

describe('a later release that renames, splits, merges and retires terms', () => {
  const labels = (en: string, ru: string) => ({
    en,
    ru,
    kk: `${ru} (kk)`,
    ky: `${ru} (ky)`,
    tg: `${ru} (tg)`,
  });
  const CODES = [
    'summons',
    'interrogation',
    'talk',
    'search',
    'raid',
    'old_a',
    'old_b',
    'merged',
    'gone',
    'loop_a',
    'loop_b',
  ] as const;
  const v2 = defineVocabulary('example', '2027.1', CODES, {
    // renamed, then split: the chain is followed to the current terms
    summons: {
      labels: labels('Summons', 'Вызов'),
      deprecated: { since: '2026.2', replacedBy: ['interrogation'] },
    },
    interrogation: {
      labels: labels('Interrogation', 'Допрос'),
      deprecated: { since: '2027.1', replacedBy: ['talk', 'search'] },
    },
    talk: { labels: labels('Talk', 'Беседа') },
    search: { labels: labels('Search', 'Обыск') },
    // a current term reusing a deprecated term's name wins the name
    raid: { labels: labels('Raid', 'Рейд'), aliases: ['Вызов'] },
    old_a: {
      labels: labels('Old A', 'Старый А'),
      deprecated: { since: '2027.1', replacedBy: ['merged'] },
    },
    old_b: {
      labels: labels('Old B', 'Старый Б'),
      deprecated: { since: '2027.1', replacedBy: ['merged'] },
    },
    merged: { labels: labels('Merged', 'Объединённый') },
    gone: { labels: labels('Gone', 'Удалённый'), deprecated: { since: '2027.1' } },
    loop_a: {
      labels: labels('Loop A', 'Петля А'),
      deprecated: { since: '2027.1', replacedBy: ['loop_b'] },
    },
    loop_b: {
      labels: labels('Loop B', 'Петля Б'),
      deprecated: { since: '2027.1', replacedBy: ['loop_a'] },
    },
  });

  it.each<[string, string[]]>([
    ['talk', ['talk']],
    ['interrogation', ['talk', 'search']],
    ['summons', ['talk', 'search']],
    ['old_a', ['merged']],
    ['old_b', ['merged']],
    ['gone', []],
    ['loop_a', []],
    ['unknown', []],
  ])('maps %s to %j', (code, current) => {
    expect(currentCodes(v2, code)).toEqual(current);
  });

  it('keeps old codes readable but refuses them in new records', () => {
    expect(labelOf(v2, 'summons', 'ru')).toBe('Вызов');
    expect(isKnownCode(v2, 'summons')).toBe(false);
    expect(allowedCodes(v2)).toEqual(['talk', 'search', 'raid', 'merged']);
  });

  it('resolves a deprecated name unless a current term uses it', () => {
    expect(resolveCode(v2, 'Допрос')).toBe('interrogation');
    expect(resolveCode(v2, 'Вызов')).toBe('raid');
    expect(resolveCode(v2, 'summons')).toBe('summons');
  });

  it('resolves a name two current terms share to neither', () => {
    const clash = defineVocabulary('clash', '2026.1', ['a', 'b'] as const, {
      a: { labels: labels('A', 'А'), aliases: ['same'] },
      b: { labels: labels('B', 'Б'), aliases: ['same'] },
    });
    expect(resolveCode(clash, 'same')).toBeUndefined();
    expect(resolveCode(clash, 'A')).toBe('a');
  });
});
