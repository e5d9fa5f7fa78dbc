import { createHash } from 'node:crypto';
import { Actor } from '@app/application';
import { nameMatchesEach } from '@app/application/targets/name-search';
import { planRegistration } from '@app/application/targets/target.commands';
import { NameIndex } from '@app/protection';

/**
 * An incident's (or organisation's) Idempotency-Key: from what it records, so a re-upload
 * records nothing twice.
 */
export function importKey(what: string): string {
  return `import-${sha256(what).slice(0, 48)}`;
}

/**
 * The Idempotency-Keys an import registers its targets under, from which their ids derive: the
 * same name in the same workspace is the same person, sheet after sheet.
 *
 * A person's key is an HMAC of her name under the workspace's name-index key (wrapped by
 * MASTER_KEY, kept with the name index): her id then confirms no guessed name to anyone
 * without that key. Imports used to derive it from `sha256("person <name>")` alone, so anyone
 * who knew the workspace's id could hash a guessed name and find whether that person's stream
 * exists, erased or not. The ids recorded that way stay as they are (the log is append-only):
 * a name still held by a person registered under the old key keeps that key, so re-importing
 * an earlier sheet records nothing twice. Once that person is erased (her name index entries
 * with her), the name takes the keyed id. Organisations' names are no personal data: their
 * keys stay plain hashes.
 */
export class ImportKeys {
  private constructor(
    private readonly digest: (text: string) => string,
    /** Identities (`person <name>`) of persons registered under the old, unkeyed key. */
    private readonly unkeyed: ReadonlySet<string>,
  ) {}

  /** `names`: the sheet's person names, normalised (`normaliseName`). */
  static async for(
    nameIndex: NameIndex,
    actor: Actor,
    names: readonly string[],
  ): Promise<ImportKeys> {
    const digest = await nameIndex.digester(actor.workspaceId);
    const unique = [...new Set(names)];
    const found = await nameMatchesEach(nameIndex, actor.workspaceId, 'person', unique);
    const unkeyed = unique
      .map((name) => `person ${name}`)
      .filter((identity, i) => {
        const oldId = registeredId(actor, importKey(identity));
        return found.get(unique[i])!.some((m) => m.subjectId === oldId);
      });
    return new ImportKeys(digest, new Set(unkeyed));
  }

  /** The registration key of a target by its identity (`targetIdentity`: `person <name>`...). */
  target(identity: string): string {
    if (!identity.startsWith('person ') || this.unkeyed.has(identity)) return importKey(identity);
    return `import-${this.digest(identity).slice(0, 48)}`;
  }

  /** The id a person registered under this identity has (or will have). */
  personId(actor: Actor, identity: string): string {
    return registeredId(actor, this.target(identity));
  }
}

/** The id a registration with this Idempotency-Key gives a person (the name plays no part). */
function registeredId(actor: Actor, idempotencyKey: string): string {
  return planRegistration(
    'person',
    { details: { name: '-' } },
    { actor, correlationId: '', idempotencyKey, today: '' },
  ).id;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
