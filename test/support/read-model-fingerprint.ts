import { SqlExecutor } from '@app/database';

/** Counts and hashes of the incident read models (through their views), to compare two builds. */
export async function readModelFingerprint(sql: SqlExecutor) {
  const { rows } = await sql.query<{
    acts: string;
    acts_hash: string;
    incidents: string;
    incidents_hash: string;
  }>(
    `SELECT (SELECT count(*) FROM rm_acts)::text AS acts,
            (SELECT md5(string_agg(r, '|' ORDER BY r)) FROM (
               SELECT (incident_id, act_id, target_kind, target_id, target_category, incident_row, country, region, type, family,
                       month, quarter, year, main_sources, secondary_sources,
                       rights, legal_articles, tags, verification_status, known_from, known_from_at,
                       superseded_by, superseded_at)::text AS r FROM rm_acts) a) AS acts_hash,
            (SELECT count(*) FROM rm_incidents)::text AS incidents,
            (SELECT md5(string_agg(r, '|' ORDER BY r)) FROM (
               SELECT (incident_id, version, status, target_categories, state, last_position)::text AS r
                 FROM rm_incidents) i) AS incidents_hash`,
  );
  return rows[0];
}
