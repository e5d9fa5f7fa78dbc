import { Decider } from '../decider';
import { DomainError } from '../errors';
import { withoutUndefined } from '../without-undefined';
import { IncidentCommand } from './incident.commands';
import { IncidentEvent } from './incident.events';
import {
  Act,
  CORRECTABLE_FIELDS,
  IncidentFacts,
  Outcome,
  Perpetrator,
  Source,
} from './incident.types';
import {
  independentSourceCount,
  Problems,
  validateAct,
  validateFacts,
  validateLegalBasis,
  validateOutcome,
  validatePerpetrator,
  validateRegion,
  validateSource,
} from './incident.validation';
import { parseOccurred } from '../dates';

export interface IncidentState {
  status: 'absent' | 'recorded' | 'retracted';
  incidentId?: string;
  facts?: IncidentFacts;
  acts: Act[];
  perpetrators: Perpetrator[];
  sources: Source[];
  outcomes: Outcome[];
  verified: boolean;
  duplicateOf?: string;
}

export const initialIncidentState: IncidentState = {
  status: 'absent',
  acts: [],
  perpetrators: [],
  sources: [],
  outcomes: [],
  verified: false,
};

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  initialState: initialIncidentState,
  decide,
  evolve,
};

function decide(command: IncidentCommand, state: IncidentState): IncidentEvent[] {
  if (command.type === 'ReportIncident') return report(command, state);
  const open = assertOpen(state);
  const p = new Problems();
  switch (command.type) {
    case 'CorrectIncident':
      return [correct(command, open, p)];

    case 'AddTarget': {
      validateAct(command.act, 'target', p);
      throwIfInvalid(p);
      if (
        open.acts.some((a) => a.actId === command.act.actId || a.targetId === command.act.targetId)
      ) {
        throw new DomainError(
          'conflict',
          'target_already_added',
          'this target is already part of the incident',
        );
      }
      return [{ type: 'TargetAdded', data: command.act }];
    }

    case 'RemoveTarget': {
      p.code('retraction_reason', 'reason', command.reason);
      p.text('note', command.note);
      throwIfInvalid(p);
      findAct(open, command.actId);
      return [
        {
          type: 'TargetRemoved',
          data: withoutUndefined({
            actId: command.actId,
            reason: command.reason,
            note: command.note,
          }),
        },
      ];
    }

    case 'AddPerpetrator':
      validatePerpetrator(command.perpetrator, 'perpetrator', p);
      throwIfInvalid(p);
      return [{ type: 'PerpetratorAdded', data: withoutUndefined({ ...command.perpetrator }) }];

    case 'AttachSource': {
      validateSource(command.source, 'source', command.today, p);
      throwIfInvalid(p);
      const url = command.source.url;
      if (url && open.sources.some((s) => s.url === url)) {
        throw new DomainError(
          'conflict',
          'source_already_attached',
          'a source with this URL is already attached',
        );
      }
      return [{ type: 'SourceAttached', data: withoutUndefined({ ...command.source }) }];
    }

    case 'RecordOutcome':
      validateOutcome(command.outcome, 'outcome', command.today, p);
      throwIfInvalid(p);
      if (command.outcome.actId !== undefined) findAct(open, command.outcome.actId);
      return [{ type: 'OutcomeRecorded', data: withoutUndefined({ ...command.outcome }) }];

    case 'VerifyIncident': {
      if (open.verified)
        throw new DomainError('conflict', 'already_verified', 'the incident is already verified');
      p.text('overrideReason', command.overrideReason, { max: 2000 });
      throwIfInvalid(p);
      const independentSources = independentSourceCount(open.sources);
      const overrideReason = command.overrideReason?.trim() || undefined;
      if (independentSources < 2 && !overrideReason) {
        throw new DomainError(
          'rule',
          'needs_two_independent_sources',
          `verification needs at least two independent sources (this incident has ${independentSources}), or an override reason`,
        );
      }
      return [
        {
          type: 'IncidentVerified',
          data: withoutUndefined({ independentSources, overrideReason }),
        },
      ];
    }

    case 'RetractIncident':
      p.code('retraction_reason', 'reason', command.reason);
      p.text('note', command.note);
      throwIfInvalid(p);
      return [
        {
          type: 'IncidentRetracted',
          data: withoutUndefined({ reason: command.reason, note: command.note }),
        },
      ];

    case 'MarkDuplicate':
      if (command.duplicateOf === command.incidentId) {
        p.add('duplicateOf', 'an incident cannot be a duplicate of itself');
      }
      p.text('note', command.note);
      throwIfInvalid(p);
      if (open.duplicateOf !== undefined) {
        throw new DomainError(
          'conflict',
          'already_duplicate',
          'the incident is already marked as a duplicate',
        );
      }
      return [
        {
          type: 'IncidentMarkedDuplicate',
          data: withoutUndefined({ duplicateOf: command.duplicateOf, note: command.note }),
        },
      ];

    case 'UndoDuplicate':
      if (open.duplicateOf === undefined) {
        throw new DomainError(
          'conflict',
          'not_a_duplicate',
          'the incident is not marked as a duplicate',
        );
      }
      return [
        {
          type: 'IncidentDuplicateUndone',
          data: withoutUndefined({ duplicateOf: open.duplicateOf, note: command.note }),
        },
      ];
  }
}

