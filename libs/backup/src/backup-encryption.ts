import type { Decrypter } from 'age-encryption';
import { BackupIntegrityError } from './backup-archive';

/**
 * Archives are age files (age-encryption.org/v1, the typage implementation): a passphrase
 * through scrypt, ChaCha20-Poly1305 in 64 KiB chunks, so any altered or missing byte fails
 * the decryption. No scheme of ours. Loaded at the first backup, not at every start.
 */
const age = () => import('age-encryption');
export async function encryptWithPassphrase(
  plain: Uint8Array,
  passphrase: string,
): Promise<Uint8Array> {
  const encrypter = new (await age()).Encrypter();
  encrypter.setPassphrase(passphrase);
  return encrypter.encrypt(plain);
}

export async function decryptWithPassphrase(
  archive: Uint8Array,
  passphrase: string,
): Promise<Uint8Array> {
  const decrypter = new (await age()).Decrypter();
  decrypter.addPassphrase(passphrase);
  return decrypt(decrypter, archive);
}

/**
 * A key pair for one transfer: the CLI asks the running API for the archive encrypted to the
 * public half, so the content never crosses the connection in the clear and the passphrase
 * never reaches the API (scrypt would also block its event loop for seconds).
 */
export async function transferKeyPair(): Promise<{ identity: string; recipient: string }> {
  const { generateX25519Identity, identityToRecipient } = await age();
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

export async function encryptToRecipient(
  plain: Uint8Array,
  recipient: string,
): Promise<Uint8Array> {
  const encrypter = new (await age()).Encrypter();
  encrypter.addRecipient(recipient);
  return encrypter.encrypt(plain);
}

export async function decryptWithIdentity(
  archive: Uint8Array,
  identity: string,
): Promise<Uint8Array> {
  const decrypter = new (await age()).Decrypter();
  decrypter.addIdentity(identity);
  return decrypt(decrypter, archive);
}

async function decrypt(decrypter: Decrypter, archive: Uint8Array): Promise<Uint8Array> {
  try {
    return await decrypter.decrypt(archive);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/no identity matched/.test(message)) {
      throw new BackupIntegrityError('wrong passphrase (or not an archive made for it)');
    }
    throw new BackupIntegrityError(`the archive is damaged or was altered (${message})`);
  }
}
