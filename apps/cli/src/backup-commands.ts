import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  AGE_RECIPIENT,
  BackupContent,
  decryptWithIdentity,
  decryptWithPassphrase,
  Erasure,
  erasureListOf,
  encryptToRecipient,
  encryptWithPassphrase,
  masterKeySha256,
  parseBackup,
  parseErasureList,
  readBackup,
  restoreBackup,
  RestoreRefused,
  serialiseBackup,
  transferKeyPair,
} from '@app/backup';
import { AppConfig, requireMasterKey } from '@app/config';
import { SqlClient } from '@app/database';
import { openEventStore, openSqlClient } from '@app/infrastructure';
import {
  migrateAuthSchema,
  migrateWorkspacePublicity,
  migrateWorkspaceTags,
  TotpSecretBox,
} from '@app/auth';
import {
  loadMasterKey,
  MASTER_KEY_FILE,
  SqlEvidenceStorage,
  SqlIncidentTextKeys,
  SqlKeyVault,
  SqlNameIndex,
} from '@app/protection';
import { backupPassphrase } from './passphrase';

export interface BackupOptions {
  out: string;
  /** The running API to ask (embedded mode: one process owns a PGlite directory). */
  api?: string;
  /** An age public key to encrypt to instead of a passphrase. */
  recipient?: string;
}

/** How an archive is opened: the passphrase, or an age identity file (`--identity`). */
export interface OpenOptions {
  identityFile?: string;
}

export interface RestoreOptions extends OpenOptions {
  file: string;
  erasureLists: string[];
  noLaterErasures: boolean;
}

const MIN_PASSPHRASE = 12;

export async function backup(config: AppConfig, options: BackupOptions): Promise<void> {
  refuseKurrentDb(config);
  if (options.recipient !== undefined && !AGE_RECIPIENT.test(options.recipient)) {
    throw new Error('--recipient must be an age X25519 public key (age1…)');
  }
  const passphrase = options.recipient === undefined ? await newPassphrase() : undefined;
  const plain =
    options.api !== undefined || config.database.kind === 'pglite'
      ? await plainFromApi(options.api ?? `http://127.0.0.1:${config.port}`)
      : await plainFromDatabase(config);
  const content = parseBackup(plain);
  const archive =
    passphrase === undefined
      ? await encryptToRecipient(plain, options.recipient!)
      : await encryptWithPassphrase(plain, passphrase);
  // wx: an earlier archive is never overwritten; 0600: it is the whole deployment.
  await writeFile(options.out, archive, { mode: 0o600, flag: 'wx' });
  // Read back what is on disk and check it as `verify` would, before saying it is good (with
  // a public key, the identity that opens it is not here: checked before encryption only).
  if (passphrase !== undefined) {
    parseBackup(await decryptWithPassphrase(await readFile(options.out), passphrase));
  }
  const list = erasureListPath(options.out);
  await writeFile(list, `${JSON.stringify(erasureListOf(content), null, 2)}\n`, { flag: 'wx' });
  const checked = passphrase !== undefined ? 'verified' : 'for the identity of its recipient';
  console.log(`Backup written: ${options.out} (${archive.length} bytes, ${checked})`);
  printManifest(content, archive);
  console.log(`Erasure list: ${list} (${erasureListOf(content).erased.length} erased persons)`);
}

async function newPassphrase(): Promise<string> {
  const passphrase = await backupPassphrase(true);
  if (passphrase.length < MIN_PASSPHRASE) {
    throw new Error(`the backup passphrase must have at least ${MIN_PASSPHRASE} characters`);
  }
  return passphrase;
}

/** The archive in the clear, with the identity file when given, else the passphrase. */
async function openArchive(archive: Uint8Array, options: OpenOptions): Promise<BackupContent> {
  if (options.identityFile === undefined) {
    return parseBackup(await decryptWithPassphrase(archive, await backupPassphrase(false)));
  }
  const identity = (await readFile(options.identityFile, 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('AGE-SECRET-KEY-'));
  if (identity === undefined) throw new Error(`${options.identityFile} holds no age identity`);
  return parseBackup(await decryptWithIdentity(archive, identity));
}

/** Beside the archive: the list a restore of an older archive needs (docs/operations.md). */
export function erasureListPath(out: string): string {
  return `${out}.erasures.json`;
}

async function plainFromDatabase(config: AppConfig): Promise<Uint8Array> {
  const sql = await openSqlClient(config.database, { bulk: true });
  try {
    return serialiseBackup(await readBackup(sql, await loadMasterKey(config)));
  } finally {
    await sql.close();
  }
}

/** The deployment admin's token: RIGHTS_LEDGER_TOKEN, else BOOTSTRAP_ADMIN_TOKEN. */
async function plainFromApi(api: string): Promise<Uint8Array> {
  const token = process.env.RIGHTS_LEDGER_TOKEN || process.env.BOOTSTRAP_ADMIN_TOKEN;
  if (!token) {
    throw new Error(
      "set RIGHTS_LEDGER_TOKEN to the deployment admin's token: the backup is asked of the running API",
    );
  }
  const { identity, recipient } = await transferKeyPair();
  const response = await fetch(new URL('/backups', api), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ recipient }),
  });
  if (response.status !== 200) {
    throw new Error(`the API at ${api} answered ${response.status}: ${await response.text()}`);
  }
  return decryptWithIdentity(new Uint8Array(await response.arrayBuffer()), identity);
}

