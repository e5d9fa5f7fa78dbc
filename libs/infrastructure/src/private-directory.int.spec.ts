import { chmod, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  preparePrivateDirectory,
  SharedDirectoryError,
  tightenPrivateDirectory,
} from './private-directory';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('the private data directory of embedded mode', () => {
  let root: string;
  const umask = process.umask();

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'rl-private-'));
  });
  afterEach(async () => {
    process.umask(umask);
    await rm(root, { recursive: true, force: true });
  });

  it('creates the directory 0700 and leaves files created afterwards at 0600', async () => {
    process.umask(0o022);
    const dir = join(root, 'data');
    await preparePrivateDirectory(dir);
    expect(await modeOf(dir)).toBe(0o700);
    await writeFile(join(dir, 'later'), 'x');
    expect(await modeOf(join(dir, 'later'))).toBe(0o600);
  });

  it('tightens what a library created open, without following symbolic links', async () => {
    const dir = join(root, 'data');
    const outside = join(root, 'outside');
    await mkdir(join(dir, 'base'), { recursive: true });
    await writeFile(join(dir, 'base', 'table'), 'x');
    await writeFile(outside, 'x');
    await chmod(join(dir, 'base'), 0o755);
    await chmod(join(dir, 'base', 'table'), 0o666);
    await chmod(outside, 0o644);
    await symlink(outside, join(dir, 'link'));
    await tightenPrivateDirectory(dir);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(join(dir, 'base'))).toBe(0o700);
    expect(await modeOf(join(dir, 'base', 'table'))).toBe(0o600);
    expect(await modeOf(outside)).toBe(0o644);
  });

  it.each([0o775, 0o757, 0o777])(
    'refuses a directory with mode %o and changes nothing',
    async (mode) => {
      const dir = join(root, 'shared');
      await mkdir(dir);
      await writeFile(join(dir, 'planted'), 'x');
      await chmod(join(dir, 'planted'), 0o666);
      await chmod(dir, mode);
      const refusal = preparePrivateDirectory(dir);
      await expect(refusal).rejects.toThrow(SharedDirectoryError);
      await expect(refusal).rejects.toThrow(`chmod -R go-rwx ${dir}`);
      expect(await modeOf(dir)).toBe(mode);
      expect(await modeOf(join(dir, 'planted'))).toBe(0o666);
    },
  );
});
