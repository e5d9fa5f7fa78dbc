import { ValidationException } from '@app/application/validation.exception';

/** Where a page ended, in the list order (occurred_date descending, then incident id). */
export interface IncidentCursor {
  occurredDate: string;
  incidentId: string;
}

const OCCURRED = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Opaque to clients: base64url of the last item's sort key. */
export function encodeCursor(cursor: IncidentCursor): string {
  return Buffer.from(JSON.stringify([cursor.occurredDate, cursor.incidentId])).toString(
    'base64url',
  );
}

export function decodeCursor(text: string): IncidentCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !OCCURRED.test(parsed[0]) ||
    !UUID.test(parsed[1])
  ) {
    throw new ValidationException([
      { field: 'cursor', message: 'is not a cursor this API gave out (nextCursor of a page)' },
    ]);
  }
  return { occurredDate: parsed[0], incidentId: parsed[1] };
}