export async function verify(file: string, options: OpenOptions = {}): Promise<void> {
  const archive = await readFile(file);
  const content = await openArchive(archive, options);
  console.log(`Backup verified: ${file}`);
  printManifest(content, archive);
}

export async function restore(config: AppConfig, options: RestoreOptions): Promise<void> {
  refuseKurrentDb(config);
  const erasures = await readErasureLists(options);
  const archive = await readFile(options.file);
  const content = await openArchive(archive, options);
  const masterKey = await targetMasterKey(config, content);
  const sql = await openSqlClient(config.database, { bulk: true });
  try {
    await layOutBackupTables(sql, masterKey);
    const result = await restoreBackup(sql, content, erasures);
    await keepMasterKey(config, masterKey);
    console.log(
      `Restored ${result.rows} rows up to position ${content.manifest.position || '(empty log)'}; ` +
        `${result.erasedAgain} keys erased after the backup destroyed again.`,
    );
    console.log('Start the API on it: the read models rebuild from position zero.');
  } finally {
    await sql.close();
  }
}

/**
 * A restore must say what was erased since the archive was made: restoring an older archive
 * would otherwise bring destroyed keys back.
 */
async function readErasureLists(options: RestoreOptions): Promise<Erasure[]> {
  if (options.erasureLists.length === 0 && !options.noLaterErasures) {
    throw new RestoreRefused(
      'give --erasures <the newest erasure list> (written beside every backup) so that persons erased ' +
        'after this backup stay erased, or --no-later-erasures if none were erased since',
    );
  }
  const erasures: Erasure[] = [];
  for (const path of options.erasureLists) {
    erasures.push(...parseErasureList(await readFile(path, 'utf8')).erased);
  }
  return erasures;
}

/**
 * The wrapped keys need the archive's master key. Embedded: it is written into the new data
 * directory (an existing different one is refused). Server: MASTER_KEY must be that key.
 */
async function targetMasterKey(config: AppConfig, content: BackupContent): Promise<Buffer> {
  const wanted = content.manifest.masterKeySha256;
  if (config.database.kind === 'postgres') {
    const given = Buffer.from(requireMasterKey(config) ?? '', 'base64');
    if (masterKeySha256(given) !== wanted) {
      throw new RestoreRefused(
        'MASTER_KEY is not the master key of the backup: set it to the one the deployment had',
      );
    }
    return given;
  }
  const dir = resolve(config.database.dir);
  const path = join(dir, MASTER_KEY_FILE);
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === undefined) return content.masterKey;
  if (masterKeySha256(Buffer.from(existing.trim(), 'base64')) !== wanted) {
    throw new RestoreRefused(`${path} holds another master key: restore into a new data directory`);
  }
  return content.masterKey;
}

/** Every table a backup holds, laid out as this version lays it out. */
export async function layOutBackupTables(sql: SqlClient, masterKey: Buffer): Promise<void> {
  await (await openEventStore({ kind: 'postgres' }, sql)).close();
  await migrateAuthSchema(sql, new TotpSecretBox(masterKey));
  await migrateWorkspacePublicity(sql);
  await migrateWorkspaceTags(sql);
  await SqlKeyVault.migrate(sql);
  await SqlNameIndex.migrate(sql);
  await SqlEvidenceStorage.migrate(sql);
  await SqlIncidentTextKeys.migrate(sql);
}

/** Only once the data is in: a refused restore leaves the directory as it was. */
async function keepMasterKey(config: AppConfig, masterKey: Buffer): Promise<void> {
  if (config.database.kind !== 'pglite') return;
  const path = join(resolve(config.database.dir), MASTER_KEY_FILE);
  await writeFile(path, `${masterKey.toString('base64')}\n`, { mode: 0o600 });
}

function refuseKurrentDb(config: AppConfig): void {
  if (config.eventStore.kind !== 'postgres') {
    throw new Error(
      "backups hold the event log of the PostgreSQL event store; with EVENT_STORE=kurrentdb use KurrentDB's own backups",
    );
  }
}

function printManifest(content: BackupContent, archive: Uint8Array): void {
  const { manifest } = content;
  console.log(`  made at ${manifest.createdAt}, log position ${manifest.position || '(empty)'}`);
  for (const [table, summary] of Object.entries(manifest.tables)) {
    console.log(`  ${table}: ${summary.rows} rows, sha256 ${summary.sha256.slice(0, 16)}…`);
  }
  console.log(`  archive sha256 ${createHash('sha256').update(archive).digest('hex')}`);
}
