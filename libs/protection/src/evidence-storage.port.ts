/** Which file: the evidence id, in its workspace. */
export interface EvidenceRef {
  workspaceId: string;
  evidenceId: string;
  /** The incident it belongs to, so a listing needs no scan of the event log. */
  incidentId: string;
}

/**
 * Where evidence files are kept, encrypted under a key of their own wrapped by the master
 * key. The database adapter keeps both; an S3-compatible adapter would keep the ciphertext
 * in a bucket and the wrapped key here. Destroying the key makes the file unreadable wherever
 * a copy of the ciphertext is (a backup, a replica), which is what removal means.
 */
export interface EvidenceStorage {
  /** Encrypts and stores the bytes (idempotent: the same ref stored twice keeps the first). */
  put(ref: EvidenceRef, bytes: Buffer): Promise<void>;
  /** The plain bytes; `destroyed` once removed; `undefined` if never stored in this workspace. */
  get(ref: Omit<EvidenceRef, 'incidentId'>): Promise<Buffer | 'destroyed' | undefined>;
  /** Destroys the key and the ciphertext for good (idempotent). */
  destroy(ref: Omit<EvidenceRef, 'incidentId'>): Promise<void>;
  /** How many files of the incident are kept and not destroyed (for the per-incident limit). */
  countFor(workspaceId: string, incidentId: string): Promise<number>;
  /** The ids of every file of the incident, destroyed ones included. */
  idsFor(workspaceId: string, incidentId: string): Promise<string[]>;
}

export const EVIDENCE_STORAGE = Symbol('EvidenceStorage');
