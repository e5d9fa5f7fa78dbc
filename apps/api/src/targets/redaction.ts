import { Actor } from '@app/application';
import { Role } from '@app/auth';

/**
 * Who sees names, contacts, addresses, notes and exact places. Analysts get pseudonymous
 * labels and region-level places; the public gets aggregates only (issue 6).
 */
export const FULL_DETAIL_ROLES = ['admin', 'monitor', 'verifier'] as const satisfies Role[];
/** Who may read a person, an organisation or an incident at all (analysts redacted). */
export const READER_ROLES = [...FULL_DETAIL_ROLES, 'analyst'] as const satisfies Role[];
/** Who records and corrects persons and organisations. */
export const RECORDER_ROLES = ['admin', 'monitor'] as const satisfies Role[];

export function seesPersonalData(actor: Actor): boolean {
  return (FULL_DETAIL_ROLES as readonly string[]).includes(actor.role);
}
