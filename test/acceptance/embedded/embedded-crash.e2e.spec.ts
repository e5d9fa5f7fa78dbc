import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PgliteSqlClient } from '@app/database';
import { AppProcess, freePort, peakRss, waitForHttp } from '../../support/api-process';
import { FLOOD, sharedStringsFlood, zipBombWorkbook } from '../../support/hostile-sheets';
import { appPgliteCopy, TEST_ADMIN_TOKEN } from '../../support/test-app';

/**
 * Acceptance (issue 18): an embedded API killed with SIGKILL during 200 concurrent case writes
 * keeps every case it answered 201 for, and nothing else: the unanswered ones, sent again with
 * their Idempotency-Keys after the restart, are each recorded once.
 *
 * Acceptance (issue 19), first, on the same process (one start less): the probe's hostile
 * sheets, which used to take the whole embedded API down, end as jobs while it stays healthy
 * and under 1 GiB of resident memory, measured by the kernel.
 */
const CASES = 200;
const KILL_AFTER = 60;
const auth = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const jsonAuth = { ...auth, 'Content-Type': 'application/json' };

const caseBody = (i: number) =>
  JSON.stringify({
    title: `Crash case ${i}`,
    country: 'KZ',
    occurred: { date: '2020-02', precision: 'month' },
    type: 'detention',
    targets: [{ person: { name: `Person ${i}` }, category: 'civil_activist' }],
  });

describe('an embedded API given hostile sheets, then killed during 200 concurrent case writes', () => {
  let dir: string;
  let app: AppProcess | undefined;
  let base: string;

  beforeAll(async () => {
    dir = await appPgliteCopy();
  });
  afterAll(async () => {
    await app?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<void> {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = AppProcess.start('apps/api/src/main.ts', { PGLITE_DIR: dir, PORT: String(port) });
    await waitForHttp(app, `${base}/health`, 60_000);
  }

  const post = (i: number, key: string) =>
    fetch(`${base}/incidents`, {
      method: 'POST',
      headers: { ...jsonAuth, 'Idempotency-Key': key },
      body: caseBody(i),
    });

  it("ends the probe's hostile sheets as jobs, /health ok and the process under 1 GiB", async () => {
    await start();
    const states = new Set<string>();
    const imported = async (file: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([file]), name);
      const started = await fetch(`${base}/imports`, { method: 'POST', headers: auth, body: form });
      expect(started.status).toBe(202);
      const { jobId } = (await started.json()) as { jobId: string };
      for (let i = 0; i < 600; i += 1) {
        const health = (await (await fetch(`${base}/health`)).json()) as { status: string };
        states.add(health.status);
        const job = (await (await fetch(`${base}/jobs/${jobId}`, { headers: auth })).json()) as {
          state: string;
          result: { rows: number } | null;
          errors: { message: string }[];
        };
        if (job.state === 'completed' || job.state === 'failed') return job;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`job ${jobId} did not finish`);
    };

    const bomb = await imported(await zipBombWorkbook(), 'bomb.xlsx');
    expect(bomb).toMatchObject({ state: 'failed', result: null });
    expect(bomb.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/refused as a possible zip bomb \(at most 104857600 bytes/),
      }),
    ]);
    // Within every limit, so read whole (472,000 cells): it ends naming what the sheet lacks.
    const flood = await imported(await sharedStringsFlood(), 'flood.xlsx');
    expect(flood).toMatchObject({ state: 'completed', result: { rows: FLOOD.rows } });
    expect(flood.errors).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/^the sheet has no date column/) }),
    );
    expect([...states]).toEqual(['ok']);
    // The total, the start included (about 530 MB of it, PGlite's memory mostly), not growth.
    const peak = await peakRss(app!.pid);
    console.log(`embedded API: peak RSS ${Math.round(peak / 1024 ** 2)} MiB`);
    expect(peak).toBeLessThan(1024 ** 3);
  }, 120_000);

  it('keeps every acknowledged case and records the rest once when sent again', async () => {
    // The process the hostile sheets left running, or a fresh one when this test runs alone.
    if (app === undefined) await start();
    const keys = Array.from({ length: CASES }, () => randomUUID());
    const acked = new Map<number, string>();
    let killed = false;
    await Promise.allSettled(
      keys.map(async (key, i) => {
        const res = await post(i, key);
        if (res.status !== 201) return;
        const body = (await res.json()) as { id: string };
        if (killed) return; // the answer raced the kill: treated as unanswered, sent again
        acked.set(i, body.id);
        if (acked.size === KILL_AFTER) {
          killed = true;
          app!.kill('SIGKILL');
        }
      }),
    );
    await app!.exited;
    expect(acked.size).toBe(KILL_AFTER);

    await start();
    for (const id of acked.values()) {
      const res = await fetch(`${base}/incidents/${id}`, { headers: auth });
      expect(res.status).toBe(200);
    }
    const written = new Set(acked.values());
    for (const [i, key] of keys.entries()) {
      if (acked.has(i)) continue;
      const res = await post(i, key);
      expect([200, 201]).toContain(res.status);
      written.add(((await res.json()) as { id: string }).id);
    }
    // Sending an acknowledged case again answers with the case it recorded, not a new one.
    const [firstIndex, firstId] = [...acked.entries()][0]!;
    const again = await post(firstIndex, keys[firstIndex]!);
    expect(((await again.json()) as { id: string }).id).toBe(firstId);
    expect(written.size).toBe(CASES);
    await app!.stop();
    app = undefined;

    expect(await looseModes(dir)).toEqual([]);
    const sql = await PgliteSqlClient.open(dir);
    try {
      const { rows } = await sql.query<{ stream_id: string }>(
        "SELECT stream_id FROM es_streams WHERE stream_id LIKE 'incident-%'",
      );
      expect(new Set(rows.map((r) => r.stream_id.slice('incident-'.length)))).toEqual(written);
    } finally {
      await sql.close();
    }
  }, 240_000);
});

/** Paths under `root` another account could read or write (anything beyond 0700/0600). */
async function looseModes(root: string): Promise<string[]> {
  const loose: string[] = [];
  const walk = async (path: string): Promise<void> => {
    const info = await stat(path);
    if ((info.mode & 0o077) !== 0) loose.push(`${path} ${(info.mode & 0o777).toString(8)}`);
    if (info.isDirectory()) for (const name of await readdir(path)) await walk(join(path, name));
  };
  await walk(root);
  return loose;
}
