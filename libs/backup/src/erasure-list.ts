import { BackupContent, BackupIntegrityError } from './backup-archive';

export const ERASURE_LIST_FORMAT = 'rights-ledger-erasures';

export interface Erasure {
  workspaceId: string;
  personId: string;
  /** When the key was destroyed. */
  erasedAt: string;
}

/**
 * The persons whose keys were destroyed, as of a backup: ids and times, no name and no key,
 * so it may be kept in the clear wherever the backups are. It travels apart from the archives
 * so that restoring an older archive can destroy again the keys erased after it was made.
 */
export interface ErasureList {
  format: typeof ERASURE_LIST_FORMAT;
  formatVersion: 1;
  /** The position of the backup it came with. */
  position: string;
  createdAt: string;
  erased: Erasure[];
}

interface PersonKeyRow {
  person_id: string;
  workspace_id: string;
  destroyed_at: string | null;
}

export function erasureListOf(content: BackupContent): ErasureList {
  const erased: Erasure[] = [];
  for (const text of content.rows.get('person_keys') ?? []) {
    const row = JSON.parse(text) as PersonKeyRow;
    if (row.destroyed_at === null) continue;
    erased.push({
      workspaceId: row.workspace_id,
      personId: row.person_id,
      erasedAt: row.destroyed_at,
    });
  }
  return {
    format: ERASURE_LIST_FORMAT,
    formatVersion: 1,
    position: content.manifest.position,
    createdAt: content.manifest.createdAt,
    erased,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseErasureList(text: string): ErasureList {
  const list = JSON.parse(text) as Partial<ErasureList>;
  if (list.format !== ERASURE_LIST_FORMAT || !Array.isArray(list.erased)) {
    throw new BackupIntegrityError('not a rights-ledger erasure list');
  }
  for (const e of list.erased) {
    if (!UUID.test(e.personId) || !UUID.test(e.workspaceId) || Number.isNaN(Date.parse(e.erasedAt)))
      throw new BackupIntegrityError('the erasure list has an entry that is not an id and a time');
  }
  return list as ErasureList;
}
