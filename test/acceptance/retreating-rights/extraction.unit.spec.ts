import { IncidentRecord, readDataset } from '../../../tools/demo/retreating-rights.dataset';

/**
 * Acceptance (issue 7): ten records compared field by field with the publications. Each
 * expectation is written from the publication's account (quoted above it; the publication and
 * the section cited), not from the dataset, so a record that drifts from its source fails here.
 */
const KZ = 'Retreating Rights - Kazakhstan: Introduction';
const KG = 'Retreating Rights - Kyrgyzstan (Kyrgyz-language introduction)';

interface Expected {
  /** The publication the row is in; `section` names its sub-heading. */
  cites: string;
  dateAsStated: string;
  occurred: IncidentRecord['occurred'];
  place?: string;
  region?: string;
  type: string;
  otherTypes?: string[];
  /** Named targets (record key → category) and unnamed groups (categories). */
  targets: Record<string, string>;
  groups?: string[];
  perpetrators: string[];
  legalBasis?: string[];
  outcomes?: string[];
  section: string;
  flags?: string[];
}

const EXPECTED: Record<string, Expected> = {
  // "| KZ-02 | "On May 17th 2016" | day | not stated | Max Bokayev ... (CIV) | T01, T06, T09, T08 | not named | ..."
  'rr-kz-02': {
    cites: KZ,
    dateAsStated: 'On May 17th 2016',
    occurred: { date: '2016-05-17', precision: 'day' },
    type: 'criminal_case',
    otherTypes: ['detention', 'imprisonment', 'freedom_restriction'],
    targets: { 'kz-bokayev': 'civil_activist' },
    perpetrators: [],
    outcomes: ['convicted', 'released'],
    section: 'Independent Kazakhstan; The wider human rights and civil society situation',
  },
  // "| KZ-06 | "In March 2019" | month | not stated (the Atajurt offices) | Serikzhan Bilash (HRD/CIV); Atajurt (ORG) |
  //  T29, T01, T06, T08 | "Kazakhstani officials" | "inciting ethnic tensions"; Art. 174 | ... ‘freedom freedom’ order ..."
  'rr-kz-06': {
    cites: KZ,
    dateAsStated: 'In March 2019',
    occurred: { date: '2019-03', precision: 'month' },
    place: 'the Atajurt offices',
    type: 'search_or_raid',
    otherTypes: ['detention', 'criminal_case', 'freedom_restriction'],
    targets: { 'kz-bilash': 'human_rights_defender', 'kz-atajurt': 'ngo' },
    perpetrators: ['other:main'],
    legalBasis: ['KZ Criminal Code|174'],
    outcomes: ['convicted', 'un_opinion_issued'],
    section: 'The wider human rights and civil society situation',
    flags: ['source_typo'],
  },
  // "| KZ-09 | "arrested at his home in February 2020" | month | Nur-Sultan (detention centre ...) | Dulat Agadil, QDT
  //  activist (POL) | T01, T05, T11 | police; pre-trial detention center | ..." (+ §3G: police custody vs pre-trial centre)
  'rr-kz-09': {
    cites: KZ,
    dateAsStated: 'arrested at his home in February 2020',
    occurred: { date: '2020-02', precision: 'month' },
    place: 'Nur-Sultan (pre-trial detention centre); arrested at his home',
    region: 'KZ-71',
    type: 'death_in_custody',
    otherTypes: ['detention', 'pre_trial_detention'],
    targets: { 'kz-agadil': 'political_activist' },
    perpetrators: ['police:main', 'prison_service:secondary'],
    outcomes: ['died'],
    section:
      'The wider human rights and civil society situation; The wider human rights and civil society situation › Monitoring the security situation of human rights defenders (Kadyr-Kasiyet)',
    flags: ['contradiction'],
  },
  // "| KZ-13 | "in June 2020" | month | not stated | Asya Tulesova, civic activist (CIV) | T23, T05, T06, T08 |
  //  police; Court | ... "a one and a half year probation order that included ‘freedom restrictions’" ..."
  'rr-kz-13': {
    cites: KZ,
    dateAsStated: 'in June 2020',
    occurred: { date: '2020-06', precision: 'month' },
    type: 'pre_trial_detention',
    otherTypes: ['threat_of_violence', 'criminal_case', 'freedom_restriction'],
    targets: { 'kz-tulesova': 'civil_activist' },
    perpetrators: ['police:main', 'court:secondary'],
    outcomes: ['convicted'],
    section: 'The wider human rights and civil society situation',
  },
  // "| KZ-32 | "both before and immediately after the January 2021 elections" | range | national | "13 leading human
  //  rights NGOs (including Kadyr-Kasiyet and the International Legal Initiative ...)" (ORG, HRD) | T12, T16 (threatened) |
  //  "the tax authorities" | ... "most of the tax cases were dropped between February and April 2021""
  'rr-kz-32': {
    cites: KZ,
    dateAsStated: 'both before and immediately after the January 2021 elections',
    occurred: { date: '2020', precision: 'year', until: '2021', approximate: true },
    type: 'ngo_tax_inspection',
    otherTypes: ['liquidation_or_suspension'],
    targets: { 'kz-kadyr-kasiyet': 'ngo', 'kz-ili': 'ngo' },
    groups: ['ngo'],
    perpetrators: ['tax_authorities:main'],
    legalBasis: ['KZ NGO laws (2015, 2016)|unspecified'],
    outcomes: ['charges_dropped'],
    section: 'The wider human rights and civil society situation',
  },
  // "| KZ-44 | ... "a sentence in 2019"; "released in March 2020"; restriction "until 2026" | year; month | not stated |
  //  Erlan Baltabay (TU) | T06, T09, T08; pardon | Court; President (pardon) | ..."
  'rr-kz-44': {
    cites: KZ,
    dateAsStated:
      '"in and out of jail since 2017"; "a sentence in 2019"; "released in March 2020"; restriction "until 2026"',
    occurred: { date: '2019', precision: 'year' },
    type: 'imprisonment',
    otherTypes: ['criminal_case', 'freedom_restriction'],
    targets: { 'kz-baltabay': 'trade_union_activist' },
    perpetrators: ['court:main'],
    outcomes: ['convicted', 'pardoned', 'convicted', 'released'],
    section: 'Labour rights',
  },
  // "| KZ-62 | "in February 2020" | month | Masanchi (Dungan village) | Dungan minority | T33 | non-state ("local ethnic
  //  Kazakhs", implied) | — | "nine Dungan’s and one Kazakh dead ...""
  'rr-kz-62': {
    cites: KZ,
    dateAsStated: 'in February 2020',
    occurred: { date: '2020-02', precision: 'month' },
    place: 'Masanchi (Dungan village)',
    region: 'KZ-31',
    type: 'hate_violence',
    targets: {},
    groups: ['ethnic_minority_member'],
    perpetrators: ['citizens:main'],
    outcomes: ['died'],
    section: 'The wider human rights and civil society situation',
  },
  // "| 8 | Oct 2013 (M) | Kumtor area, Issyk-Kul oblast | Emil Kaptagaev (government representative) | Forced into a car;
  //  petrol poured on it; threat to burn him | Protesters ... | ..." (+ Appendix 2: "protests against nationalisation")
  'rr-kg-08': {
    cites: KG,
    dateAsStated: 'Oct 2013 (M)',
    occurred: { date: '2013-10', precision: 'month' },
    place: 'Kumtor area, Issyk-Kul oblast',
    region: 'KG-Y',
    type: 'threat_of_violence',
    otherTypes: ['abduction_or_disappearance'],
    targets: { 'kg-kaptagaev': 'other' },
    perpetrators: ['citizens:main'],
    section: 'Жапаровдун көтөрүлүшү',
    flags: ['contradiction'],
  },
  // "| 22 | 8 Mar 2020 (D) | Bishkek, Old Square | Women's-rights activists ... | Attacked by masked men in ak-kalpaks |
  //  Masked men (nationalists); detaining authority [implied police] | Attackers not detained; 50 activists detained |"
  'rr-kg-22': {
    cites: KG,
    dateAsStated: '8 Mar 2020 (D)',
    occurred: { date: '2020-03-08', precision: 'day' },
    place: 'Bishkek, Old Square',
    region: 'KG-GB',
    type: 'physical_attack',
    otherTypes: ['detention'],
    targets: {},
    groups: ['civil_activist'],
    perpetrators: ['citizens:main', 'police:secondary'],
    outcomes: ['charged'],
    section: '2005 – 2020-жылдардагы кырдаал',
  },
  // "| 40 | 20 Oct 2020 (D) | [Bishkek] | Raimbek Matraimov (ex-deputy head of customs) + ~40 associates | Arrest and
  //  pre-trial detention ... | New authorities (arresting body not named ...) | ... US$3,000 fine; 3-yr public-office ban
  //  "from February 2020" ⚠ [sic; chronologically impossible] ..."
  'rr-kg-40': {
    cites: KG,
    dateAsStated: '20 Oct 2020 (D)',
    occurred: { date: '2020-10-20', precision: 'day' },
    place: '[Bishkek]',
    region: 'KG-GB',
    type: 'pre_trial_detention',
    otherTypes: ['criminal_case'],
    targets: { 'kg-matraimov': 'other' },
    groups: ['other'],
    perpetrators: ['central_government:main'],
    outcomes: ['convicted'],
    section: 'Жапаровдун көтөрүлүшү; Коррупция жана уюшкан кылмыштуулук',
    flags: ['translation'],
  },
};

