// Shared by the orchestrator (run.ts) and the Emmett child process (emmett.worker.ts): the
// payload, the timed loop, percentiles and the server probes (CHECKPOINT, WAL, CPU).
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** The same 183-byte event for every scenario (the size of the event in the Emmett comparison, bench/README.md). */
export const PAYLOAD = {
  incidentId: '3f2b6c1e-8d4a-4f7b-9a52-1c6e0d9b7a41',
  reportedAt: '2026-03-14T09:26:53.589Z',
  category: 'arbitrary-detention',
  location: { country: 'KG', region: 'Chuy' },
  severity: 3,
};
export const PAYLOAD_JSON = JSON.stringify(PAYLOAD);
export const EVENT_TYPE = 'IncidentReported';

export const newStreamId = (): string => `incident-${randomUUID()}`;

export type System = 'ours-pg' | 'ours-pglite' | 'raw' | 'emmett';
export type Kind = 'append' | 'copy' | 'read';

export interface ScenarioSpec {
  /** Same across repetitions, e.g. `raw:append:100x8`. */
  key: string;
  label: string;
  system: System;
  kind: Kind;
  eventsPerCall: number | null;
  writers: number;
  rep: number | null;
}

export interface ScenarioResult extends ScenarioSpec {
  events: number;
  calls: number;
  seconds: number;
  eventsPerSecond: number;
  p50Ms: number | null;
  p99Ms: number | null;
  /** pg_current_wal_lsn() difference over the timed part, divided by events. */
  walBytesPerEvent: number | null;
  /** Both cores, 100 = all saturated (client and server share the machine). */
  machineCpuPct: number;
  /** The Node process that ran the scenario, % of one core. */
  clientCpuPct: number;
  /** Events written or read during the untimed warm-up. */
  warmupEvents: number;
  /** Reads: the whole table was read before the time ran out. */
  reachedEnd?: boolean;
  /** Transactions other databases committed meanwhile (someone else using the server). */
  otherDbTransactions: number | null;
  /**
   * CPU used meanwhile by processes other than this benchmark and PostgreSQL (% of one core):
   * someone else's work on the machine, which the numbers then include.
   */
  otherCpuPct: number;
  /** Seconds spent waiting for the machine to quiet down before the scenario. */
  quietWaitSeconds: number;
}

/** One unit of work: returns how many events it wrote or read, or null when nothing is left. */
export type Op = (writer: number) => Promise<number | null>;

export type Query = (
  sql: string,
  params?: unknown[],
) => Promise<{ rows: Record<string, unknown>[] }>;

export interface Probe {
  checkpoint(): Promise<void>;
  walLsn(): Promise<string>;
  walBytesSince(lsn: string): Promise<number>;
  otherDbTransactions?(): Promise<number>;
}

export function probeFor(query: Query, { server }: { server: boolean }): Probe {
  const probe: Probe = {
    checkpoint: async () => {
      await query('CHECKPOINT');
    },
    walLsn: async () => String((await query('SELECT pg_current_wal_lsn()::text AS l')).rows[0].l),
    walBytesSince: async (lsn) =>
      Number(
        (await query('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn)::text AS d', [lsn]))
          .rows[0].d,
      ),
  };
  if (server) {
    probe.otherDbTransactions = async () =>
      Number(
        (
          await query(
            `SELECT coalesce(sum(xact_commit + xact_rollback), 0)::text AS n
               FROM pg_stat_database WHERE datname <> current_database()`,
          )
        ).rows[0].n,
      );
  }
  return probe;
}

