import { DomainError } from '../errors';
import { withoutUndefined } from '../without-undefined';
import { parseOccurred } from '../dates';
import { IncidentCommand } from './incident.commands';
import { IncidentEvent } from './incident.events';
import { RecordedIncident } from './incident.state';
import {
  Act,
  CORRECTABLE_FIELDS,
  CorrectableField,
  IncidentFacts,
  LegalBasis,
  Location,
} from './incident.types';
import {
  locationOf,
  Problems,
  validateLegalBasis,
  validateLocation,
  validateRegion,
} from './incident.validation';

export type CorrectIncident = Extract<IncidentCommand, { type: 'CorrectIncident' }>;

/**
 * How one field is corrected: `check` adds a problem for each thing wrong with the new value
 * and answers the value to record (trimmed, parsed); `current` reads the value it replaces,
 * once the new one is known to be valid.
 */
interface FieldRule {
  check(value: unknown, incident: RecordedIncident, command: CorrectIncident, p: Problems): unknown;
  current(incident: RecordedIncident, command: CorrectIncident): unknown;
}

type FactField = Exclude<CorrectableField, 'targetCategory'>;

/** A rule for a field of the incident's facts. */
const fact = (field: FactField, check: FieldRule['check']): FieldRule => ({
  check,
  current: (incident) => incident.facts[field as keyof IncidentFacts],
});

/** A list whose items are each checked; anything else is one problem. */
const list =
  (message: string, item: (value: unknown, field: string, p: Problems) => void) =>
  (value: unknown, _incident: RecordedIncident, _command: CorrectIncident, p: Problems) => {
    if (!Array.isArray(value)) p.add('value', message);
    else value.forEach((v, i) => item(v, `value.${i}`, p));
    return value;
  };

const FIELD_RULES: Readonly<Record<CorrectableField, FieldRule>> = {
  title: fact('title', (value, _i, _c, p) => {
    p.text('value', value, { required: true, max: 300 });
    return typeof value === 'string' ? value.trim() : value;
  }),
  description: fact('description', (value, _i, _c, p) => {
    p.text('value', value, { max: 20_000 });
    return value;
  }),
  place: fact('place', (value, _i, _c, p) => {
    p.text('value', value, { max: 300 });
    return value;
  }),
  location: fact('location', (value, _i, _c, p) => {
    validateLocation(value as Location, 'value', p);
    return p.errors.length === 0 ? locationOf(value as Location) : value;
  }),
  country: fact('country', (value, { facts }, _c, p) => {
    p.code('country', 'value', value);
    if (facts.region !== undefined)
      p.add('value', `the region ${facts.region} would no longer match: correct the region first`);
    return value;
  }),
  region: fact('region', (value, { facts }, _c, p) => {
    validateRegion(facts.country, value, 'value', p);
    return value;
  }),
  type: fact('type', (value, _i, _c, p) => {
    p.code('incident_type', 'value', value);
    return value;
  }),
  rights: fact(
    'rights',
    list('must be a list of right codes', (r, field, p) => p.code('right', field, r)),
  ),
  tags: fact(
    'tags',
    list('must be a list of tags', (t, field, p) => p.text(field, t, { required: true, max: 100 })),
  ),
  legalBasis: fact(
    'legalBasis',
    list('must be a list of { instrument, article }', (l, field, p) =>
      validateLegalBasis(l as LegalBasis, field, p),
    ),
  ),
  occurred: fact('occurred', (value, _i, command, p) => {
    const parsed = parseOccurred(value, command.today);
    if (parsed.ok) return parsed.value;
    parsed.errors.forEach((e) => p.add(e.field.replace(/^occurred/, 'value'), e.message));
    return value;
  }),
  targetCategory: {
    check(value, _incident, command, p) {
      if (command.actId === undefined) p.add('actId', 'is required to correct a target category');
      p.code('target_category', 'value', value);
      return value;
    },
    // `actId` was checked: a missing one never gets here.
    current: (incident, { actId }) =>
      actId === undefined ? undefined : findAct(incident, actId).category,
  },
};

/** A correction of one field: the old and new value, why, checked by the field's rule. */
export function correct(command: CorrectIncident, incident: RecordedIncident): IncidentEvent[] {
  const p = new Problems();
  p.code('correction_reason', 'reason', command.reason);
  p.text('note', command.note);
  const { field, value } = command;
  const rule = Object.hasOwn(FIELD_RULES, field) ? FIELD_RULES[field] : undefined;
  if (rule === undefined) p.add('field', 'cannot be corrected', CORRECTABLE_FIELDS);
  const to = rule?.check(value, incident, command, p);
  throwIfInvalid(p);
  const from = rule?.current(incident, command);
  if (JSON.stringify(from) === JSON.stringify(to)) {
    throw DomainError.invalid([
      { field: 'value', message: 'equals the current value: nothing to correct' },
    ]);
  }
  return [
    {
      type: 'IncidentCorrected',
      data: withoutUndefined({
        field,
        actId: command.actId,
        from,
        to,
        reason: command.reason,
        note: command.note,
      }),
    },
  ];
}

export function findAct(incident: RecordedIncident, actId: string): Act {
  const act = incident.acts.find((a) => a.actId === actId);
  if (!act)
    throw new DomainError('not_found', 'target_not_found', 'no such target in this incident');
  return act;
}

export function throwIfInvalid(p: Problems): void {
  if (p.errors.length > 0) throw DomainError.invalid(p.errors);
}
