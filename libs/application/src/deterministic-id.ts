import { createHash, randomUUID } from 'node:crypto';

/**
 * A name-based UUID (RFC 9562 version 5 layout over SHA-1): the same name always gives the
 * same id. With an Idempotency-Key, every id a command creates derives from
 * (workspace, key, purpose), so a retried request produces the same events and the event
 * store's idempotency makes it a no-op.
 */
export function nameBasedUuid(...parts: readonly string[]): string {
  const hash = createHash('sha1').update(JSON.stringify(parts)).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids for one command: derived from the Idempotency-Key when there is one, random otherwise. */
export class IdSource {
  constructor(private readonly scope?: readonly string[]) {}

  static for(workspaceId: string, idempotencyKey: string | undefined, route: string): IdSource {
    return new IdSource(
      idempotencyKey === undefined ? undefined : [workspaceId, route, idempotencyKey],
    );
  }

  /** `purpose` names what the id is for (`incident`, `target:2`, `event:0`...). */
  id(purpose: string): string {
    return this.scope === undefined ? randomUUID() : nameBasedUuid(...this.scope, purpose);
  }
}
