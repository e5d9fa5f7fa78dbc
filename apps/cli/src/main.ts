import { AppConfig, redactUrl } from '@app/config';
import {
  describeFailure,
  loadConfigOrExit,
  openEventStore,
  openSealedEventStore,
  openSqlClient,
} from '@app/infrastructure';
import {
  insertInvitation,
  migrateAuthSchema,
  ROLES,
  TotpSecretBox,
  WorkspaceDirectory,
} from '@app/auth';
import type { Role } from '@app/auth';
import {
  CheckpointedSubscription,
  INCIDENT_FACTS,
  IncidentProjections,
  rebuildIncidentFacts,
  rebuildTargets,
  TargetProjections,
  TARGETS,
} from '@app/read-models';
import { loadMasterKey, SqlIncidentTextKeys, SqlKeyVault } from '@app/protection';
import { backup, restore, verify } from './backup-commands';
import type { SqlClient } from '@app/database';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate   Apply every schema migration (event store, API tokens, subscription
            checkpoints) to the configured database (DATABASE_URL, or the embedded
            PGlite directory PGLITE_DIR).
  rebuild targets
            Rebuild the persons-and-organisations read model from position zero, in
            one transaction (readers see the old rows until it commits).
  rebuild incident-facts
            Rebuild the incident read models from position zero into a new table
            version and switch to it when caught up; queries keep working meanwhile.
            In embedded mode, use POST /projections/incident-facts/rebuild of the
            running API instead (one process owns a PGlite directory).

  workspace:create <name>
            Create a workspace (one per monitoring NGO) with its admin user, and print
            its id and the admin's API token (shown once: store it now).
  invite --workspace <id> --role <role> [--name <name>]
            Print a one-use invitation link (7 days) to the workspace with that role
            (admin, monitor, verifier, analyst, public); whoever opens it chooses a
            sign-in name and password. Links start with PUBLIC_ORIGIN.

  backup --out <file> [--api <url>] [--recipient <age1…>]
            Write an encrypted archive of the running deployment (event log, wrapped
            keys, workspaces, users, settings, audit trail; no read models) and, beside
            it, <file>.erasures.json. Passphrase from BACKUP_PASSPHRASE or asked.
            Embedded mode asks the running API (default http://127.0.0.1:PORT) with
            RIGHTS_LEDGER_TOKEN, the deployment admin's token; server mode reads the
            database. Writes go on meanwhile. --recipient: encrypt to an age public
            key instead of a passphrase (open it with --identity <file>).
  verify <file> [--identity <file>]
            Decrypt an archive and check it against its manifest, restoring nothing.
  restore <file> (--erasures <list>... | --no-later-erasures) [--identity <file>]
            Restore an archive into an empty deployment (a new PGLITE_DIR, or an empty
            database); the erasure lists destroy again the keys erased since.

Configuration comes from the same environment variables as the API (see README.md).`;

/** The auth schema needs the master key: a migration seals TOTP secrets under it. */
/** Migrations and rebuilds: statements over the whole log, without the request timeout. */
const BULK = { bulk: true };

async function migrateAuth(config: AppConfig, sql: SqlClient): Promise<void> {
  await migrateAuthSchema(sql, new TotpSecretBox(await loadMasterKey(config)));
}

async function migrate(config: AppConfig): Promise<void> {
  const where =
    config.database.kind === 'pglite'
      ? `PGlite in ${config.database.dir}`
      : `PostgreSQL ${redactUrl(config.database.url)}`;
  const sql = await openSqlClient(config.database, BULK);
  try {
    // KurrentDB keeps its own storage; with PostgreSQL, creating the store applies its
    // pending migrations.
    if (config.eventStore.kind === 'postgres')
      await (await openEventStore(config.eventStore, sql)).close();
    await migrateAuth(config, sql);
    await CheckpointedSubscription.migrate(sql);
    await IncidentProjections.migrate(sql);
    await TargetProjections.migrate(sql);
    await SqlKeyVault.migrate(sql);
    await SqlIncidentTextKeys.migrate(sql);
  } finally {
    await sql.close();
  }
  console.log(`Schema is up to date (${where}).`);
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command === 'migrate' && rest.length === 0) {
    await migrate(loadConfigOrExit());
    return 0;
  }
  if (command === 'rebuild' && rest.length === 1 && rest[0] === INCIDENT_FACTS) {
    await rebuild(loadConfigOrExit());
    return 0;
  }
  const workspaceName = rest[0]?.trim();
  if (command === 'workspace:create' && rest.length === 1 && workspaceName) {
    await createWorkspace(loadConfigOrExit(), workspaceName);
    return 0;
  }
  if (command === 'invite') {
    const options = inviteOptions(rest);
    if (options === undefined) {
      console.error(USAGE);
      return 2;
    }
    await invite(loadConfigOrExit(), options);
    return 0;
  }
  if (command === 'backup' || command === 'verify' || command === 'restore') {
    return backupCommand(command, rest);
  }
  if (command === 'rebuild' && rest.length === 1 && rest[0] === TARGETS) {
    await rebuildTargetsCommand(loadConfigOrExit());
    return 0;
  }
  console.error(USAGE);
  return 2;
}

async function backupCommand(command: string, args: readonly string[]): Promise<number> {
  const parsed = parseBackupArgs(args);
  if (parsed === undefined) {
    console.error(USAGE);
    return 2;
  }
  const [file] = parsed.positional;
  if (command === 'backup' && parsed.out !== undefined && file === undefined) {
    await backup(loadConfigOrExit(), {
      out: parsed.out,
      api: parsed.api,
      recipient: parsed.recipient,
    });
    return 0;
  }
  if (command === 'verify' && file !== undefined && parsed.positional.length === 1) {
    await verify(file, { identityFile: parsed.identity });
    return 0;
  }
  if (command === 'restore' && file !== undefined && parsed.positional.length === 1) {
    await restore(loadConfigOrExit(), {
      file,
      erasureLists: parsed.erasures,
      noLaterErasures: parsed.noLaterErasures,
      identityFile: parsed.identity,
    });
    return 0;
  }
  console.error(USAGE);
  return 2;
}

interface BackupArgs {
  positional: string[];
  out?: string;
  api?: string;
  recipient?: string;
  identity?: string;
  erasures: string[];
  noLaterErasures: boolean;
}

function parseBackupArgs(args: readonly string[]): BackupArgs | undefined {
  const parsed: BackupArgs = { positional: [], erasures: [], noLaterErasures: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--no-later-erasures') parsed.noLaterErasures = true;
    else if (['--out', '--api', '--erasures', '--recipient', '--identity'].includes(arg)) {
      const value = args[++i];
      if (value === undefined) return undefined;
      if (arg === '--out') parsed.out = value;
      else if (arg === '--api') parsed.api = value;
      else if (arg === '--recipient') parsed.recipient = value;
      else if (arg === '--identity') parsed.identity = value;
      else parsed.erasures.push(value);
    } else if (arg.startsWith('--')) return undefined;
    else parsed.positional.push(arg);
  }
  return parsed;
}

async function createWorkspace(config: AppConfig, name: string): Promise<void> {
  if (name.length > 200 || /[\p{Cc}\p{Cf}]/u.test(name)) {
    throw new Error('the workspace name must be 1 to 200 characters without control characters');
  }
  const sql = await openSqlClient(config.database);
  try {
    await migrateAuth(config, sql);
    const created = await new WorkspaceDirectory(sql).createWorkspace(name);
    // stdout, for the operator at the terminal; the name is the operator's own input.
    console.log(`Workspace id: ${created.id}`);
    console.log(`Admin token (shown once, store it now): ${created.adminToken}`);
  } finally {
    await sql.close();
  }
}

interface InviteOptions {
  workspaceId: string;
  role: Role;
  name: string;
}

/** `--workspace <uuid> --role <role> [--name <name>]`, in any order; undefined if not that. */
function inviteOptions(args: readonly string[]): InviteOptions | undefined {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1];
    if (!['--workspace', '--role', '--name'].includes(flag ?? '') || value === undefined) return;
    values.set(flag as string, value);
  }
  const workspaceId = values.get('--workspace')?.toLowerCase() ?? '';
  const role = values.get('--role') as Role;
  const name = values.get('--name') ?? (role === 'admin' ? 'admin' : role);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(workspaceId)) return;
  if (!(ROLES as readonly string[]).includes(role)) return;
  if (name.trim() === '' || name.length > 200 || /[\p{Cc}\p{Cf}]/u.test(name)) return;
  return { workspaceId, role, name: name.trim() };
}

async function invite(config: AppConfig, options: InviteOptions): Promise<void> {
  const sql = await openSqlClient(config.database);
  try {
    await migrateAuth(config, sql);
    if (!(await new WorkspaceDirectory(sql).workspaceExists(options.workspaceId))) {
      throw new Error('no workspace has this id');
    }
    const invitation = await insertInvitation(
      sql,
      config.signIn.publicOrigin,
      options.workspaceId,
      { name: options.name, role: options.role },
      undefined,
    );
    // stdout, for the operator at the terminal, who passes the link on.
    console.log(`Invitation link (one use, until ${invitation.expiresAt}): ${invitation.url}`);
  } finally {
    await sql.close();
  }
}

async function rebuild(config: AppConfig): Promise<void> {
  const sql = await openSqlClient(config.database, BULK);
  try {
    const store = await openSealedEventStore(config, sql);
    await IncidentProjections.migrate(sql);
    const started = Date.now();
    let reported = 0;
    const result = await rebuildIncidentFacts(sql, store, ({ events }) => {
      if (Date.now() - reported < 1_000) return; // a progress line a second
      reported = Date.now();
      console.log(`${events} events projected (${rate(events, started)} events/s)`);
    });
    await store.close();
    console.log(
      `Rebuilt ${INCIDENT_FACTS}: ${result.events} events into version ${result.to} ` +
        `(was ${result.from}) in ${((Date.now() - started) / 1000).toFixed(1)} s (${rate(result.events, started)} events/s).`,
    );
  } finally {
    await sql.close();
  }
}

async function rebuildTargetsCommand(config: AppConfig): Promise<void> {
  const sql = await openSqlClient(config.database, BULK);
  try {
    const store = await openEventStore(config.eventStore, sql);
    await TargetProjections.migrate(sql);
    const started = Date.now();
    const result = await rebuildTargets(sql, store);
    await store.close();
    console.log(
      `Rebuilt ${TARGETS}: ${result.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  } finally {
    await sql.close();
  }
}

function rate(events: number, started: number): number {
  return Math.round(events / Math.max((Date.now() - started) / 1000, 0.001));
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`rights-ledger cli failed: ${describeFailure(error)}`);
    process.exitCode = 1;
  },
);
