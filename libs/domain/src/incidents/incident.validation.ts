import { parseOccurred, parsePartialDate, partialDateProblem } from '../dates';
import { FieldError } from '../errors';
import { allowedCodes, isKnownCode, termOf, VocabularyName } from '../vocabularies';
import { IncidentDraft } from './incident.commands';
import {
  Act,
  IncidentFacts,
  LegalBasis,
  Location,
  LOCATION_PRECISIONS,
  Outcome,
  Perpetrator,
  Source,
} from './incident.types';

const MAX_TITLE = 300;
const MAX_TEXT = 20_000;

/** Collects field errors so one answer names every problem at once. */
export class Problems {
  readonly errors: FieldError[] = [];

  add(field: string, message: string, allowed?: readonly string[]): void {
    this.errors.push(allowed ? { field, message, allowed } : { field, message });
  }

  code(vocabulary: VocabularyName, field: string, value: unknown): void {
    if (typeof value !== 'string' || !isKnownCode(vocabulary, value)) {
      this.add(field, `unknown ${vocabulary.replace(/_/g, ' ')} code`, allowedCodes(vocabulary));
    }
  }

  text(field: string, value: unknown, { required = false, max = MAX_TEXT } = {}): void {
    if (value === undefined || value === null) {
      if (required) this.add(field, 'is required');
      return;
    }
    if (typeof value !== 'string') return this.add(field, 'must be text');
    if (required && value.trim() === '') return this.add(field, 'must not be empty');
    if (value.length > max) this.add(field, `must be at most ${max} characters`);
  }

  wholeNumber(field: string, value: unknown, { min = 0, max = 1200 } = {}): void {
    if (value === undefined) return;
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
      this.add(field, `must be a whole number from ${min} to ${max}`);
    }
  }
}

export function validateFacts(
  draft: IncidentDraft,
  today: string,
  p: Problems,
): IncidentFacts | undefined {
  p.text('title', draft.title, { required: true, max: MAX_TITLE });
  p.text('description', draft.description);
  p.code('country', 'country', draft.country);
  if (draft.region !== undefined) validateRegion(draft.country, draft.region, 'region', p);
  p.text('place', draft.place, { max: MAX_TITLE });
  if (draft.location !== undefined) validateLocation(draft.location, 'location', p);
  p.code('incident_type', 'type', draft.type);
  (draft.rights ?? []).forEach((r, i) => p.code('right', `rights.${i}`, r));
  (draft.legalBasis ?? []).forEach((l, i) => validateLegalBasis(l, `legalBasis.${i}`, p));
  (draft.tags ?? []).forEach((t, i) => p.text(`tags.${i}`, t, { required: true, max: 100 }));
  const occurred = parseOccurred(draft.occurred, today);
  if (!occurred.ok) occurred.errors.forEach((e) => p.add(e.field, e.message));
  if (p.errors.length > 0 || !occurred.ok) return undefined;
  return {
    title: draft.title.trim(),
    ...(draft.description !== undefined && { description: draft.description }),
    country: draft.country,
    ...(draft.region !== undefined && { region: draft.region }),
    ...(draft.place !== undefined && { place: draft.place }),
    ...(draft.location !== undefined && { location: locationOf(draft.location) }),
    occurred: occurred.value,
    type: draft.type,
    rights: unique(draft.rights ?? []),
    legalBasis: draft.legalBasis ?? [],
    tags: unique((draft.tags ?? []).map((t) => t.trim())),
  };
}

export function validateRegion(
  country: unknown,
  region: unknown,
  field: string,
  p: Problems,
): void {
  p.code('region', field, region);
  if (typeof region === 'string' && typeof country === 'string' && isKnownCode('region', region)) {
    if (!region.startsWith(`${country}-`)) p.add(field, `is not a region of ${country}`);
  }
}

export function validateLocation(l: Location, field: string, p: Problems): void {
  if (typeof l !== 'object' || l === null)
    return p.add(field, 'must be { latitude, longitude, precision }');
  const degrees = (key: 'latitude' | 'longitude', max: number) => {
    const v = l[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > max) {
      p.add(`${field}.${key}`, `must be a number of degrees from -${max} to ${max}`);
    }
  };
  degrees('latitude', 90);
  degrees('longitude', 180);
  if (!(LOCATION_PRECISIONS as readonly unknown[]).includes(l.precision)) {
    p.add(`${field}.precision`, 'must be one of the precisions', LOCATION_PRECISIONS);
  }
}

/** Only the three fields, so nothing else a client sends is recorded with them. */
export function locationOf({ latitude, longitude, precision }: Location): Location {
  return { latitude, longitude, precision };
}

