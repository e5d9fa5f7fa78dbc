import { Source } from './incident.types';

/**
 * The free text of an incident: what monitors type and may fill with names (titles, the
 * description, the place, tags, source titles). Each is stored sealed under a key of its own
 * field and incident (docs/protection.md, "Redaction"), so that a redaction can make every
 * earlier version of one field unreadable and leave the others as they are. Codes, dates and
 * ids stay in clear: statistics count them.
 */
export const REDACTABLE_FIELDS = ['title', 'description', 'place', 'tags', 'sourceTitles'] as const;
export type RedactableField = (typeof REDACTABLE_FIELDS)[number];

/** What a value reads as when its key is gone and no replacement is known. */
export const REDACTED_TEXT = '[redacted]';

/** Rewrites one free-text value (a string, or the list of tags). */
export type FreeTextMap = (value: unknown, field: RedactableField) => unknown;

type Data = Record<string, unknown>;

const CORRECTED_TEXT: ReadonlySet<string> = new Set(['title', 'description', 'place', 'tags']);

/**
 * The data of an incident event with `map` applied to each free-text value in it, and the
 * rest as it was. Absent optional values stay absent. Pure: sealing, opening and counting
 * are the caller's `map`.
 */
export function mapFreeText(type: string, data: unknown, map: FreeTextMap): unknown {
  const d = data as Data;
  switch (type) {
    case 'IncidentReported':
      return {
        ...d,
        ...pick(d, ['title', 'description', 'place', 'tags'], map),
        ...(Array.isArray(d.sources) && {
          sources: (d.sources as Source[]).map((s) => ({
            ...s,
            title: map(s.title, 'sourceTitles') as string,
          })),
        }),
      };
    case 'IncidentCorrected': {
      const field = d.field as RedactableField;
      if (!CORRECTED_TEXT.has(field)) return d;
      return {
        ...d,
        ...(d.from !== undefined && { from: map(d.from, field) }),
        ...(d.to !== undefined && { to: map(d.to, field) }),
      };
    }
    case 'SourceAttached':
      return { ...d, title: map(d.title, 'sourceTitles') };
    case 'IncidentRedacted': {
      const replacements = d.replacements as Partial<Record<RedactableField, unknown>>;
      return {
        ...d,
        replacements: Object.fromEntries(
          Object.entries(replacements).map(([f, v]) => [f, map(v, f as RedactableField)]),
        ),
      };
    }
  }
  return d;
}

function pick(d: Data, fields: readonly RedactableField[], map: FreeTextMap): Data {
  const out: Data = {};
  for (const field of fields) if (d[field] !== undefined) out[field] = map(d[field], field);
  return out;
}

/** The incident events that may carry free text. */
export function mayCarryFreeText(type: string): boolean {
  return (
    type === 'IncidentReported' ||
    type === 'IncidentCorrected' ||
    type === 'SourceAttached' ||
    type === 'IncidentRedacted'
  );
}
