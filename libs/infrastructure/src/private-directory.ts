import { chmod, lstat, mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** Refused at start: another local account could read the cases or rewrite the event log. */
export class SharedDirectoryError extends Error {
  override readonly name = 'SharedDirectoryError';
}

/**
 * Makes the embedded data directory private before anything is written in it: created 0700,
 * and every file created by this process afterwards gets at most 0600 (umask 077). A directory
 * another account may write to is refused rather than repaired: someone else could already have
 * put or changed files in it, so a person has to look before it is trusted.
 */
export async function preparePrivateDirectory(dir: string): Promise<void> {
  // The umask covers files PGlite, the master key and exports create from now on.
  // process.umask() cannot be set in a worker thread; its files follow the main thread's umask.
  if (isMainThread) process.umask(0o077);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const mode = (await stat(dir)).mode & 0o777;
  if ((mode & 0o022) !== 0) {
    throw new SharedDirectoryError(
      `${dir} is writable by other accounts (mode 0${mode.toString(8)}); ` +
        `check its contents, then run: chmod -R go-rwx ${dir}`,
    );
  }
  if ((mode & 0o077) !== 0) await tightenPrivateDirectory(dir);
}

/**
 * Directories 0700 and files 0600 under `dir`. Needed after PGlite opens a new directory: its
 * initdb unpacks the cluster with explicit 0666/0777 modes that a umask does not narrow in its
 * in-memory file system, and they reach the disk as they are. Symbolic links are left alone so
 * a link cannot make this change a file outside the directory.
 */
export async function tightenPrivateDirectory(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await tightenPrivateDirectory(path);
    else if (entry.isFile() && ((await lstat(path)).mode & 0o077) !== 0) await chmod(path, 0o600);
  }
}
