import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A directory for this jest run (templates shared by its workers, see pglite-template.ts),
 * removed by global-teardown.ts. Each project runs this hook: the first one creates it.
 */
export default async function globalSetup(): Promise<void> {
  process.env.RL_TEST_RUN_DIR ??= await mkdtemp(join(tmpdir(), 'rl-test-run-'));
}
