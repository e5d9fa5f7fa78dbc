import { SqlExecutor } from '@app/database';

/**
 * Counts and hashes of the incident read models (through their views, the person merges too),
 * to compare two builds.
 * With `at`, as they stood at that position: the fact rows known by then (their supersession
 * only if it came by then), and the incidents whose last change came by then. The incidents'
 * part is exact when nothing after `at` changed an incident that existed at `at` (new
 * incidents only), as in a backup taken while cases are being recorded.
 */
export async function readModelFingerprint(sql: SqlExecutor, at?: string) {
  const upTo = at ?? '~'; // '~' sorts after every position
  const { rows } = await sql.query<{
    acts: string;
    acts_hash: string;
    merges: string;
    mergesUndone: string;
    merges_hash: string | null;
    incidents: string;
    incidents_hash: string;
  }>(
    `WITH acts AS (
       SELECT incident_id, act_id, target_kind, target_id, target_category, incident_row, country, region, type, family,
              month, quarter, year, main_sources, secondary_sources,
              rights, legal_articles, tags, verification_status, known_from, known_from_at,
              CASE WHEN superseded_by <= $1 THEN superseded_by END AS superseded_by,
              CASE WHEN superseded_by <= $1 THEN superseded_at END AS superseded_at
         FROM rm_acts WHERE known_from <= $1
     ), merges AS (
       SELECT workspace_id, person_id, into_id, known_from, known_from_at,
              CASE WHEN superseded_by <= $1 THEN superseded_by END AS superseded_by,
              CASE WHEN superseded_by <= $1 THEN superseded_at END AS superseded_at
         FROM rm_person_merges WHERE known_from <= $1
     ), incidents AS (
       SELECT incident_id, version, status, target_categories, state, last_position
         FROM rm_incidents WHERE last_position <= $1
     )
     SELECT (SELECT count(*) FROM acts)::text AS acts,
            (SELECT md5(string_agg(r, '|' ORDER BY r)) FROM (SELECT a::text AS r FROM acts a) x) AS acts_hash,
            (SELECT count(*) FROM merges)::text AS merges,
            (SELECT count(*) FROM merges WHERE superseded_by IS NOT NULL)::text AS "mergesUndone",
            (SELECT md5(string_agg(r, '|' ORDER BY r)) FROM (SELECT m::text AS r FROM merges m) z) AS merges_hash,
            (SELECT count(*) FROM incidents)::text AS incidents,
            (SELECT md5(string_agg(r, '|' ORDER BY r)) FROM (SELECT i::text AS r FROM incidents i) y) AS incidents_hash`,
    [upTo],
  );
  return rows[0];
}
