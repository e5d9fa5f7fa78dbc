/**
 * A global position: opaque to callers, totally ordered, and serialisable as a string.
 * Every adapter encodes its native position as fixed-width decimal fields, so plain string
 * comparison is the order; the API hands positions out as these strings.
 */
export type Position = string & { readonly __brand: 'Position' };

/** Before every event. */
export const START = '' as Position;

const FIELD_WIDTH = 20; // fits any unsigned 64-bit integer

const DIGITS = /^\d{1,20}$/;

export function encodePosition(...fields: readonly (bigint | number | string)[]): Position {
  let out = '';
  for (const field of fields) {
    // Drivers hand int8 over as decimal strings: pad them as they are (this runs per event read).
    const text = typeof field === 'string' && DIGITS.test(field) ? field : BigInt(field).toString();
    if (text.startsWith('-')) throw new RangeError(`negative position field: ${text}`);
    if (text.length > FIELD_WIDTH) throw new RangeError(`position field too large: ${text}`);
    out += (out === '' ? '' : '.') + text.padStart(FIELD_WIDTH, '0');
  }
  return out as Position;
}

export function decodePosition(position: Position, fieldCount: number): bigint[] {
  if (position === START) return Array.from({ length: fieldCount }, () => 0n);
  const parts = position.split('.');
  if (parts.length !== fieldCount || parts.some((p) => !/^\d{20}$/.test(p))) {
    throw new InvalidPosition(position);
  }
  return parts.map((p) => BigInt(p));
}

export function comparePositions(a: Position, b: Position): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Parses a position received from outside (an API parameter, a checkpoint row). */
export function parsePosition(text: string): Position {
  if (text === '' || /^\d{20}(\.\d{20})*$/.test(text)) return text as Position;
  throw new InvalidPosition(text);
}

export class InvalidPosition extends Error {
  constructor(readonly value: string) {
    super(`not a position: ${JSON.stringify(value.slice(0, 64))}`);
    this.name = 'InvalidPosition';
  }
}
