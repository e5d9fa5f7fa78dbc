import { randomUUID } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { PgliteSqlClient } from '@app/database';
import { AppProcess, freePort, waitForHttp } from '../../support/api-process';
import { appPgliteCopy, TEST_ADMIN_TOKEN } from '../../support/test-app';

/**
 * Acceptance (issue 18): an embedded API killed with SIGKILL during 200 concurrent case writes
 * keeps every case it answered 201 for, and nothing else: the unanswered ones, sent again with
 * their Idempotency-Keys after the restart, are each recorded once.
 */
const CASES = 200;
const KILL_AFTER = 60;
const auth = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'Content-Type': 'application/json' };

const caseBody = (i: number) =>
  JSON.stringify({
    title: `Crash case ${i}`,
    country: 'KZ',
    occurred: { date: '2020-02', precision: 'month' },
    type: 'detention',
    targets: [{ person: { name: `Person ${i}` }, category: 'civil_activist' }],
  });

describe('an embedded API killed with SIGKILL during 200 concurrent case writes', () => {
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
      headers: { ...auth, 'Idempotency-Key': key },
      body: caseBody(i),
    });

  it('keeps every acknowledged case and records the rest once when sent again', async () => {
    await start();
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
