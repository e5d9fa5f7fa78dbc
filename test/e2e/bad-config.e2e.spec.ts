import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess } from '../support/api-process';

const API = 'apps/api/src/main.ts';

async function refusedStart(env: Record<string, string>): Promise<string> {
  const app = AppProcess.start(API, env);
  const exit = await app.exited;
  expect(exit).toEqual({ code: 1, signal: null });
  // One line, no stack trace.
  expect(app.stderr).toMatch(/^[^\n]+\n$/);
  expect(app.stdout).toBe('');
  return app.stderr.trim();
}

describe('start-up with a bad configuration', () => {
  it('stops on PORT=abc with one line naming PORT', async () => {
    const line = await refusedStart({ PORT: 'abc' });
    expect(line).toContain('PORT');
    expect(line).toContain('1 to 65535');
  });

  it('stops on EVENT_STORE=mysql with one line listing the allowed stores', async () => {
    const line = await refusedStart({ EVENT_STORE: 'mysql' });
    expect(line).toContain('EVENT_STORE');
    expect(line).toContain('postgres, kurrentdb');
  });

  it('stops on EVENT_STORE=kurrentdb without KURRENTDB_URL', async () => {
    const line = await refusedStart({ EVENT_STORE: 'kurrentdb' });
    expect(line).toContain('KURRENTDB_URL is required when EVENT_STORE=kurrentdb');
  });

  it('never prints the password of a bad DATABASE_URL', async () => {
    const line = await refusedStart({ DATABASE_URL: 'mysql://ledger:hunter2@db/ledger' });
    expect(line).toContain('DATABASE_URL');
    expect(line).not.toContain('hunter2');
  });

  it('refuses a data directory other accounts may write to, with one line saying how to fix it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rl-shared-'));
    try {
      await chmod(dir, 0o777);
      const line = await refusedStart({ PGLITE_DIR: dir });
      expect(line).toContain('writable by other accounts (mode 0777)');
      expect(line).toContain(`chmod -R go-rwx ${dir}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
