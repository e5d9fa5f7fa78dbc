/** Whose names: a person or an organisation of one workspace. */
export interface NamedSubject {
  workspaceId: string;
  kind: 'person' | 'organisation';
  subjectId: string;
}

/**
 * A keyed blind index: it holds the HMACs of search terms (what terms a name gives is the
 * application's business: folded parts, their beginnings, the whole name) under a workspace
 * key wrapped by the master key. Without that key a digest says nothing, and a digest of one
 * workspace matches nothing in another. No term is stored in clear.
 */
export interface NameIndex {
  /** Replaces the subject's entries with these terms. */
  index(subject: NamedSubject, terms: readonly string[]): Promise<void>;
  /** `index` for many subjects in one write (the import). */
  indexMany(entries: readonly { subject: NamedSubject; terms: readonly string[] }[]): Promise<void>;
  /** Deletes every entry of the subject: erasure. */
  remove(subject: NamedSubject): Promise<void>;
  /** The subjects that hold every one of these terms. */
  withAll(
    workspaceId: string,
    kind: NamedSubject['kind'],
    terms: readonly string[],
  ): Promise<string[]>;
  /** The subjects that hold at least one of these terms. */
  withAny(
    workspaceId: string,
    kind: NamedSubject['kind'],
    terms: readonly string[],
  ): Promise<string[]>;
  /** Each of these terms with the subjects that hold it, in one read (the import's names). */
  holders(
    workspaceId: string,
    kind: NamedSubject['kind'],
    terms: readonly string[],
  ): Promise<Map<string, string[]>>;
  /**
   * A keyed digest (hex) under the workspace's key, apart from the search digests (no digest
   * it gives matches a term's): for ids derived from a name, which no one without the key can
   * derive from a guessed name. The same in every process of the deployment, and after a
   * restore of its backup (the wrapped key travels with it).
   */
  digester(workspaceId: string): Promise<(text: string) => string>;
}

export const NAME_INDEX = Symbol('NameIndex');
