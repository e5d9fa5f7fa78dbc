// Emmett 0.42 scenarios, one child process per scenario (run.ts spawns it). Emmett switches
// node-postgres's int8 parser to BigInt and its json parsers for the whole process, so it never
// shares a process with our adapter or the raw baselines.
//
//   node -r ./tools/register.js bench/event-store/emmett.worker.ts '<task JSON>'
//
// Progress goes to stderr; the result is one JSON line on stdout.
import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import {
  describe,
  EVENT_TYPE,
  newStreamId,
  Op,
  PAYLOAD,
  probeFor,
  ScenarioSpec,
  timed,
} from './common';

export type EmmettTask =
  | { task: 'setup'; url: string; schema: string }
  | {
      task: 'append';
      url: string;
      schema: string;
      spec: ScenarioSpec;
      eventsPerCall: number;
      seconds: number;
      warmupSeconds: number;
    }
  | {
      task: 'read';
      url: string;
      schema: string;
      spec: ScenarioSpec;
      batchSize: number;
      seconds: number;
    };

/** Touched by every read so that the reads cannot be skipped as dead work. */
export let checksum = 0;

async function main(): Promise<unknown> {
  const task = JSON.parse(process.argv[2] ?? '') as EmmettTask;
  const writers = task.task === 'append' ? task.spec.writers : 1;
  // Our own pool, max = writers like every server scenario, in Emmett's own schema.
  const pool = new Pool({
    connectionString: task.url,
    max: writers,
    options: `-c search_path=${task.schema}`,
  });
  const admin = new Pool({ connectionString: task.url, max: 1 });
  try {
    if (task.task === 'setup') {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${task.schema}`);
    }
    const store = getPostgreSQLEventStore(task.url, { connectionOptions: { pool } });
    await store.schema.migrate();
    const probe = probeFor((sql, params) => admin.query(sql, params), { server: true });
    switch (task.task) {
      case 'setup':
        return { ok: true };
      case 'append': {
        const events = Array.from({ length: task.eventsPerCall }, () => ({
          type: EVENT_TYPE,
          data: PAYLOAD,
        }));
        const op: Op = async () => {
          await store.appendToStream(newStreamId(), events, { expectedStreamVersion: 0n });
          return events.length;
        };
        const result = await timed(task.spec, op, {
          seconds: task.seconds,
          warmupSeconds: task.warmupSeconds,
          probe,
          log: (line) => process.stderr.write(line + '\n'),
        });
        process.stderr.write(describe(result) + '\n');
        return result;
      }
      case 'read': {
        // Emmett's event store has no readAll: its consumers read the log with readMessagesBatch.
        const db = dumbo({ connectionString: task.url, pool });
        let after = 0n;
        let done = false;
        const op: Op = async () => {
          if (done) return null;
          const batch = await readMessagesBatch(db.execute, { after, batchSize: task.batchSize });
          for (const m of batch.messages) checksum += (m.data as { severity: number }).severity;
          after = batch.currentGlobalPosition;
          if (!batch.areMessagesLeft) done = true;
          return batch.messages.length;
        };
        const result = await timed(task.spec, op, {
          seconds: task.seconds,
          warmupSeconds: 0,
          probe,
          log: (line) => process.stderr.write(line + '\n'),
        });
        process.stderr.write(describe(result) + '\n');
        return result;
      }
    }
  } finally {
    await pool.end();
    await admin.end();
  }
}

main().then(
  (result) => {
    process.stdout.write(
      JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) + '\n',
      () => process.exit(0),
    );
  },
  (error: unknown) => {
    process.stderr.write(`emmett worker failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  },
);
