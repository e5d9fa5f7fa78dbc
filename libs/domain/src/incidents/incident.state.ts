import { Act, IncidentFacts, Outcome, Perpetrator, Source } from './incident.types';
import { IncidentEvent } from './incident.events';

/** What every incident state carries, reported or not (empty lists before the report). */
interface IncidentParts {
  acts: Act[];
  perpetrators: Perpetrator[];
  sources: Source[];
  outcomes: Outcome[];
  verified: boolean;
  duplicateOf?: string;
}

/**
 * Nothing reported on this stream yet. `incidentId` and `facts` are declared absent (not
 * left out) so a reader can ask `state.facts?.title` of any state; the JSON is the same as
 * before the union, which matters because the read model keeps folded states (`state` column).
 */
export interface AbsentIncident extends IncidentParts {
  status: 'absent';
  incidentId?: undefined;
  facts?: undefined;
}

/** Reported: it has its facts, and it can change. */
export interface RecordedIncident extends IncidentParts {
  status: 'recorded';
  incidentId: string;
  facts: IncidentFacts;
}

/** Retracted: its facts stay readable, nothing can change any more. */
export interface RetractedIncident extends IncidentParts {
  status: 'retracted';
  incidentId: string;
  facts: IncidentFacts;
}

export type IncidentState = AbsentIncident | RecordedIncident | RetractedIncident;

export const initialIncidentState: IncidentState = {
  status: 'absent',
  acts: [],
  perpetrators: [],
  sources: [],
  outcomes: [],
  verified: false,
};

export function evolve(state: IncidentState, event: IncidentEvent): IncidentState {
  switch (event.type) {
    case 'IncidentReported': {
      const { incidentId, acts, perpetrators, sources, ...facts } = event.data;
      return { ...state, status: 'recorded', incidentId, facts, acts, perpetrators, sources };
    }
    case 'IncidentCorrected':
      return corrected(state, event.data);
    case 'TargetAdded':
      return { ...state, acts: [...state.acts, event.data] };
    case 'TargetRemoved':
      return { ...state, acts: state.acts.filter((a) => a.actId !== event.data.actId) };
    case 'PerpetratorAdded':
      return { ...state, perpetrators: [...state.perpetrators, event.data] };
    case 'SourceAttached':
      return { ...state, sources: [...state.sources, event.data] };
    case 'OutcomeRecorded':
      return { ...state, outcomes: [...state.outcomes, event.data] };
    case 'IncidentVerified':
      return { ...state, verified: true };
    case 'IncidentRetracted':
      // Only a reported incident is retracted (the decider refuses the rest).
      return state.status === 'absent' ? state : { ...state, status: 'retracted' };
    case 'IncidentMarkedDuplicate':
      return { ...state, duplicateOf: event.data.duplicateOf };
    case 'IncidentDuplicateUndone':
      return { ...state, duplicateOf: undefined };
    case 'IncidentRedacted':
      return redacted(state, event.data.replacements);
  }
}

/** Every redacted field reads as its replacement; a field the incident lacks stays absent. */
function redacted(
  state: IncidentState,
  replacements: Extract<IncidentEvent, { type: 'IncidentRedacted' }>['data']['replacements'],
): IncidentState {
  if (state.status === 'absent') return state;
  const facts = { ...state.facts };
  const { title, description, place, tags, sourceTitles } = replacements;
  if (typeof title === 'string') facts.title = title;
  if (typeof description === 'string' && facts.description !== undefined)
    facts.description = description;
  if (typeof place === 'string' && facts.place !== undefined) facts.place = place;
  if (Array.isArray(tags) && facts.tags.length > 0) facts.tags = tags;
  const sources =
    typeof sourceTitles === 'string'
      ? state.sources.map((s) => ({ ...s, title: sourceTitles }))
      : state.sources;
  return { ...state, facts, sources };
}

function corrected(
  state: IncidentState,
  { field, actId, to }: Extract<IncidentEvent, { type: 'IncidentCorrected' }>['data'],
): IncidentState {
  if (field === 'targetCategory') {
    return {
      ...state,
      acts: state.acts.map((a) => (a.actId === actId ? { ...a, category: to as string } : a)),
    };
  }
  // Facts are corrected only once reported (the decider refuses the rest).
  if (state.status === 'absent') return state;
  return { ...state, facts: { ...state.facts, [field]: to } as IncidentFacts };
}