export const now = (): number => performance.now();

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function cpuTotals(): { idle: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return { idle: fields[3] + fields[4], total: fields.reduce((a, b) => a + b, 0) };
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of every process but this one, its parent and PostgreSQL's, by pid. */
function otherProcessTicks(): Map<number, number> {
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid || pid === process.ppid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (comm === 'postgres') continue;
      const fields = stat.slice(close + 2).split(' '); // fields[0] is field 3 (state)
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/** Measures CPU (machine, this process, other processes) between start and stop(). */
export function cpuMeter(): {
  stop(seconds: number): { machineCpuPct: number; clientCpuPct: number; otherCpuPct: number };
} {
  const o0 = otherProcessTicks();
  const c0 = cpuTotals();
  const p0 = process.cpuUsage();
  return {
    stop(seconds) {
      const c1 = cpuTotals();
      const p1 = process.cpuUsage(p0);
      let other = 0;
      for (const [pid, t] of otherProcessTicks()) other += t - (o0.get(pid) ?? 0);
      return {
        machineCpuPct: 100 * (1 - (c1.idle - c0.idle) / Math.max(1, c1.total - c0.total)),
        clientCpuPct: (100 * (p1.user + p1.system)) / 1e6 / seconds,
        otherCpuPct: (100 * other) / CLOCK_TICKS_PER_SECOND / seconds,
      };
    },
  };
}

const QUIET_MAX_WAIT_SECONDS = Number(process.env.BENCH_QUIET_MAX_WAIT ?? 30);
const QUIET_CPU_PCT = 20;

/**
 * The machine is shared: before a scenario, wait (at most BENCH_QUIET_MAX_WAIT seconds) until,
 * over one second, other processes use < 20% of a core and other databases commit at most 2 transactions.
 * Returns the seconds waited.
 */
export async function waitForQuiet(
  probe: Probe | undefined,
  log: (line: string) => void,
): Promise<number> {
  if (!(QUIET_MAX_WAIT_SECONDS > 0)) return 0;
  const t0 = now();
  let announced = false;
  for (;;) {
    const cpu = cpuMeter();
    const x0 = probe?.otherDbTransactions ? await probe.otherDbTransactions() : 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const x1 = probe?.otherDbTransactions ? await probe.otherDbTransactions() : 0;
    const { otherCpuPct } = cpu.stop(1);
    const waited = (now() - t0) / 1000;
    if (otherCpuPct < QUIET_CPU_PCT && x1 - x0 <= 2) return waited;
    if (waited >= QUIET_MAX_WAIT_SECONDS) {
      log(`  (machine still busy after ${waited.toFixed(0)} s: going ahead, see "CPU others %")`);
      return waited;
    }
    if (!announced) {
      log(
        `  (waiting for other work to quiet down: others ${otherCpuPct.toFixed(0)}% of a core, ` +
          `${x1 - x0} xacts in other databases)`,
      );
      announced = true;
    }
  }
}

export interface TimedOptions {
  /** Timed length; Infinity = until op returns null (a full read). */
  seconds: number;
  warmupSeconds: number;
  probe?: Probe;
  /** Where waitForQuiet reports (stderr in the Emmett worker). */
  log?: (line: string) => void;
}

/**
 * CHECKPOINT, an untimed warm-up, then `writers` concurrent loops of `op` for `seconds`,
 * recording each call's latency, the WAL written and the CPU used.
 */
export async function timed(
  spec: ScenarioSpec,
  op: Op,
  { seconds, warmupSeconds, probe, log = (line) => console.log(line) }: TimedOptions,
): Promise<ScenarioResult> {
  const loops = (body: (w: number) => Promise<void>) =>
    Promise.all(Array.from({ length: spec.writers }, (_, w) => body(w)));
  let reachedEnd = false;
  let warmupEvents = 0;
  const quietWaitSeconds = await waitForQuiet(probe, log);
  if (probe) await probe.checkpoint();
  if (warmupSeconds > 0) {
    const warmEnd = now() + warmupSeconds * 1000;
    await loops(async (w) => {
      while (now() < warmEnd) {
        const n = await op(w);
        if (n === null) break;
        warmupEvents += n;
      }
    });
  }
  const latencies: number[] = [];
  let events = 0;
  let calls = 0;
  const lsn0 = probe ? await probe.walLsn() : null;
  const other0 = probe?.otherDbTransactions ? await probe.otherDbTransactions() : null;
  const cpu = cpuMeter();
  const t0 = now();
  const end = t0 + seconds * 1000;
  await loops(async (w) => {
    while (!reachedEnd && now() < end) {
      const s = now();
      const n = await op(w);
      if (n === null) {
        reachedEnd = true;
        break;
      }
      latencies.push(now() - s);
      events += n;
      calls++;
    }
  });
  const secs = (now() - t0) / 1000;
  const { machineCpuPct, clientCpuPct, otherCpuPct } = cpu.stop(secs);
  const wal = probe && lsn0 !== null ? await probe.walBytesSince(lsn0) : null;
  const other1 = probe?.otherDbTransactions ? await probe.otherDbTransactions() : null;
  const result: ScenarioResult = {
    ...spec,
    events,
    calls,
    seconds: secs,
    eventsPerSecond: events / secs,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    walBytesPerEvent: wal !== null && spec.kind !== 'read' && events > 0 ? wal / events : null,
    machineCpuPct,
    clientCpuPct,
    otherCpuPct,
    quietWaitSeconds,
    warmupEvents,
    otherDbTransactions: other0 !== null && other1 !== null ? other1 - other0 : null,
  };
  if (spec.kind === 'read') result.reachedEnd = reachedEnd;
  return result;
}

const f = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits);

/** One progress line. */
export function describe(r: ScenarioResult): string {
  const rep = r.rep === null ? '' : ` [rep ${r.rep}]`;
  const parts = [
    `${(r.label + rep).padEnd(58)} ${f(r.eventsPerSecond).padStart(8)} ev/s`,
    `events=${r.events} calls=${r.calls} ${r.seconds.toFixed(1)}s`,
    `p50=${f(r.p50Ms, 2)}ms p99=${f(r.p99Ms, 2)}ms`,
    `wal/ev=${f(r.walBytesPerEvent)}B`,
    `cpu machine=${f(r.machineCpuPct)}% client=${f(r.clientCpuPct)}% others=${f(r.otherCpuPct)}%`,
  ];
  if (r.reachedEnd !== undefined) parts.push(r.reachedEnd ? 'read to the end' : 'time ran out');
  if (r.otherDbTransactions) parts.push(`(!) ${r.otherDbTransactions} xacts in other databases`);
  return parts.join('  ');
}
