// Raw PostgreSQL baselines on a table equivalent to es_events: plain INSERTs (unnamed,
// unprepared, autocommit), a keyset read, and COPY (the physical limit).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  cpuMeter,
  waitForQuiet,
  EVENT_TYPE,
  newStreamId,
  now,
  Op,
  PAYLOAD_JSON,
  Probe,
  ScenarioResult,
  ScenarioSpec,
} from './common';

export const RAW_DDL = `
CREATE TABLE raw_events (
  global_position bigserial,
  stream_id       text   NOT NULL,
  stream_version  bigint NOT NULL,
  event_id        uuid   NOT NULL UNIQUE,
  event_type      text   NOT NULL,
  data            jsonb  NOT NULL,
  metadata        jsonb  NOT NULL,
  PRIMARY KEY (stream_id, stream_version)
)`;

/** Added after all writes, before the keyset read (as in the anchor). */
export const RAW_READ_INDEX =
  'CREATE INDEX raw_events_global_position ON raw_events (global_position)';

// One statement for n events of one fresh stream: $1 is the stream, 4 parameters per row.
function insertSql(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const b = i * 4;
    rows.push(`($1, ${i + 1}, $${b + 2}::uuid, $${b + 3}, $${b + 4}::jsonb, $${b + 5}::jsonb)`);
  }
  return `INSERT INTO raw_events (stream_id, stream_version, event_id, event_type, data, metadata) VALUES ${rows.join(', ')}`;
}

export function rawInsertOp(pool: Pool, n: number): Op {
  const sql = insertSql(n);
  return async () => {
    const params: string[] = [newStreamId()];
    for (let i = 0; i < n; i++) params.push(randomUUID(), EVENT_TYPE, PAYLOAD_JSON, '{}');
    await pool.query(sql, params);
    return n;
  };
}

/** Keyset pages of 1,000 over the whole table; JSON parsed by pg (its default jsonb parser). */
export function rawKeysetReadOp(pool: Pool, consume: (data: unknown) => void): Op {
  let after = '0';
  let done = false;
  return async () => {
    if (done) return null;
    const { rows } = await pool.query(
      `SELECT stream_id, stream_version, global_position, event_id, event_type, data, metadata
         FROM raw_events WHERE global_position > $1 ORDER BY global_position LIMIT 1000`,
      [after],
    );
    for (const row of rows) consume(row.data);
    if (rows.length < 1000) done = true;
    if (rows.length > 0) after = String(rows[rows.length - 1].global_position);
    return rows.length;
  };
}

/** COPY of `n` events (n/100 streams × 100), built in memory before the clock starts. */
export async function rawCopy(
  pool: Pool,
  n: number,
  spec: ScenarioSpec,
  probe: Probe,
): Promise<ScenarioResult> {
  const chunks: Buffer[] = [];
  let lines: string[] = [];
  let stream = '';
  for (let i = 0; i < n; i++) {
    if (i % 100 === 0) stream = newStreamId();
    lines.push(
      `${stream}\t${(i % 100) + 1}\t${randomUUID()}\t${EVENT_TYPE}\t${PAYLOAD_JSON}\t{}\n`,
    );
    if (lines.length === 1000) {
      chunks.push(Buffer.from(lines.join('')));
      lines = [];
    }
  }
  if (lines.length > 0) chunks.push(Buffer.from(lines.join('')));
  const client = await pool.connect();
  try {
    const quietWaitSeconds = await waitForQuiet(probe, (line) => console.log(line));
    await probe.checkpoint();
    const lsn0 = await probe.walLsn();
    const other0 = probe.otherDbTransactions ? await probe.otherDbTransactions() : null;
    const cpu = cpuMeter();
    const t0 = now();
    await pipeline(
      Readable.from(chunks),
      client.query(
        copyFrom(
          'COPY raw_events (stream_id, stream_version, event_id, event_type, data, metadata) FROM STDIN',
        ),
      ),
    );
    const seconds = (now() - t0) / 1000;
    const { machineCpuPct, clientCpuPct, otherCpuPct } = cpu.stop(seconds);
    const wal = await probe.walBytesSince(lsn0);
    const other1 = probe.otherDbTransactions ? await probe.otherDbTransactions() : null;
    return {
      ...spec,
      events: n,
      calls: 1,
      seconds,
      eventsPerSecond: n / seconds,
      p50Ms: null,
      p99Ms: null,
      walBytesPerEvent: wal / n,
      machineCpuPct,
      clientCpuPct,
      otherCpuPct,
      quietWaitSeconds,
      warmupEvents: 0,
      otherDbTransactions: other0 !== null && other1 !== null ? other1 - other0 : null,
    };
  } finally {
    client.release();
  }
}
