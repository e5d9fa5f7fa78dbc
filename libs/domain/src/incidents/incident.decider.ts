import { Decider } from '../decider';
import { DomainError } from '../errors';
import { withoutUndefined } from '../without-undefined';
import { IncidentCommand } from './incident.commands';
import { correct, findAct, throwIfInvalid } from './incident.corrections';
import { IncidentEvent } from './incident.events';
import { REDACTABLE_FIELDS, RedactableField, REDACTED_TEXT } from './incident-free-text';
import { evolve, IncidentState, initialIncidentState, RecordedIncident } from './incident.state';
import {
  independentSourceCount,
  Problems,
  validateAct,
  validateFacts,
  validateOutcome,
  validatePerpetrator,
  validateSource,
} from './incident.validation';

export type {
  AbsentIncident,
  IncidentState,
  RecordedIncident,
  RetractedIncident,
} from './incident.state';
export { initialIncidentState } from './incident.state';

export const incidentDecider: Decider<IncidentCommand, IncidentEvent, IncidentState> = {
  initialState: initialIncidentState,
  decide,
  evolve,
};

type Of<T extends IncidentCommand['type']> = Extract<IncidentCommand, { type: T }>;

/** A report needs no incident; every other command needs one that is reported and not retracted. */
function decide(command: IncidentCommand, state: IncidentState): IncidentEvent[] {
  if (command.type === 'ReportIncident') return report(command, state);
  // A retracted incident can no longer change, but what it says can still be redacted.
  if (command.type === 'RedactIncident') return redact(command, state);
  const incident = assertOpen(state);
  switch (command.type) {
    case 'CorrectIncident':
      return correct(command, incident);
    case 'AddTarget':
      return addTarget(command, incident);
    case 'RemoveTarget':
      return removeTarget(command, incident);
    case 'AddPerpetrator':
      return addPerpetrator(command);
    case 'AttachSource':
      return attachSource(command, incident);
    case 'RecordOutcome':
      return recordOutcome(command, incident);
    case 'VerifyIncident':
      return verify(command, incident);
    case 'RetractIncident':
      return retract(command);
    case 'MarkDuplicate':
      return markDuplicate(command, incident);
    case 'UndoDuplicate':
      return undoDuplicate(command, incident);
  }
}

function report(command: Of<'ReportIncident'>, state: IncidentState): IncidentEvent[] {
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
  // validateFacts answers no facts only when it found a problem.
  if (facts === undefined || p.errors.length > 0) throw DomainError.invalid(p.errors);
  return [
    {
      type: 'IncidentReported',
      data: {
        incidentId: command.incidentId,
        ...facts,
        acts,
        perpetrators: (draft.perpetrators ?? []).map((x) => withoutUndefined({ ...x })),
        sources: (draft.sources ?? []).map((s) => withoutUndefined({ ...s })),
      },
    },
  ];
}

function addTarget({ act }: Of<'AddTarget'>, incident: RecordedIncident): IncidentEvent[] {
  const p = new Problems();
  validateAct(act, 'target', p);
  throwIfInvalid(p);
  if (incident.acts.some((a) => a.actId === act.actId || a.targetId === act.targetId)) {
    throw new DomainError(
      'conflict',
      'target_already_added',
      'this target is already part of the incident',
    );
  }
  return [{ type: 'TargetAdded', data: act }];
}

function removeTarget(
  { actId, reason, note }: Of<'RemoveTarget'>,
  incident: RecordedIncident,
): IncidentEvent[] {
  const p = new Problems();
  p.code('retraction_reason', 'reason', reason);
  p.text('note', note);
  throwIfInvalid(p);
  findAct(incident, actId);
  return [{ type: 'TargetRemoved', data: withoutUndefined({ actId, reason, note }) }];
}

function addPerpetrator({ perpetrator }: Of<'AddPerpetrator'>): IncidentEvent[] {
  const p = new Problems();
  validatePerpetrator(perpetrator, 'perpetrator', p);
  throwIfInvalid(p);
  return [{ type: 'PerpetratorAdded', data: withoutUndefined({ ...perpetrator }) }];
}

function attachSource(
  { source, today }: Of<'AttachSource'>,
  incident: RecordedIncident,
): IncidentEvent[] {
  const p = new Problems();
  validateSource(source, 'source', today, p);
  throwIfInvalid(p);
  const url = source.url;
  if (url && incident.sources.some((s) => s.url === url)) {
    throw new DomainError(
      'conflict',
      'source_already_attached',
      'a source with this URL is already attached',
    );
  }
  return [{ type: 'SourceAttached', data: withoutUndefined({ ...source }) }];
}

