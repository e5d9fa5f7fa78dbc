import { Migration } from '@app/database';

/**
 * Emmett-style event log (the schema of Emmett's PostgreSQL event store, @event-driven-io/emmett-postgresql). Readers take only rows with
 * `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`, ordered by
 * `(transaction_id, global_position)`: every transaction below the oldest running one has
 * ended, so no row can later appear before a position a reader has passed, whatever order
 * writers commit in. No gap detection, no lock on the write path. (Migration 0003 replaces
 * xmin, which any transaction on the server held back, with a horizon that waits only for
 * event writers.)
 */
export const eventStoreSchema: Migration = {
  id: '0001-event-store',
  sql: /* sql */ `
CREATE SEQUENCE es_global_position;

CREATE TABLE es_streams (
  stream_id   text PRIMARY KEY,
  stream_type text NOT NULL,
  version     bigint NOT NULL CHECK (version > 0),  -- number of events; no row = no stream
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE es_events (
  global_position bigint NOT NULL DEFAULT nextval('es_global_position'),
  transaction_id  xid8   NOT NULL DEFAULT pg_current_xact_id(),
  stream_id       text   NOT NULL,
  stream_version  bigint NOT NULL,                    -- 1-based
  category        text   GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
  event_id        uuid   NOT NULL,
  event_type      text   NOT NULL,
  schema_version  int    NOT NULL DEFAULT 1,
  data            jsonb  NOT NULL,
  metadata        jsonb  NOT NULL DEFAULT '{}',
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, stream_version)
);
CREATE UNIQUE INDEX es_events_event_id ON es_events (event_id);
CREATE INDEX es_events_order ON es_events (transaction_id, global_position);
CREATE INDEX es_events_category ON es_events (category, transaction_id, global_position);

-- The log is append-only whatever role connects: corrections and erasures are new events
-- (erasure by crypto-shredding), never an UPDATE or DELETE.
CREATE FUNCTION es_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'es_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER es_events_no_update_delete BEFORE UPDATE OR DELETE ON es_events
  FOR EACH ROW EXECUTE FUNCTION es_events_append_only();
CREATE TRIGGER es_events_no_truncate BEFORE TRUNCATE ON es_events
  FOR EACH STATEMENT EXECUTE FUNCTION es_events_append_only();

-- What a retried append finds already stored: all of its events in this stream (a no-op
-- that returns the first result), some or elsewhere ('duplicate_conflict'), or none (no row).
CREATE FUNCTION es_stored_append(p_stream_id text, p_event_ids uuid[])
RETURNS TABLE (outcome text, version bigint, tx text, gp bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_found int;
  v_same  int;
BEGIN
  SELECT count(*), count(*) FILTER (WHERE e.stream_id = p_stream_id)
    INTO v_found, v_same
    FROM es_events e WHERE e.event_id = ANY (p_event_ids);
  IF v_found = 0 THEN
    RETURN;
  ELSIF v_same = cardinality(p_event_ids) THEN
    RETURN QUERY
      SELECT 'duplicate', e.stream_version, e.transaction_id::text, e.global_position
        FROM es_events e WHERE e.event_id = ANY (p_event_ids)
       ORDER BY e.stream_version DESC LIMIT 1;
  ELSE
    RETURN QUERY SELECT 'duplicate_conflict', NULL::bigint, NULL::text, NULL::bigint;
  END IF;
END $$;

-- One round trip per append. p_expected: N > 0 exact version, 0 no stream, -1 any,
-- -2 stream exists. p_events: [{ eventId, type, schemaVersion, data, metadata }].
-- A version mismatch writes nothing and returns ('conflict', actual version).
CREATE FUNCTION es_append(p_stream_id text, p_expected bigint, p_events jsonb)
RETURNS TABLE (outcome text, version bigint, tx text, gp bigint)
LANGUAGE plpgsql AS $$
DECLARE
  n        int := jsonb_array_length(p_events);
  v_ids    uuid[];
  v_start  bigint;
  v_stored record;
BEGIN
  -- No up-front look-up of the event ids: a retry either fails the version check (then the
  -- look-up below finds it) or hits the unique index on event_id, and the caller looks up
  -- then (es_stored_append). The common path pays for neither.
  IF p_expected = 0 THEN
    INSERT INTO es_streams AS s (stream_id, stream_type, version)
      VALUES (p_stream_id, split_part(p_stream_id, '-', 1), n)
      ON CONFLICT (stream_id) DO NOTHING;
    IF FOUND THEN v_start := 0; END IF;
  ELSIF p_expected > 0 THEN
    UPDATE es_streams s SET version = s.version + n, updated_at = now()
     WHERE s.stream_id = p_stream_id AND s.version = p_expected;
    IF FOUND THEN v_start := p_expected; END IF;
  ELSIF p_expected = -2 THEN
    UPDATE es_streams s SET version = s.version + n, updated_at = now()
     WHERE s.stream_id = p_stream_id
     RETURNING s.version - n INTO v_start;
  ELSE
    INSERT INTO es_streams AS s (stream_id, stream_type, version)
      VALUES (p_stream_id, split_part(p_stream_id, '-', 1), n)
      ON CONFLICT (stream_id) DO UPDATE SET version = s.version + n, updated_at = now()
      RETURNING s.version - n INTO v_start;
  END IF;

  IF v_start IS NULL THEN
    -- A retry of an append that succeeded, or a concurrent writer that stored these very
    -- events while we waited on its row lock: not a conflict. This statement sees its commit.
    SELECT array_agg((e ->> 'eventId')::uuid) INTO v_ids FROM jsonb_array_elements(p_events) e;
    SELECT * INTO v_stored FROM es_stored_append(p_stream_id, v_ids);
    IF FOUND THEN
      RETURN QUERY SELECT v_stored.outcome, v_stored.version, v_stored.tx, v_stored.gp;
    ELSE
      RETURN QUERY SELECT 'conflict',
        coalesce((SELECT s.version FROM es_streams s WHERE s.stream_id = p_stream_id), 0),
        NULL::text, NULL::bigint;
    END IF;
    RETURN;
  END IF;

  INSERT INTO es_events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
  SELECT p_stream_id, v_start + e.ord, (e.v ->> 'eventId')::uuid, e.v ->> 'type',
         coalesce((e.v ->> 'schemaVersion')::int, 1), e.v -> 'data', coalesce(e.v -> 'metadata', '{}')
    FROM jsonb_array_elements(p_events) WITH ORDINALITY AS e(v, ord);

  RETURN QUERY SELECT 'ok', v_start + n, pg_current_xact_id()::text, currval('es_global_position');
END $$;
`,
};
