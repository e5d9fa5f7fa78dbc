import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env.RL_TEST_RUN_DIR;
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
}
