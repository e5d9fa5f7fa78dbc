import { DomainEvent } from '../decider';
import {
  Act,
  CorrectableField,
  IncidentFacts,
  Outcome,
  Perpetrator,
  Source,
} from './incident.types';
import { RedactableField } from './incident-free-text';

export type IncidentReported = DomainEvent<
  'IncidentReported',
  IncidentFacts & {
    incidentId: string;
    acts: Act[];
    perpetrators: Perpetrator[];
    sources: Source[];
  }
>;
export type IncidentCorrected = DomainEvent<
  'IncidentCorrected',
  {
    field: CorrectableField;
    actId?: string;
    from: unknown;
    to: unknown;
    reason: string;
    note?: string;
  }
>;
export type TargetAdded = DomainEvent<'TargetAdded', Act>;
export type TargetRemoved = DomainEvent<
  'TargetRemoved',
  { actId: string; reason: string; note?: string }
>;
export type PerpetratorAdded = DomainEvent<'PerpetratorAdded', Perpetrator>;
export type SourceAttached = DomainEvent<'SourceAttached', Source>;
export type OutcomeRecorded = DomainEvent<'OutcomeRecorded', Outcome>;
export type IncidentVerified = DomainEvent<
  'IncidentVerified',
  { independentSources: number; overrideReason?: string }
>;
export type IncidentRetracted = DomainEvent<'IncidentRetracted', { reason: string; note?: string }>;
export type IncidentMarkedDuplicate = DomainEvent<
  'IncidentMarkedDuplicate',
  { duplicateOf: string; note?: string }
>;
export type IncidentDuplicateUndone = DomainEvent<
  'IncidentDuplicateUndone',
  { duplicateOf: string; note?: string }
>;
/**
 * Earlier versions of these fields made unreadable (their keys destroyed when the event is
 * stored) and replaced: `replacements` holds each field's new value (`tags`: the one-tag list).
 */
export type IncidentRedacted = DomainEvent<
  'IncidentRedacted',
  {
    fields: RedactableField[];
    reason: string;
    replacements: Partial<Record<RedactableField, string | string[]>>;
    /** Versions of these fields stored in clear before free text was sealed: they stay in the log. */
    unsealedVersionsInLog?: number;
  }
>;

export type IncidentEvent =
  | IncidentReported
  | IncidentCorrected
  | TargetAdded
  | TargetRemoved
  | PerpetratorAdded
  | SourceAttached
  | OutcomeRecorded
  | IncidentVerified
  | IncidentRetracted
  | IncidentMarkedDuplicate
  | IncidentDuplicateUndone
  | IncidentRedacted;

export type IncidentEventType = IncidentEvent['type'];

/** Stable event type names, stored in the log (never class names). */
export const INCIDENT_EVENT_TYPES: readonly IncidentEventType[] = [
  'IncidentReported',
  'IncidentCorrected',
  'TargetAdded',
  'TargetRemoved',
  'PerpetratorAdded',
  'SourceAttached',
  'OutcomeRecorded',
  'IncidentVerified',
  'IncidentRetracted',
  'IncidentMarkedDuplicate',
  'IncidentDuplicateUndone',
  'IncidentRedacted',
];
