// The HTTP section of the projections benchmark (issue 17): GET /public/stats answered from the
// API's cache of recent answers under many concurrent keep-alive clients (autocannon), beside a
// static file of the same bytes served by the same express app (the ceiling), and the API's
// peak RSS during each phase. The API runs in its own process (http-server.ts), as in
// production, so that the load generator does not share its event loop.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SqlClient } from '@app/database';
import { now } from '../event-store/common';

export interface HttpSectionOptions {
  root: string;
  databaseUrl: string;
  workspace: string;
  sql: SqlClient;
  /** The public question asked, e.g. `measure=persons&groupBy=targetCategory`. */
  query: string;
  seconds: number;
  connections: number;
  log: (line: string) => void;
}

export interface LoadResult {
  path: string;
  requestsPerSecond: number;
  requests: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  peakRssMiB: number;
}

export interface HttpSectionResult {
  query: string;
  answerBytes: number;
  connections: number;
  seconds: number;
  /** The first request: publicity, the workspace version and the GROUP BY, nothing cached. */
  firstAnswerMs: number;
  /** One request once cached, alone. */
  cachedAnswerMs: number;
  startRssMiB: number;
  staticFile: LoadResult;
  publicStats: LoadResult;
  /** publicStats ÷ staticFile requests per second. */
  ratio: number;
  /** The answer after the load is the first answer, byte for byte. */
  sameAnswer: boolean;
}

export async function httpSection(o: HttpSectionOptions): Promise<HttpSectionResult> {
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'rl-bench-static-'));
  const port = await freePort();
  const api = await startApi(o, port, staticDir);
  const rss = rssMeter(api.pid!);
  try {
    const startRssMiB = rss.phase();
    // The bench's workspace publishes (what PUT /workspaces/{id}/public records).
    await o.sql.query(
      `INSERT INTO workspace_publicity (workspace_id, enabled, updated_by) VALUES ($1, true, $1)
       ON CONFLICT (workspace_id) DO UPDATE SET enabled = true`,
      [o.workspace],
    );
    const base = `http://127.0.0.1:${port}`;
    const statsPath = `/public/stats?workspace=${o.workspace}&${o.query}`;
    let t0 = now();
    const first = await get(base + statsPath);
    const firstAnswerMs = now() - t0;
    t0 = now();
    await get(base + statsPath);
    const cachedAnswerMs = now() - t0;
    // The ceiling: the same bytes as a file.
    writeFileSync(path.join(staticDir, 'answer.json'), first);
    const staticPath = '/bench-static/answer.json';
    if ((await get(base + staticPath)) !== first) throw new Error('the static file differs');
    o.log(
      `  answer ${first.length} bytes; first request ${firstAnswerMs.toFixed(0)} ms, ` +
        `then ${cachedAnswerMs.toFixed(1)} ms cached; API RSS at start ${startRssMiB.toFixed(0)} MiB`,
    );

    const load = async (label: string, urlPath: string, seconds: number): Promise<LoadResult> => {
      rss.phase();
      const r = await autocannon({
        url: base + urlPath,
        connections: o.connections,
        duration: seconds,
        timeout: 10,
        // Each request from another reader: the API limits anonymous callers per address.
        requests: [{ setupRequest: (request) => withReader(request) }],
      });
      const result: LoadResult = {
        path: urlPath,
        requestsPerSecond: r.requests.average,
        requests: r.requests.total,
        latencyMs: {
          p50: r.latency.p50,
          p90: r.latency.p90,
          p99: r.latency.p99,
          max: r.latency.max,
        },
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        peakRssMiB: rss.phase(),
      };
      o.log(
        `  ${label.padEnd(14)} ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ` +
          `p99 ${result.latencyMs.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, ` +
          `non-2xx ${result.non2xx}; API peak RSS ${result.peakRssMiB.toFixed(0)} MiB`,
      );
      return result;
    };
    const warmUp = Math.min(3, o.seconds);
    await load('warm-up static', staticPath, warmUp);
    await load('warm-up stats', statsPath, warmUp);
    const staticFile = await load('static file', staticPath, o.seconds);
    const publicStats = await load('public stats', statsPath, o.seconds);
    const after = await get(base + statsPath);
    return {
      query: o.query,
      answerBytes: Buffer.byteLength(first),
      connections: o.connections,
      seconds: o.seconds,
      firstAnswerMs,
      cachedAnswerMs,
      startRssMiB,
      staticFile,
      publicStats,
      ratio: publicStats.requestsPerSecond / staticFile.requestsPerSecond,
      sameAnswer: after === first,
    };
  } finally {
    rss.stop();
    await stop(api);
    rmSync(staticDir, { recursive: true, force: true });
  }
}

let reader = 0;
/** A reader address of its own per request (10.x.y.z), as the API sees it behind one proxy. */
function withReader(request: autocannon.Request): autocannon.Request {
  reader = (reader + 1) % 2 ** 24;
  const address = `10.${reader >> 16}.${(reader >> 8) & 255}.${reader & 255}`;
  return { ...request, headers: { ...request.headers, 'x-forwarded-for': address } };
}

async function get(url: string): Promise<string> {
  const response = await fetch(url, { headers: { 'x-forwarded-for': '10.255.255.254' } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${text}`);
  return text;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts http-server.ts as `npm start` runs the API, and resolves once it listens. */
function startApi(o: HttpSectionOptions, port: number, staticDir: string): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: o.databaseUrl,
    MASTER_KEY: randomBytes(32).toString('base64'),
    PORT: String(port),
    TRUST_PROXY: '1',
    LOG_LEVEL: 'warn',
    BENCH_STATIC_DIR: staticDir,
  };
  // Jobs stay in the API's table queue: the benchmark measures the API alone.
  delete env.REDIS_URL;
  const child = spawn(
    process.execPath,
    [
      '--max-semi-space-size=64',
      '-r',
      './tools/register.js',
      path.join('bench', 'projections', 'http-server.ts'),
    ],
    { cwd: o.root, env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the API did not start in 180 s')), 180_000);
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(`listening ${port}`)) {
        clearTimeout(timer);
        resolve(child);
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Samples the API's resident set every 100 ms; `phase()` returns the peak since the last call. */
function rssMeter(pid: number): { phase(): number; stop(): void } {
  let peak = 0;
  const sample = () => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // The process has exited; the peak stands.
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    phase() {
      sample();
      const seen = peak;
      peak = 0;
      sample();
      return seen;
    },
    stop: () => clearInterval(timer),
  };
}
