import { Migration } from '@app/database';

/**
 * 0003's announcement named the writer's backend but not the log it writes to, and readers
 * looked at every database's locks: a writer of any event log on the server (another schema,
 * another database: a second deployment, a benchmark, a spec file running beside this one)
 * held this log's readers back for as long as its transaction ran. Found as projections that
 * showed nothing of an append they had just been told about, while a long import ran in
 * another schema of the same test database; an advisory lock (8302, pid) held in psql with a
 * transaction id reproduced it.
 *
 * Now a writer also takes (K, pid), where K names this log (a hash of database and schema,
 * baked into both functions when this migration runs), and (8303, pid), which says "my log is
 * the one my K names". A reader holds back at a writer of its own log (K), and at a writer
 * that announced the 0003 way only (8302 without 8303: a process of the previous version
 * during an upgrade, whose log cannot be told), and only among this database's locks. The
 * 8302 lock stays, so readers of the previous version still see every writer.
 *
 * The order of the three locks does not matter: all are taken before the writer has a
 * transaction id, and a reader only asks about ids it found running, by then fully announced.
 * Two logs whose names hash alike only hold each other back, as before.
 */
export const writerScopeSchema: Migration = {
  id: '0004-writer-scope',
  sql: /* sql */ `
DO $migration$
DECLARE
  k int := hashtext(current_database() || '.' || current_schema());
BEGIN
  EXECUTE format($fn$
CREATE OR REPLACE FUNCTION es_announce_writer() RETURNS void LANGUAGE plpgsql AS $body$
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'events must be appended before anything else in their transaction'
      USING ERRCODE = 'ES001',
            HINT = 'call es_announce_writer() (or es_append) as the first statement of the transaction';
  END IF;
  PERFORM pg_advisory_xact_lock(8302, pg_backend_pid());
  PERFORM pg_advisory_xact_lock(8303, pg_backend_pid());
  PERFORM pg_advisory_xact_lock(%1$s, pg_backend_pid());
  PERFORM set_config('es.writer', 'on', true);
END $body$;
$fn$, k);

  EXECUTE format($fn$
CREATE OR REPLACE FUNCTION es_read_horizon() RETURNS xid8 LANGUAGE plpgsql AS $body$
DECLARE
  v_snap   pg_snapshot := pg_current_snapshot();
  v_xips   xid8[];
  v_owners jsonb;
  v_locked int[];
  v_owner  int;
  x        xid8;
BEGIN
  SELECT array_agg(t ORDER BY t) INTO v_xips FROM pg_snapshot_xip(v_snap) t;
  IF v_xips IS NULL THEN
    RETURN pg_snapshot_xmax(v_snap);
  END IF;
  -- backend_xid is a 32-bit xid: running ids lie within 2^31 of each other, so the low 32
  -- bits of an xid8 name one of them.
  SELECT jsonb_object_agg(a.backend_xid::text, a.pid) INTO v_owners
    FROM pg_stat_get_activity(NULL) a WHERE a.backend_xid IS NOT NULL;
  -- The writers of this log: its own key, or announced the previous version's way only.
  WITH held AS (
    SELECT l.classid::text::bigint AS class, l.objid::text::int AS pid
      FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.objsubid = 2 AND l.granted
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid::text::bigint IN (8302, 8303, %1$s)
  )
  SELECT coalesce(array_agg(DISTINCT h.pid), '{}') INTO v_locked
    FROM held h
   WHERE h.class = %1$s
      OR (h.class = 8302 AND NOT EXISTS (SELECT 1 FROM held m WHERE m.pid = h.pid AND m.class = 8303));
  FOREACH x IN ARRAY v_xips LOOP
    v_owner := (v_owners ->> (x::text::numeric %% 4294967296)::text)::int;
    -- An announced writer still holding its lock: its events may yet commit below later ones.
    IF v_owner = ANY (v_locked) THEN
      RETURN x;
    END IF;
    -- No backend owns it but it still runs (a prepared transaction): it cannot be placed.
    IF v_owner IS NULL AND pg_xact_status(x) = 'in progress' THEN
      RETURN x;
    END IF;
    -- Otherwise x never announced itself to this log (so wrote none of its events), or it has
    -- ended: a writer releases its locks only after it has left the running set, so the
    -- read's later snapshot sees all it wrote.
  END LOOP;
  RETURN pg_snapshot_xmax(v_snap);
END $body$;
$fn$, k::bigint & 4294967295);
END $migration$;
`,
};
