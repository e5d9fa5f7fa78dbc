import { ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { TEST_MASTER_KEY } from './test-keys';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** The variables our processes read; tests set them explicitly, whatever the shell has. */
const APP_VARIABLES = [
  'EVENT_STORE',
  'DATABASE_URL',
  'PGLITE_DIR',
  'PGLITE_FSYNC',
  'REDIS_URL',
  'KURRENTDB_URL',
  'PORT',
  'BOOTSTRAP_ADMIN_TOKEN',
];

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A real process of ours (`node -r ./tools/register.js <entry>`), as `npm start` runs it. */
export class AppProcess {
  readonly exited: Promise<Exit>;
  private out = '';
  private err = '';

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.err += chunk.toString()));
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => done({ code, signal })),
    );
  }

  static start(
    entry: string,
    env: Record<string, string>,
    args: readonly string[] = [],
  ): AppProcess {
    const base = { ...process.env };
    for (const name of APP_VARIABLES) delete base[name];
    // Server mode requires a master key; a test that wants it missing passes MASTER_KEY: ''.
    const key = env.DATABASE_URL !== undefined ? { MASTER_KEY: TEST_MASTER_KEY } : {};
    const child = spawn(process.execPath, ['-r', './tools/register.js', entry, ...args], {
      cwd: REPO_ROOT,
      env: { ...base, ...key, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(child);
  }

  /** The process id, for what the operating system knows of it (/proc/<pid>/status). */
  get pid(): number {
    return this.child.pid!;
  }

  get stdout(): string {
    return this.out;
  }

  get stderr(): string {
    return this.err;
  }

  /** A crash, as the operating system would deliver it (no shutdown hooks run on SIGKILL). */
  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** SIGTERM (the app closes its connections), then SIGKILL if it hangs. */
  async stop(graceMs = 10_000): Promise<Exit> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      try {
        return await this.exited;
      } finally {
        clearTimeout(timer);
      }
    }
    return this.exited;
  }
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? done(address.port)
          : fail(new Error('no port')),
      );
    });
  });
}

/**
 * Polls `url` until it answers (any status) or `timeoutMs` passes; fails early, with the
 * process's stderr, if the process exits.
 */
export async function waitForHttp(
  app: AppProcess,
  url: string,
  timeoutMs = 30_000,
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let exit: Exit | undefined;
  void app.exited.then((e) => (exit = e));
  while (Date.now() < deadline) {
    if (exit !== undefined) {
      throw new Error(
        `process exited (${exit.code ?? exit.signal}) before answering:\n${app.stderr}`,
      );
    }
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5_000) });
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms:\n${app.stderr}`);
}

/**
 * The most resident memory a process has held since it started, threads included (they share
 * its address space): the kernel's high-water mark (VmHWM), which no sampling can miss.
 */
export async function peakRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kb) * 1024;
}
