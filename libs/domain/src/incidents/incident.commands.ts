import { OccurredInput } from '../dates';
import {
  Act,
  CorrectableField,
  LegalBasis,
  Location,
  Outcome,
  Perpetrator,
  Source,
} from './incident.types';
import { RedactableField } from './incident-free-text';

/**
 * Commands carry every id they create (the application derives them, from an Idempotency-Key
 * when there is one) and `today` for date rules: the domain reads no clock and draws no
 * random numbers, so a decision can be replayed.
 */
export interface IncidentDraft {
  title: string;
  description?: string;
  country: string;
  region?: string;
  place?: string;
  location?: Location;
  occurred: OccurredInput;
  type: string;
  rights?: string[];
  legalBasis?: LegalBasis[];
  acts?: Act[];
  perpetrators?: Perpetrator[];
  sources?: Source[];
  tags?: string[];
}

export type IncidentCommand =
  | { type: 'ReportIncident'; incidentId: string; draft: IncidentDraft; today: string }
  | {
      type: 'CorrectIncident';
      field: CorrectableField;
      value: unknown;
      actId?: string;
      reason: string;
      note?: string;
      today: string;
    }
  | { type: 'AddTarget'; act: Act }
  | { type: 'RemoveTarget'; actId: string; reason: string; note?: string }
  | { type: 'AddPerpetrator'; perpetrator: Perpetrator }
  | { type: 'AttachSource'; source: Source; today: string }
  | { type: 'RecordOutcome'; outcome: Outcome; today: string }
  | { type: 'VerifyIncident'; overrideReason?: string }
  | { type: 'RetractIncident'; reason: string; note?: string }
  | { type: 'MarkDuplicate'; incidentId: string; duplicateOf: string; note?: string }
  | { type: 'UndoDuplicate'; note?: string }
  | { type: 'RedactIncident'; fields: RedactableField[]; replacement?: string; reason: string };
