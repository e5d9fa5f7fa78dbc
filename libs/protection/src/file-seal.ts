import { decrypt, encrypt, newKey } from './aes-gcm';

/** A file sealed under a key of its own, that key wrapped by the master key. */
export interface SealedFile {
  wrappedKey: Buffer;
  content: Buffer;
}

/**
 * Where a sealed file belongs: `key` binds the wrapped key to its row, `content` the bytes to
 * their file, so neither opens when copied elsewhere.
 */
export interface FileContexts {
  key: string;
  content: string;
}

export function sealFile(masterKey: Buffer, bytes: Buffer, contexts: FileContexts): SealedFile {
  const key = newKey();
  return {
    wrappedKey: encrypt(masterKey, key, contexts.key),
    content: encrypt(key, bytes, contexts.content),
  };
}

/** Throws if the master key, the contexts or the bytes are not the ones sealed. */
export function openFile(masterKey: Buffer, sealed: SealedFile, contexts: FileContexts): Buffer {
  const key = decrypt(masterKey, sealed.wrappedKey, contexts.key);
  return decrypt(key, sealed.content, contexts.content);
}
