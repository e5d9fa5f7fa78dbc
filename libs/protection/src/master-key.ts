import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppConfig, requireMasterKey } from '@app/config';
import { KEY_BYTES, newKey } from './aes-gcm';

export const MASTER_KEY_FILE = 'master.key';

/**
 * MASTER_KEY when set. In embedded mode without it: the key file in the data directory,
 * generated (0600, owner only) on the first start. Server mode requires MASTER_KEY.
 */
export async function loadMasterKey(config: AppConfig): Promise<Buffer> {
  const given = requireMasterKey(config);
  if (given !== undefined) return Buffer.from(given, 'base64');
  if (config.database.kind !== 'pglite')
    throw new Error('unreachable: server mode needs MASTER_KEY');
  const path = join(resolve(config.database.dir), MASTER_KEY_FILE);
  try {
    await writeFile(path, `${newKey().toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Whatever the umask or an earlier copy did, only the owner may read it.
  await chmod(path, 0o600);
  const key = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(`${MASTER_KEY_FILE} in the data directory is not a 32-byte base64 key`);
  }
  return key;
}
