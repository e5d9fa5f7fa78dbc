import { decrypt, encrypt } from './aes-gcm';

/**
 * One free-text value of an incident, sealed (AES-256-GCM) under the key of its incident,
 * field and key generation: `t1.<generation>.<base64 iv|tag|ciphertext>`. The generation is
 * in clear so that a reader knows which key opens it; the associated data binds the value to
 * its incident and field, so it opens nowhere else.
 */
export interface TextKeyId {
  incidentId: string;
  field: string;
  generation: number;
}

const SEALED_TEXT = /^t1\.(\d+)\.([A-Za-z0-9+/]+=*)$/;

export function sealText(key: Buffer, id: TextKeyId, value: unknown): string {
  const body = encrypt(key, Buffer.from(JSON.stringify(value), 'utf8'), valueContext(id));
  return `t1.${id.generation}.${body.toString('base64')}`;
}

/** The generation a sealed value names; undefined for a value in clear. */
export function sealedGeneration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = SEALED_TEXT.exec(value);
  return match === null ? undefined : Number(match[1]);
}

/** Throws if the key is not the one of this incident, field and generation. */
export function openText(key: Buffer, id: TextKeyId, sealed: string): unknown {
  const match = SEALED_TEXT.exec(sealed);
  if (match === null || Number(match[1]) !== id.generation) throw new Error('not a sealed text');
  const plain = decrypt(key, Buffer.from(match[2], 'base64'), valueContext(id));
  return JSON.parse(plain.toString('utf8')) as unknown;
}

function valueContext({ incidentId, field, generation }: TextKeyId): string {
  return `incident_text:${incidentId}:${field}:${generation}`;
}
