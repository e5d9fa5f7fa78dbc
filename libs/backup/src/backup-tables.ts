/**
 * What a backup holds, in the order a restore inserts it (a row's references come first).
 * The event log and what the log cannot be read or used without: the wrapped keys of persons,
 * of name digests, of evidence files and of incidents' free text, the workspaces with their users, credentials and
 * settings, and the audit trail. Left out, because they rebuild or expire: read models and
 * their checkpoints (a projection rebuilds from position zero), job records, their files and
 * the uploads they read (an export is made again at the same position; an import's events are
 * in the log; an upload lives only as long as its job), browser sessions, passkey challenges and sign-in throttling (restored, a stolen session cookie would
 * live again), and the migration records (the target lays out its own schema).
 */
export const BACKUP_TABLES = [
  'workspaces',
  'users',
  'api_tokens',
  'recovery_codes',
  'invitations',
  'passkeys',
  'audit_log',
  'workspace_publicity',
  'workspace_tags',
  'person_keys',
  'name_index_keys',
  'name_index',
  'evidence_files',
  'incident_text_keys',
  'es_streams',
  'es_events',
] as const;

export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * The migration sets that lay out those tables: a backup restores only into a schema at the
 * very same migrations (a later version's schema may need a migration's code step, which a
 * restore would skip).
 */
export const BACKUP_MIGRATION_SETS = [
  'es_migrations',
  'auth_migrations',
  'publicity_migrations',
  'workspace_tag_migrations',
  'protection_migrations',
  'name_index_migrations',
  'evidence_storage_migrations',
  'incident_text_key_migrations',
] as const;

/** Row order within a table: the log in its own order, the rest by content (stable hashes). */
export const ROW_ORDER: Partial<Record<BackupTable, string>> = {
  es_events: 'transaction_id, global_position',
  audit_log: 'id',
};
