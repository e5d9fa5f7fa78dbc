import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * The backup passphrase: BACKUP_PASSPHRASE, or asked on the terminal without echo (twice when
 * `confirm`, for a new archive: a mistyped passphrase would make it unreadable).
 */
export async function backupPassphrase(confirm: boolean): Promise<string> {
  const given = process.env.BACKUP_PASSPHRASE;
  if (given !== undefined && given !== '') return given;
  if (!process.stdin.isTTY) {
    throw new Error('set BACKUP_PASSPHRASE, or run on a terminal to be asked for the passphrase');
  }
  const first = await ask('Backup passphrase: ');
  if (confirm && (await ask('Again: ')) !== first) throw new Error('the passphrases differ');
  return first;
}

function ask(prompt: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((done) => {
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      done(answer);
    });
    muted = true;
  });
}