const records = new Map(
  readDataset()
    .countries.flatMap((c) => c.incidents)
    .map((r) => [r.id, r]),
);

describe('ten records, field by field against the publications', () => {
  it('checks ten records', () => {
    expect(Object.keys(EXPECTED)).toHaveLength(10);
  });

  it.each(Object.entries(EXPECTED))('%s matches the publication', (id, expected) => {
    const r = records.get(id)!;
    expect(r).toBeDefined();
    const targets = Object.fromEntries(
      r.targets.map((t) => ['person' in t ? t.person : t.organisation, t.category]),
    );
    const { cites: _cites, ...fields } = expected;
    expect({
      dateAsStated: r.dateAsStated,
      occurred: r.occurred,
      ...(r.place !== undefined && { place: r.place }),
      ...(r.region !== undefined && { region: r.region }),
      type: r.type,
      ...(r.otherTypes && { otherTypes: r.otherTypes }),
      targets,
      ...(r.groupTargets && { groups: r.groupTargets.map((g) => g.category) }),
      perpetrators: r.perpetrators.map((p) => `${p.source}:${p.role}`),
      ...(r.legalBasis && { legalBasis: r.legalBasis.map((l) => `${l.instrument}|${l.article}`) }),
      ...(r.outcomes && { outcomes: r.outcomes.map((o) => o.type) }),
      section: r.citation.section,
      ...(r.flags && { flags: r.flags }),
    }).toEqual(fields);
  });

  it('cites the publication each record comes from', () => {
    for (const [id, expected] of Object.entries(EXPECTED)) {
      expect(records.get(id)!.citation.publication.split('; ')).toContain(expected.cites);
    }
  });
});
