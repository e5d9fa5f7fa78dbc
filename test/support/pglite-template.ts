import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteSqlClient } from '@app/database';

/**
 * Fresh PGlite databases from a template, copied per test.
 *
 * A fresh PGlite runs initdb (in WASM) and the app then applies every migration: measured on
 * this 2-core machine, 4-5 s of CPU for initdb alone and about 70 s of wall time per app start
 * under load, against 4 s to open a copy of a directory that has both done. So each kind of
 * template is built once per jest run, in the run's directory (jest's globalSetup, see
 * global-setup.ts), and every test gets its own copy: still a real PGlite on its own files,
 * nothing shared. A first start on an empty directory is still what builds each template, and
 * the specs that spawn `npm start` (health, auth) start on empty directories.
 */
export type PgliteTemplate = 'empty' | 'app';

/** A new directory holding a copy of the `kind` template; the caller removes it. */
export async function pgliteCopy(
  kind: PgliteTemplate,
  build: (dir: string) => Promise<void>,
): Promise<string> {
  const template = await templateDir(kind, build);
  const dir = await mkdtemp(join(tmpdir(), `rl-pglite-${kind}-`));
  await cp(template, dir, { recursive: true });
  return dir;
}

/** A new directory holding an initialised PGlite without any table; the caller removes it. */
export function emptyPgliteDir(): Promise<string> {
  return pgliteCopy('empty', async (dir) => (await PgliteSqlClient.open(dir)).close());
}

/** An initialised PGlite without any table, on a directory of its own removed on close. */
export async function openTestPglite(): Promise<PgliteSqlClient> {
  const dir = await emptyPgliteDir();
  const sql = await PgliteSqlClient.open(dir);
  const close = sql.close.bind(sql);
  sql.close = async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  };
  return sql;
}

const building = new Map<PgliteTemplate, Promise<string>>();

function templateDir(kind: PgliteTemplate, build: (dir: string) => Promise<void>): Promise<string> {
  let pending = building.get(kind);
  if (pending === undefined) {
    pending = ensureTemplate(kind, build);
    building.set(kind, pending);
  }
  return pending;
}

/**
 * Built into a private directory and renamed into place, so jest workers starting together
 * never see half a template (the loser of the race discards its own).
 */
async function ensureTemplate(
  kind: PgliteTemplate,
  build: (dir: string) => Promise<void>,
): Promise<string> {
  const runDir = process.env.RL_TEST_RUN_DIR;
  if (runDir === undefined)
    throw new Error('RL_TEST_RUN_DIR unset: run tests through jest.config.js');
  const target = join(runDir, `pglite-${kind}`);
  if (await exists(target)) return target;
  const scratch = await mkdtemp(join(runDir, `building-${kind}-`));
  await build(scratch);
  try {
    await rename(scratch, target);
  } catch (error) {
    if (!(await exists(target))) throw error;
    await rm(scratch, { recursive: true, force: true });
  }
  return target;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
