import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { BACKUP_TABLES, BackupTable } from './backup-tables';

export const BACKUP_FORMAT = 'rights-ledger-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface TableSummary {
  rows: number;
  /** SHA-256 of the table's rows as stored, one JSON text and a newline each. */
  sha256: string;
}

/** The archive's last line: what a verify checks the rest against. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** Position of the last event in the archive ('' when the log is empty). */
  position: string;
  /** SHA-256 of the master key, to tell which key the wrapped keys need without showing it. */
  masterKeySha256: string;
  /** Applied migrations per set, as the source had them. */
  migrations: Record<string, string[]>;
  tables: Record<string, TableSummary>;
}

/**
 * The content of a backup in the clear. Rows are PostgreSQL's own JSON text of each row
 * (`to_jsonb`), never parsed and printed again: a bigint or a timestamp goes back exactly as it
 * came.
 */
export interface BackupContent {
  manifest: BackupManifest;
  masterKey: Buffer;
  rows: ReadonlyMap<BackupTable, readonly string[]>;
}

/** Thrown for an archive that is damaged, altered or not a backup of ours. */
export class BackupIntegrityError extends Error {
  override readonly name = 'BackupIntegrityError';
}

export function summarise(rows: readonly string[]): TableSummary {
  const hash = createHash('sha256');
  for (const row of rows) hash.update(`${row}\n`);
  return { rows: rows.length, sha256: hash.digest('hex') };
}

export function masterKeySha256(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Lines of tab-separated fields, gzipped: a header, the master key, one line per row, and the
 * manifest last. PostgreSQL's JSON text holds no tab or newline (it escapes them), so a row
 * is one line whatever its content.
 */
export function serialiseBackup(content: BackupContent): Buffer {
  const lines = [`${BACKUP_FORMAT}\t${BACKUP_FORMAT_VERSION}`];
  lines.push(`master-key\t${content.masterKey.toString('base64')}`);
  for (const table of BACKUP_TABLES) {
    for (const row of content.rows.get(table) ?? []) lines.push(`row\t${table}\t${row}`);
  }
  lines.push(`manifest\t${JSON.stringify(content.manifest)}`);
  return gzipSync(`${lines.join('\n')}\n`);
}

/** Parses and checks a decrypted archive: every table's count and hash against the manifest. */
export function parseBackup(plain: Uint8Array): BackupContent {
  let text: string;
  try {
    text = gunzipSync(plain).toString('utf8');
  } catch {
    throw new BackupIntegrityError('the archive is not a backup of rights-ledger (not gzip)');
  }
  const lines = text.split('\n');
  if (lines.pop() !== '') throw new BackupIntegrityError('the archive is cut short');
  const [header, keyLine, ...rest] = lines;
  if (header !== `${BACKUP_FORMAT}\t${BACKUP_FORMAT_VERSION}`) {
    throw new BackupIntegrityError(
      `not a rights-ledger backup of format version ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const masterKey = Buffer.from(field(keyLine, 'master-key'), 'base64');
  const manifestLine = rest.pop();
  const manifest = JSON.parse(field(manifestLine, 'manifest')) as BackupManifest;
  const rows = new Map<BackupTable, string[]>(BACKUP_TABLES.map((t) => [t, []]));
  for (const line of rest) {
    const [kind, table, row] = line.split('\t', 3) as [string, BackupTable, string | undefined];
    const list = rows.get(table);
    if (kind !== 'row' || list === undefined || row === undefined) {
      throw new BackupIntegrityError('the archive has a line that is not a row of a known table');
    }
    list.push(row);
  }
  checkAgainstManifest(manifest, masterKey, rows);
  return { manifest, masterKey, rows };
}

function field(line: string | undefined, name: string): string {
  const prefix = `${name}\t`;
  if (line === undefined || !line.startsWith(prefix)) {
    throw new BackupIntegrityError(`the archive's ${name} line is missing`);
  }
  return line.slice(prefix.length);
}

function checkAgainstManifest(
  manifest: BackupManifest,
  masterKey: Buffer,
  rows: ReadonlyMap<BackupTable, readonly string[]>,
): void {
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupIntegrityError('the manifest names another format');
  }
  if (masterKey.length !== 32 || masterKeySha256(masterKey) !== manifest.masterKeySha256) {
    throw new BackupIntegrityError('the master key does not match the manifest');
  }
  for (const table of BACKUP_TABLES) {
    const expected = manifest.tables[table];
    const actual = summarise(rows.get(table) ?? []);
    if (expected?.rows !== actual.rows || expected.sha256 !== actual.sha256) {
      throw new BackupIntegrityError(
        `table ${table} does not match the manifest (${actual.rows} rows, manifest says ${expected?.rows ?? 'none'})`,
      );
    }
  }
}