function report(
  command: Extract<IncidentCommand, { type: 'ReportIncident' }>,
  state: IncidentState,
): IncidentEvent[] {
  if (state.status !== 'absent') {
    throw new DomainError('conflict', 'incident_exists', 'an incident with this id already exists');
  }
  const p = new Problems();
  const { draft } = command;
  const facts = validateFacts(draft, command.today, p);
  const acts = draft.acts ?? [];
  acts.forEach((a, i) => validateAct(a, `targets.${i}`, p));
  const targetIds = acts.map((a) => a.targetId);
  targetIds.forEach((id, i) => {
    if (targetIds.indexOf(id) !== i) p.add(`targets.${i}`, 'the same target is listed twice');
  });
  (draft.perpetrators ?? []).forEach((x, i) => validatePerpetrator(x, `perpetrators.${i}`, p));
  (draft.sources ?? []).forEach((s, i) => validateSource(s, `sources.${i}`, command.today, p));
  throwIfInvalid(p);
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId: command.incidentId,
        ...facts!,
        acts,
        perpetrators: (draft.perpetrators ?? []).map((x) => withoutUndefined({ ...x })),
        sources: (draft.sources ?? []).map((s) => withoutUndefined({ ...s })),
      },
    },
  ];
}

function correct(
  command: Extract<IncidentCommand, { type: 'CorrectIncident' }>,
  state: IncidentState,
  p: Problems,
): IncidentEvent {
  p.code('correction_reason', 'reason', command.reason);
  p.text('note', command.note);
  const facts = state.facts!;
  const { field, value } = command;
  let from: unknown;
  let to: unknown = value;
  switch (field) {
    case 'title':
      p.text('value', value, { required: true, max: 300 });
      to = typeof value === 'string' ? value.trim() : value;
      from = facts.title;
      break;
    case 'description':
    case 'place':
      p.text('value', value, { max: field === 'place' ? 300 : 20_000 });
      from = facts[field];
      break;
    case 'country':
      p.code('country', 'value', value);
      if (facts.region !== undefined)
        p.add(
          'value',
          `the region ${facts.region} would no longer match: correct the region first`,
        );
      from = facts.country;
      break;
    case 'region':
      validateRegion(facts.country, value, 'value', p);
      from = facts.region;
      break;
    case 'type':
      p.code('incident_type', 'value', value);
      from = facts.type;
      break;
    case 'rights':
      if (!Array.isArray(value)) p.add('value', 'must be a list of right codes');
      else value.forEach((r, i) => p.code('right', `value.${i}`, r));
      from = facts.rights;
      break;
    case 'tags':
      if (!Array.isArray(value)) p.add('value', 'must be a list of tags');
      else value.forEach((t, i) => p.text(`value.${i}`, t, { required: true, max: 100 }));
      from = facts.tags;
      break;
    case 'legalBasis':
      if (!Array.isArray(value)) p.add('value', 'must be a list of { instrument, article }');
      else value.forEach((l, i) => validateLegalBasis(l, `value.${i}`, p));
      from = facts.legalBasis;
      break;
    case 'occurred': {
      const parsed = parseOccurred(value, command.today);
      if (parsed.ok) to = parsed.value;
      else parsed.errors.forEach((e) => p.add(e.field.replace(/^occurred/, 'value'), e.message));
      from = facts.occurred;
      break;
    }
    case 'targetCategory': {
      if (command.actId === undefined) p.add('actId', 'is required to correct a target category');
      p.code('target_category', 'value', value);
      throwIfInvalid(p);
      from = findAct(state, command.actId!).category;
      break;
    }
    default:
      p.add('field', 'cannot be corrected', CORRECTABLE_FIELDS);
  }
  throwIfInvalid(p);
  if (JSON.stringify(from) === JSON.stringify(to)) {
    throw DomainError.invalid([
      { field: 'value', message: 'equals the current value: nothing to correct' },
    ]);
  }
  return {
    type: 'IncidentCorrected',
    data: withoutUndefined({
      field,
      actId: command.actId,
      from,
      to,
      reason: command.reason,
      note: command.note,
    }),
  };
}

function evolve(state: IncidentState, event: IncidentEvent): IncidentState {
  switch (event.type) {
    case 'IncidentReported': {
      const { incidentId, acts, perpetrators, sources, ...facts } = event.data;
      return { ...state, status: 'recorded', incidentId, facts, acts, perpetrators, sources };
    }
    case 'IncidentCorrected': {
      const { field, actId, to } = event.data;
      if (field === 'targetCategory') {
        return {
          ...state,
          acts: state.acts.map((a) => (a.actId === actId ? { ...a, category: to as string } : a)),
        };
      }
      return { ...state, facts: { ...state.facts!, [field]: to } as IncidentFacts };
    }
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
      return { ...state, status: 'retracted' };
    case 'IncidentMarkedDuplicate':
      return { ...state, duplicateOf: event.data.duplicateOf };
    case 'IncidentDuplicateUndone':
      return { ...state, duplicateOf: undefined };
  }
}

function assertOpen(state: IncidentState): IncidentState {
  if (state.status === 'absent')
    throw new DomainError('not_found', 'incident_not_found', 'no such incident');
  if (state.status === 'retracted') {
    throw new DomainError(
      'conflict',
      'incident_retracted',
      'the incident has been retracted: it can no longer change',
    );
  }
  return state;
}

function findAct(state: IncidentState, actId: string): Act {
  const act = state.acts.find((a) => a.actId === actId);
  if (!act)
    throw new DomainError('not_found', 'target_not_found', 'no such target in this incident');
  return act;
}

function throwIfInvalid(p: Problems): void {
  if (p.errors.length > 0) throw DomainError.invalid(p.errors);
}
