import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decryptWithPassphrase, parseBackup } from '@app/backup';
import { PgliteSqlClient } from '@app/database';
import { httpClient, loadRetreatingRights } from '../../../tools/demo/load-retreating-rights';
import { AppProcess, Exit, freePort, waitForHttp } from '../../support/api-process';
import { emptyPgliteDir } from '../../support/pglite-template';
import { readModelFingerprint } from '../../support/read-model-fingerprint';
import { appPgliteCopy, TEST_ADMIN_TOKEN } from '../../support/test-app';

/**
 * Acceptance (issue 18): a backup of the Retreating Rights demo taken from the running
 * embedded API while cases are being recorded, restored into a fresh data directory, answers
 * /stats and has the read models the source had at the backup's position; a tampered archive
 * fails `verify`; a person erased after the backup stays erased after the restore.
 */
const PASSPHRASE = 'seven tired owls guard the ledger';
const auth = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
const STATS = '/stats?measure=acts&groupBy=country,type';

interface Ran extends Exit {
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string>): Promise<Ran> {
  const run = AppProcess.start(
    'apps/cli/src/main.ts',
    { BACKUP_PASSPHRASE: PASSPHRASE, ...env },
    args,
  );
  const exit = await run.exited;
  return { ...exit, stdout: run.stdout, stderr: run.stderr };
}

async function startApi(dir: string): Promise<{ app: AppProcess; base: string; port: number }> {
  const port = await freePort();
  const app = AppProcess.start('apps/api/src/main.ts', { PGLITE_DIR: dir, PORT: String(port) });
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(app, `${base}/health`, 120_000);
  return { app, base, port };
}

/** undici may reuse a kept-alive connection the API is just closing: once more on a new one. */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetchOnce(url, { headers: auth });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

interface Stats {
  rows: unknown[];
  total: number;
}

describe('backup of the Retreating Rights demo while writes go on, restored into a fresh directory', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it('restores the log, the keys and the read models as they were at the backup, erasures included', async () => {
    const source = await appPgliteCopy();
    const target = await emptyPgliteDir();
    const work = await mkdtemp(join(tmpdir(), 'rl-backup-'));
    cleanup.push(() => rm(source, { recursive: true, force: true }));
    cleanup.push(() => rm(target, { recursive: true, force: true }));
    cleanup.push(() => rm(work, { recursive: true, force: true }));

    const src = await startApi(source);
    cleanup.push(() => src.app.stop());
    await loadRetreatingRights(httpClient(src.base, TEST_ADMIN_TOKEN));

    // Cases keep coming in while the backup runs.
    let writing = true;
    const written: string[] = [];
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const res = await fetch(`${src.base}/incidents`, {
          method: 'POST',
          headers: { ...auth, 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({
            title: `Case recorded during the backup ${i}`,
            country: 'KG',
            occurred: { date: '2021-03', precision: 'month' },
            type: 'detention',
            targets: [{ person: { name: `Detainee ${i}` }, category: 'civil_activist' }],
          }),
        });
        if (res.status === 201) written.push(((await res.json()) as { position: string }).position);
      }
    })();
    const archive = join(work, 'first.age');
    const env = {
      PGLITE_DIR: source,
      PORT: String(src.port),
      RIGHTS_LEDGER_TOKEN: TEST_ADMIN_TOKEN,
    };
    const before = written.length;
    const first = await cli(['backup', '--out', archive], env);
    const during = written.length - before;
    writing = false;
    await writer;
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain('verified');
    expect(during).toBeGreaterThan(0);

    const { manifest } = parseBackup(
      await decryptWithPassphrase(await readFile(archive), PASSPHRASE),
    );
    const position = manifest.position;
    // Some cases were recorded after the backup's position, so the archive is a true cut.
    expect(written.some((p) => p > position)).toBe(true);
    expect(manifest.tables.es_events!.rows).toBeGreaterThan(300);

    // A person erased after the backup; the next backup's erasure list names them.
    const persons = await getJson<{ items: { id: string; name: string }[] }>(`${src.base}/persons`);
    const victim = persons.items[0]!;
    const erased = await fetchOnce(`${src.base}/persons/${victim.id}/erasure`, {
      method: 'POST',
      headers: { ...auth, 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ reason: 'request of the person' }),
    });
    expect(erased.status).toBe(201);
    const later = join(work, 'later.age');
    expect(await cli(['backup', '--out', later], env)).toMatchObject({ code: 0 });

    const atBackup = await getJson<Stats>(
      `${src.base}${STATS}&asOf=${position}&after=${written.at(-1)}`,
    );
    await src.app.stop();
    const sourceSql = await PgliteSqlClient.open(source);
    const sourcePrint = await readModelFingerprint(sourceSql, position);
    await sourceSql.close();

    // A tampered archive: one byte of the ciphertext changed.
    const bytes = await readFile(archive);
    bytes[bytes.length - 200] ^= 0x01;
    const tampered = join(work, 'tampered.age');
    await writeFile(tampered, bytes);
    const refused = await cli(['verify', tampered], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('damaged or was altered');

    const restored = await cli(['restore', archive, '--erasures', `${later}.erasures.json`], {
      PGLITE_DIR: target,
    });
    expect(restored).toMatchObject({ code: 0 });
    expect(restored.stdout).toContain('1 keys erased after the backup destroyed again');
    const again = await cli(['restore', archive, '--no-later-erasures'], { PGLITE_DIR: target });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');

    const dst = await startApi(target);
    cleanup.push(() => dst.app.stop());
    const stats = await getJson<Stats>(`${dst.base}${STATS}&after=${position}`);
    expect({ rows: stats.rows, total: stats.total }).toEqual({
      rows: atBackup.rows,
      total: atBackup.total,
    });
    const person = await getJson<{ name: string }>(`${dst.base}/persons/${victim.id}`);
    expect(person.name).toBe('[erased]');
    const found = await getJson<{ items: unknown[] }>(
      `${dst.base}/persons?q=${encodeURIComponent(victim.name)}`,
    );
    expect(found.items).toEqual([]);
    await dst.app.stop();

    const targetSql = await PgliteSqlClient.open(target);
    const targetPrint = await readModelFingerprint(targetSql);
    await targetSql.close();
    expect(targetPrint).toEqual(sourcePrint);
    expect(Number(targetPrint!.acts)).toBeGreaterThan(0);
  }, 900_000);
});
