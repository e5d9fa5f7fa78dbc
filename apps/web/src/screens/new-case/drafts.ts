import { type DBSchema, openDB } from 'idb';
import type { CaseFormValues } from './case-form';

/**
 * A case being written. It lives in this browser (IndexedDB) until the server accepts it, so
 * a closed tab, a reload or a lost connection loses nothing. Its Idempotency-Key is chosen
 * once, when the draft is created: however often it is sent, it is recorded once.
 */
export interface Draft {
  id: string;
  idempotencyKey: string;
  values: CaseFormValues;
  updatedAt: string;
  /** The last failed attempt, shown beside the draft. */
  lastError?: string;
}

interface DraftsDb extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { updatedAt: string } };
}

const database = () =>
  openDB<DraftsDb>('rights-ledger', 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    },
  });

export function newDraft(values: CaseFormValues): Draft {
  return {
    id: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    values,
    updatedAt: new Date().toISOString(),
  };
}

export async function saveDraft(draft: Draft): Promise<void> {
  await (await database()).put('drafts', { ...draft, updatedAt: new Date().toISOString() });
}

/** Newest first. */
export async function listDrafts(): Promise<Draft[]> {
  return (await (await database()).getAllFromIndex('drafts', 'updatedAt')).reverse();
}

export async function deleteDraft(id: string): Promise<void> {
  await (await database()).delete('drafts', id);
}
