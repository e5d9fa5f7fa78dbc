import { randomUUID } from 'node:crypto';
import { v5 } from 'uuid';

// v5 is SHA-1 over a 16-byte namespace followed by the name. Our ids (stored in events, so
// they can never change) were first made by hashing the JSON of the parts alone, so the JSON's
// first 16 bytes play the namespace and the rest the name: the same hash, the same id.
const NAMESPACE_BYTES = 16;

/**
 * A name-based UUID (RFC 9562 version 5): the same parts always give the same id. With an
 * Idempotency-Key, every id a command creates derives from (workspace, key, purpose), so a
 * retried request produces the same events and the event store's idempotency makes it a no-op.
 * The parts must serialise to more than 16 bytes (a workspace id alone does).
 */
export function nameBasedUuid(...parts: readonly string[]): string {
  const name = Buffer.from(JSON.stringify(parts), 'utf8');
  if (name.length <= NAMESPACE_BYTES) throw new Error('nameBasedUuid: parts too short to name');
  return v5(name.subarray(NAMESPACE_BYTES), name.subarray(0, NAMESPACE_BYTES));
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