export function validateLegalBasis(l: LegalBasis, field: string, p: Problems): void {
  p.text(`${field}.instrument`, l?.instrument, { required: true, max: 200 });
  p.text(`${field}.article`, l?.article, { required: true, max: 50 });
  p.text(`${field}.part`, l?.part, { max: 20 });
}

export function validateAct(act: Act, field: string, p: Problems): void {
  if (act.kind !== 'person' && act.kind !== 'organisation') {
    p.add(`${field}.kind`, 'must be person or organisation', ['person', 'organisation']);
  }
  validateTargetCategory(act.kind, act.category, `${field}.category`, p);
}

/** A known category that fits the kind of target: `ngo` is no person's category, `lawyer` no organisation's. */
export function validateTargetCategory(
  kind: string,
  category: unknown,
  field: string,
  p: Problems,
): void {
  p.code('target_category', field, category);
  const fits = termOf('target_category', String(category))?.targetKind;
  if (fits !== undefined && fits !== kind) {
    const allowed = allowedCodes('target_category').filter((c) => {
      const k = termOf('target_category', c)?.targetKind;
      return k === undefined || k === kind;
    });
    p.add(field, `is a category of ${fits}s, not of ${kind}s`, allowed);
  }
}

export function validatePerpetrator(x: Perpetrator, field: string, p: Problems): void {
  p.code('perpetrator_source', `${field}.source`, x.source);
  p.code('perpetrator_role', `${field}.role`, x.role);
  p.text(`${field}.unit`, x.unit, { max: MAX_TITLE });
}

export function validateSource(s: Source, field: string, today: string, p: Problems): void {
  p.text(`${field}.title`, s.title, { required: true, max: MAX_TITLE });
  if (s.url !== undefined && !isHttpUrl(s.url)) p.add(`${field}.url`, 'must be an http(s) URL');
  // Reports are often dated by month or year only: the same partial dates as `occurred`.
  if (s.publishedOn !== undefined) {
    const problem = partialDateProblem(s.publishedOn, today);
    if (problem) p.add(`${field}.publishedOn`, problem);
  }
  if (s.reliability !== undefined)
    p.code('source_reliability', `${field}.reliability`, s.reliability);
  if (s.language !== undefined && !/^[a-z]{2,3}$/.test(s.language)) {
    p.add(`${field}.language`, 'must be an ISO 639 code such as ru, kk, ky, tg, en');
  }
}

export function validateOutcome(o: Outcome, field: string, today: string, p: Problems): void {
  p.code('outcome', `${field}.type`, o.type);
  if (o.date !== undefined) validateDay(o.date, `${field}.date`, today, p);
  p.wholeNumber(`${field}.custodialMonths`, o.custodialMonths);
  p.wholeNumber(`${field}.freedomRestrictionMonths`, o.freedomRestrictionMonths);
  p.wholeNumber(`${field}.probationMonths`, o.probationMonths);
  p.text(`${field}.freedomRestrictionScope`, o.freedomRestrictionScope, { max: 500 });
  p.text(`${field}.note`, o.note);
  if (o.fine !== undefined) {
    if (
      typeof o.fine.amount !== 'number' ||
      !(o.fine.amount > 0) ||
      !Number.isFinite(o.fine.amount)
    ) {
      p.add(`${field}.fine.amount`, 'must be a positive number');
    }
    p.code('fine_unit', `${field}.fine.unit`, o.fine.unit);
    if (o.fine.unit === 'mci') {
      p.wholeNumber(`${field}.fine.mciYear`, o.fine.mciYear ?? -1, {
        min: 1991,
        max: Number(today.slice(0, 4)),
      });
    }
  }
}

/** A full date (YYYY-MM-DD) that exists and is not in the future. */
function validateDay(value: string, field: string, today: string, p: Problems): void {
  const parsed = parsePartialDate({ date: value, precision: 'day' }, today);
  if (!parsed.ok) parsed.errors.forEach((e) => p.add(field, e.message));
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && value.length <= 2000;
  } catch {
    return false;
  }
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/**
 * Sources count as independent when they come from different publishers: the URL's host
 * when there is a URL, otherwise the title.
 */
export function independentSourceCount(sources: readonly Source[]): number {
  return new Set(
    sources.map((s) => {
      if (s.url) {
        try {
          return new URL(s.url).hostname.replace(/^www\./, '');
        } catch {
          /* validated on the way in; fall back to the title */
        }
      }
      return s.title.trim().toLowerCase();
    }),
  ).size;
}
