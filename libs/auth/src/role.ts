import { Actor } from '@app/application';

export type Role = Actor['role'];

/** Every role, for validation and documentation (`@IsIn(ROLES)`, `enum: ROLES`). */
export const ROLES = [
  'admin',
  'monitor',
  'verifier',
  'analyst',
  'public',
] as const satisfies readonly Role[];

// Stops compiling if Actor gains a role this list lacks.
const _everyRole: [Exclude<Role, (typeof ROLES)[number]>] extends [never] ? true : never = true;
