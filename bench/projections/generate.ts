// Valid incident events, decided by the domain as the API would decide them: a report with
// 1–3 person targets, then up to three corrections or reclassifications, a few retractions.
import { randomUUID } from 'node:crypto';
import {
  allowedCodes,
  DomainError,
  IncidentCommand,
  incidentDecider,
  IncidentEvent,
  IncidentState,
} from '@app/domain';
import { NewEvent } from '@app/event-store';

const TODAY = '2022-06-30';
const COUNTRIES = ['KZ', 'KG', 'TJ'];
const REGIONS = new Map(
  COUNTRIES.map((c) => [c, allowedCodes('region').filter((r) => r.startsWith(`${c}-`))]),
);
/** Kadyr-Kasiyet's eight categories of persons. */
const CATEGORIES = [
  'civil_activist',
  'journalist',
  'political_activist',
  'human_rights_defender',
  'lawyer',
  'religious_activist',
  'public_figure',
  'trade_union_activist',
];
const TYPES = allowedCodes('incident_type').slice(0, 16);
const SOURCES = allowedCodes('perpetrator_source').slice(0, 12);
const RIGHTS = allowedCodes('right').slice(0, 8);

/** mulberry32: the same data set for the same seed (ids aside). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface GeneratedIncident {
  streamId: string;
  events: NewEvent[];
}

/** One incident's events, each command decided and folded as the API would. */
export function generateIncident(random: () => number, workspaceId: string): GeneratedIncident {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const incidentId = randomUUID();
  const country = pick(COUNTRIES);
  const regions = REGIONS.get(country)!;
  const year = 2019 + Math.floor(random() * 3);
  const month = 1 + Math.floor(random() * 12);
  const p = random();
  const occurred =
    p < 0.05
      ? { date: String(year), precision: 'year' }
      : p < 0.3
        ? { date: `${year}-${pad(month)}-${pad(1 + Math.floor(random() * 28))}`, precision: 'day' }
        : { date: `${year}-${pad(month)}`, precision: 'month' };
  const t = random();
  const targets = t < 0.7 ? 1 : t < 0.9 ? 2 : 3;
  const acts = Array.from({ length: targets }, () => ({
    actId: randomUUID(),
    kind: 'person' as const,
    targetId: randomUUID(),
    category: pick(CATEGORIES),
  }));
  const perpetrators = [
    { perpetratorId: randomUUID(), source: pick(SOURCES), role: 'main' as const },
    ...(random() < 0.3
      ? [{ perpetratorId: randomUUID(), source: pick(SOURCES), role: 'secondary' as const }]
      : []),
  ];
  const commands: IncidentCommand[] = [
    {
      type: 'ReportIncident',
      incidentId,
      today: TODAY,
      draft: {
        title: `Bench case ${incidentId.slice(0, 8)}`,
        country,
        ...(random() < 0.8 ? { region: pick(regions) } : {}),
        occurred,
        type: pick(TYPES),
        rights: [pick(RIGHTS)],
        acts,
        perpetrators,
      },
    },
  ];
  const c = random();
  const corrections = c < 0.8 ? 3 : c < 0.92 ? 2 : c < 0.97 ? 1 : 0;
  for (let i = 0; i < corrections; i++) {
    const kind = random();
    if (kind < 0.5) {
      commands.push({
        type: 'CorrectIncident',
        field: 'targetCategory',
        actId: pick(acts).actId,
        value: pick(CATEGORIES),
        reason: 'reclassified',
        today: TODAY,
      });
    } else if (kind < 0.75) {
      commands.push({
        type: 'CorrectIncident',
        field: 'type',
        value: pick(TYPES),
        reason: 'reclassified',
        today: TODAY,
      });
    } else if (kind < 0.9) {
      const m = 1 + Math.floor(random() * 12);
      commands.push({
        type: 'CorrectIncident',
        field: 'occurred',
        value: { date: `${year}-${pad(m)}`, precision: 'month' },
        reason: 'new_evidence',
        today: TODAY,
      });
    } else {
      commands.push({
        type: 'CorrectIncident',
        field: 'region',
        value: pick(regions),
        reason: 'new_evidence',
        today: TODAY,
      });
    }
  }
  if (random() < 0.02) commands.push({ type: 'RetractIncident', reason: 'recorded_in_error' });

  let state: IncidentState = incidentDecider.initialState;
  const events: IncidentEvent[] = [];
  for (const command of commands) {
    let decided: IncidentEvent[];
    try {
      decided = incidentDecider.decide(command, state);
    } catch (error) {
      // A random correction that changes nothing ("equals the current value"): skip it.
      if (error instanceof DomainError && command.type !== 'ReportIncident') continue;
      throw error;
    }
    for (const e of decided) {
      state = incidentDecider.evolve(state, e);
      events.push(e);
    }
  }
  return {
    streamId: `incident-${incidentId}`,
    events: events.map((e) => ({
      eventId: randomUUID(),
      type: e.type,
      data: e.data,
      metadata: { workspaceId },
    })),
  };
}