function recordOutcome(
  { outcome, today }: Of<'RecordOutcome'>,
  incident: RecordedIncident,
): IncidentEvent[] {
  const p = new Problems();
  validateOutcome(outcome, 'outcome', today, p);
  throwIfInvalid(p);
  if (outcome.actId !== undefined) findAct(incident, outcome.actId);
  return [{ type: 'OutcomeRecorded', data: withoutUndefined({ ...outcome }) }];
}

function verify(command: Of<'VerifyIncident'>, incident: RecordedIncident): IncidentEvent[] {
  if (incident.verified)
    throw new DomainError('conflict', 'already_verified', 'the incident is already verified');
  const p = new Problems();
  p.text('overrideReason', command.overrideReason, { max: 2000 });
  throwIfInvalid(p);
  const independentSources = independentSourceCount(incident.sources);
  const overrideReason = command.overrideReason?.trim() || undefined;
  if (independentSources < 2 && !overrideReason) {
    throw new DomainError(
      'rule',
      'needs_two_independent_sources',
      `verification needs at least two independent sources (this incident has ${independentSources}), or an override reason`,
    );
  }
  return [
    { type: 'IncidentVerified', data: withoutUndefined({ independentSources, overrideReason }) },
  ];
}

function retract({ reason, note }: Of<'RetractIncident'>): IncidentEvent[] {
  const p = new Problems();
  p.code('retraction_reason', 'reason', reason);
  p.text('note', note);
  throwIfInvalid(p);
  return [{ type: 'IncidentRetracted', data: withoutUndefined({ reason, note }) }];
}

function markDuplicate(
  { incidentId, duplicateOf, note }: Of<'MarkDuplicate'>,
  incident: RecordedIncident,
): IncidentEvent[] {
  const p = new Problems();
  if (duplicateOf === incidentId)
    p.add('duplicateOf', 'an incident cannot be a duplicate of itself');
  p.text('note', note);
  throwIfInvalid(p);
  if (incident.duplicateOf !== undefined) {
    throw new DomainError(
      'conflict',
      'already_duplicate',
      'the incident is already marked as a duplicate',
    );
  }
  return [{ type: 'IncidentMarkedDuplicate', data: withoutUndefined({ duplicateOf, note }) }];
}

function undoDuplicate({ note }: Of<'UndoDuplicate'>, incident: RecordedIncident): IncidentEvent[] {
  if (incident.duplicateOf === undefined) {
    throw new DomainError(
      'conflict',
      'not_a_duplicate',
      'the incident is not marked as a duplicate',
    );
  }
  return [
    {
      type: 'IncidentDuplicateUndone',
      data: withoutUndefined({ duplicateOf: incident.duplicateOf, note }),
    },
  ];
}

function redact(command: Of<'RedactIncident'>, state: IncidentState): IncidentEvent[] {
  if (state.status === 'absent')
    throw new DomainError('not_found', 'incident_not_found', 'no such incident');
  const p = new Problems();
  const { fields, reason } = command;
  const replacement = command.replacement ?? REDACTED_TEXT;
  if (!Array.isArray(fields) || fields.length === 0)
    p.add('fields', 'must name at least one field');
  else
    fields.forEach((f, i) => {
      if (!(REDACTABLE_FIELDS as readonly string[]).includes(f))
        p.add(`fields.${i}`, 'unknown field', REDACTABLE_FIELDS);
      else if (fields.indexOf(f) !== i) p.add(`fields.${i}`, 'is listed twice');
    });
  p.text('reason', reason, { required: true, max: 2_000 });
  // A tag too: at most 100 characters.
  p.text('replacement', replacement, { required: true, max: 100 });
  if (p.errors.length > 0) throw DomainError.invalid(p.errors);
  const text = replacement.trim();
  const replacements = Object.fromEntries(
    fields.map((f) => [f, f === 'tags' ? [text] : text]),
  ) as Partial<Record<RedactableField, string | string[]>>;
  return [
    {
      type: 'IncidentRedacted',
      data: { fields: [...fields], reason: reason.trim(), replacements },
    },
  ];
}

function assertOpen(state: IncidentState): RecordedIncident {
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
