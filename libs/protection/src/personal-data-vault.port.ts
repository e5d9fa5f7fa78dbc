/** Whose personal data: one key per person, in their workspace. */
export interface DataSubject {
  workspaceId: string;
  subjectId: string;
}

/** A person's unwrapped key, for the length of one request: seals and opens their fields. */
export interface SubjectKey {
  /** A JSON value, encrypted: `v1.<base64>`. */
  seal(value: unknown): string;
  open(sealed: string): unknown;
}

/**
 * The per-person keys of personal data, kept outside the event log (crypto-shredding,
 * docs/architecture.md "A command"). Destroying a key makes every
 * value sealed with it unreadable, wherever a copy of the event lives.
 */
export interface PersonalDataVault {
  /** Creates the subject's key if it has none yet (idempotent). */
  createKey(subject: DataSubject): Promise<SubjectKey | 'destroyed'>;
  /** `createKey` for many subjects in one write; their keys in the order given. */
  createKeys(subjects: readonly DataSubject[]): Promise<(SubjectKey | 'destroyed')[]>;
  /** The subject's key; `undefined` if none was ever created. */
  keyOf(subject: DataSubject): Promise<SubjectKey | 'destroyed' | undefined>;
  /** Destroys the key for good (idempotent); creating it again is refused. */
  destroyKey(subject: DataSubject): Promise<void>;
}

export const PERSONAL_DATA_VAULT = Symbol('PersonalDataVault');

const SEALED = /^v1\.[A-Za-z0-9+/]+=*$/;

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && SEALED.test(value);
}
