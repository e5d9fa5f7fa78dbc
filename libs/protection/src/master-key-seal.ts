import { decrypt, encrypt } from './aes-gcm';

/**
 * A small secret sealed directly under the master key (AES-256-GCM, as the per-workspace and
 * per-file keys are wrapped), bound by `context` to where it belongs: a sealed value copied to
 * another row does not open there.
 */
export function sealUnderMasterKey(masterKey: Buffer, secret: string, context: string): Buffer {
  return encrypt(masterKey, Buffer.from(secret, 'utf8'), context);
}

/** Throws if the key is not the one it was sealed under, or the bytes or context differ. */
export function openUnderMasterKey(masterKey: Buffer, sealed: Buffer, context: string): string {
  return decrypt(masterKey, sealed, context).toString('utf8');
}
