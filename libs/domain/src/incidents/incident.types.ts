import { PartialDate } from '../dates';
import { TargetKind } from '../vocabularies';

/** One target hit by the incident: an act (Kadyr-Kasiyet's "threat"). */
export interface Act {
  actId: string;
  kind: TargetKind;
  /** The person's or organisation's id (its stream is `person-<id>` / `organisation-<id>`). */
  targetId: string;
  /** The target's category in this act: a person can be a journalist in one case, a protester in another. */
  category: string;
}

export interface Perpetrator {
  perpetratorId: string;
  source: string;
  role: 'main' | 'secondary';
  /** The unit or office, free text (e.g. "Almaty city police department"). */
  unit?: string;
}

export interface Source {
  sourceId: string;
  title: string;
  url?: string;
  publishedOn?: string;
  language?: string;
  reliability?: string;
}

export interface LegalBasis {
  instrument: string;
  article: string;
  /** The part of the article ("ч. 1 ст. 307"), when the source gives it. */
  part?: string;
}

export interface Fine {
  amount: number;
  unit: string;
  /** The year of the monthly calculation index, when the unit is `mci`. */
  mciYear?: number;
}

export interface Outcome {
  outcomeId: string;
  type: string;
  date?: string;
  /** The act it concerns, when it concerns one target only. */
  actId?: string;
  custodialMonths?: number;
  freedomRestrictionMonths?: number;
  freedomRestrictionScope?: string;
  probationMonths?: number;
  fine?: Fine;
  note?: string;
}

/** How much a location's coordinates say: a spot, or only the settlement, district, region or country. */
export const LOCATION_PRECISIONS = [
  'exact',
  'settlement',
  'district',
  'region',
  'country',
] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/**
 * Where on the map an incident took place (WGS 84), and how precisely: sources often say only
 * "in Khorog" (settlement) or "in the Pamirs" (region), and a map must not draw more than that.
 */
export interface Location {
  latitude: number;
  longitude: number;
  precision: LocationPrecision;
}

/** The facts of an incident as a monitor reports them, already checked against the vocabularies. */
export interface IncidentFacts {
  title: string;
  description?: string;
  country: string;
  region?: string;
  place?: string;
  location?: Location;
  occurred: PartialDate;
  type: string;
  rights: string[];
  legalBasis: LegalBasis[];
  tags: string[];
}

/** Fields a correction may change; `targetCategory` needs the act. */
export const CORRECTABLE_FIELDS = [
  'title',
  'description',
  'country',
  'region',
  'place',
  'location',
  'occurred',
  'type',
  'rights',
  'legalBasis',
  'tags',
  'targetCategory',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
