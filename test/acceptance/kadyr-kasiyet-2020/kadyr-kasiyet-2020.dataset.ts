/**
 * A synthetic monitoring year shaped like Kadyr-Kasiyet's 2020 figures ("Monitoring the security
 * situation of human rights defenders", by Kadyr-Kasiyet, in Retreating Rights - Kazakhstan,
 * Foreign Policy Centre, July 2021): 684 people in the eight categories, 1,414 threats (acts) over 2020 with peaks in
 * February (the death of Dulat Agadil, memorial detentions) and October (the authorised rally).
 * Deterministic: the same seed gives the same cases. Names are placeholders.
 */
export const PERSONS_BY_CATEGORY: Record<string, number> = {
  civil_activist: 482,
  journalist: 64,
  political_activist: 48,
  human_rights_defender: 45,
  lawyer: 24,
  religious_activist: 10,
  public_figure: 6,
  trade_union_activist: 5,
};

/** Acts per month of 2020: 1,414 in all, February and October highest. */
export const ACTS_BY_MONTH = [80, 260, 90, 60, 70, 80, 90, 85, 95, 280, 110, 114];

const TYPES = [
  'detention',
  'administrative_arrest',
  'administrative_fine',
  'summons',
  'preventive_talk',
  'freedom_restriction',
];
const SOURCES = [
  'police',
  'court',
  'temporary_detention_facility',
  'akimat',
  'unknown_persons',
  'citizens',
  'national_security_committee',
  'local_authorities',
  'tax_authorities',
];
const RIGHTS = ['freedom_of_peaceful_assembly', 'freedom_of_association', 'freedom_of_expression'];

export interface PlannedIncident {
  month: number; // 1..12
  day: number;
  type: string;
  mainSource: string;
  right: string;
  /** Indexes into the person list. */
  persons: number[];
}

export interface Dataset {
  persons: { index: number; category: string; name: string }[];
  incidents: PlannedIncident[];
}

/** mulberry32: a tiny seeded generator, so the dataset never changes between runs. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function kadyrKasiyet2020(seed = 2020): Dataset {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const persons = Object.entries(PERSONS_BY_CATEGORY)
    .flatMap(([category, n]) => Array.from({ length: n }, () => category))
    .map((category, index) => ({ index, category, name: `Monitored person ${index + 1}` }));

  // Every person is threatened at least once; the remaining acts fall on random people.
  const total = ACTS_BY_MONTH.reduce((a, b) => a + b, 0);
  const actPersons = [...persons.map((p) => p.index)];
  while (actPersons.length < total) actPersons.push(Math.floor(rnd() * persons.length));
  for (let i = actPersons.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [actPersons[i], actPersons[j]] = [actPersons[j], actPersons[i]];
  }

  // Acts of a month are grouped into incidents of one to three different people.
  const incidents: PlannedIncident[] = [];
  let next = 0;
  ACTS_BY_MONTH.forEach((count, m) => {
    let left = count;
    while (left > 0) {
      const size = Math.min(left, 1 + Math.floor(rnd() * 3));
      const group: number[] = [];
      for (let k = 0; k < size; k++) {
        let person = actPersons[next];
        // The same person twice in one incident would be one act: swap with a later act.
        let swap = next + 1;
        while (group.includes(person) && swap < actPersons.length) {
          [actPersons[next], actPersons[swap]] = [actPersons[swap], actPersons[next]];
          person = actPersons[next];
          swap++;
        }
        group.push(person);
        next++;
      }
      incidents.push({
        month: m + 1,
        day: 1 + Math.floor(rnd() * 28),
        type: pick(TYPES),
        mainSource: pick(SOURCES),
        right: pick(RIGHTS),
        persons: group,
      });
      left -= size;
    }
  });
  return { persons, incidents };
}
