import { Migration } from '@app/database';
import { appendManySchema } from './0002-append-many.migration';

/**
 * Readers used to stop below `pg_snapshot_xmin`, which is cluster-wide: any open transaction
 * on the server (another database's, a stuck psql, a backup) held every subscriber back. Now
 * each transaction that writes events announces itself first, before it has a transaction id,
 * with an advisory lock keyed on its backend (class 8302); a reader's horizon is the oldest
 * in-progress id that is not provably someone else's (es_read_horizon).
 *
 * Why a skipped id can never write events: the lock is taken before the id exists and is
 * released only after the id has ended (PostgreSQL releases locks after the commit or abort is
 * recorded and the id leaves the running set). So an id that was in progress before the reader
 * looked at pg_locks, whose backend did not hold the lock then, and that is still in progress
 * after, belongs to a transaction that never announced itself; and it can no longer announce
 * (es_announce_writer refuses once an id is assigned, ES001), nor insert events without
 * announcing (a statement trigger refuses, ES002). An id that has ended by then is skipped too:
 * its events, if any, are visible to the read, whose snapshot comes after it left the running
 * set.
 */
export const writerHorizonSchema: Migration = {
  id: '0003-writer-horizon',
  sql: /* sql */ `
ALTER FUNCTION es_append(text, bigint, jsonb) RENAME TO es_append_unlocked;
DROP FUNCTION es_append_many(jsonb);
${appendManyUnlocked()}

-- The first statement of every transaction that appends events (the es_append wrappers call it).
CREATE FUNCTION es_announce_writer() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'events must be appended before anything else in their transaction'
      USING ERRCODE = 'ES001',
            HINT = 'call es_announce_writer() (or es_append) as the first statement of the transaction';
  END IF;
  PERFORM pg_advisory_xact_lock(8302, pg_backend_pid());
  PERFORM set_config('es.writer', 'on', true);
END $$;

CREATE FUNCTION es_append(p_stream_id text, p_expected bigint, p_events jsonb)
RETURNS TABLE (outcome text, version bigint, tx text, gp bigint)
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('es.writer', true) IS DISTINCT FROM 'on' THEN
    PERFORM es_announce_writer();
  END IF;
  RETURN QUERY SELECT * FROM es_append_unlocked(p_stream_id, p_expected, p_events);
END $$;

CREATE FUNCTION es_append_many(p_appends jsonb)
RETURNS TABLE (ord int, outcome text, version bigint, tx text, gp bigint)
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('es.writer', true) IS DISTINCT FROM 'on' THEN
    PERFORM es_announce_writer();
  END IF;
  RETURN QUERY SELECT * FROM es_append_many_unlocked(p_appends);
END $$;

-- Direct INSERTs and COPYs too (a restore, a repair by hand): unannounced, a reader could skip them.
CREATE FUNCTION es_events_require_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('es.writer', true) IS DISTINCT FROM 'on' THEN
    RAISE EXCEPTION 'es_events is written only by announced writers'
      USING ERRCODE = 'ES002',
            HINT = 'call es_announce_writer() as the first statement of the transaction';
  END IF;
  RETURN NULL;
END $$;
-- The WHEN clause is checked without entering PL/pgSQL: an announced insert pays almost nothing.
CREATE TRIGGER es_events_writer_announced BEFORE INSERT ON es_events
  FOR EACH STATEMENT WHEN (current_setting('es.writer', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION es_events_require_writer();

-- Rows with transaction_id below this are final: no transaction below it can still add events.
-- Called as a statement of its own, before the read it bounds (whose snapshot is later).
-- Order matters: the snapshot, then who owns each id, then pg_locks, then pg_xact_status.
CREATE FUNCTION es_read_horizon() RETURNS xid8 LANGUAGE plpgsql AS $$
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
  SELECT coalesce(array_agg(l.objid::text::int), '{}') INTO v_locked
    FROM pg_locks l
   WHERE l.locktype = 'advisory' AND l.classid = 8302 AND l.objsubid = 2 AND l.granted;
  FOREACH x IN ARRAY v_xips LOOP
    v_owner := (v_owners ->> (x::text::numeric % 4294967296)::text)::int;
    -- An announced writer still holding its lock: its events may yet commit below later ones.
    IF v_owner = ANY (v_locked) THEN
      RETURN x;
    END IF;
    -- No backend owns it but it still runs (a prepared transaction): it cannot be placed.
    IF v_owner IS NULL AND pg_xact_status(x) = 'in progress' THEN
      RETURN x;
    END IF;
    -- Otherwise x never announced (so wrote no events), or it has ended: a writer releases
    -- its lock only after it has left the running set, so the read's later snapshot sees all
    -- it wrote. Holding the horizon at every id that ended between the snapshot and the look
    -- at pg_stat_activity made a one-shot readAll miss committed events on a busy server.
  END LOOP;
  RETURN pg_snapshot_xmax(v_snap);
END $$;
`,
};

/** 0002's es_append_many, renamed, calling es_append_unlocked: the wrappers announce once. */
function appendManyUnlocked(): string {
  let sql = appendManySchema.sql;
  for (const [from, to] of [
    ['CREATE FUNCTION es_append_many(', 'CREATE FUNCTION es_append_many_unlocked('],
    ['FROM es_append(', 'FROM es_append_unlocked('],
  ]) {
    if (sql.split(from).length !== 2) throw new Error(`0002-append-many: expected one ${from}`);
    sql = sql.replace(from, to);
  }
  return sql;
}
