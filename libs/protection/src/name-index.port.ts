/** Whose names: a person or an organisation of one workspace. */
export interface NamedSubject {
  workspaceId: string;
  kind: 'person' | 'organisation';
  subjectId: string;
}

/**
 * A keyed blind index of names: it finds a person by the beginning of any part of any of
 * their names, in any script or transliteration, without holding a name. It stores the HMACs
 * of the folded name parts' beginnings (from three letters) under a workspace key wrapped by
 * the master key; without that key a digest says nothing, and a digest of one workspace
 * matches nothing in another.
 */
export interface NameIndex {
  /** Replaces the subject's entries with those of these names (the name and its aliases). */
  index(subject: NamedSubject, names: readonly string[]): Promise<void>;
  /** `index` for many subjects in one write (the import). */
  indexMany(entries: readonly { subject: NamedSubject; names: readonly string[] }[]): Promise<void>;
  /** Deletes every entry of the subject: erasure. */
  remove(subject: NamedSubject): Promise<void>;
  /**
   * The ids of the subjects each of whose query parts begins a part of one of their names.
   * `too_short` when a part of the query has fewer than three letters once folded.
   */
  find(
    workspaceId: string,
    kind: NamedSubject['kind'],
    query: string,
  ): Promise<string[] | 'too_short'>;
  /** The subjects whose names match any of these names as a whole: possible duplicates. */
  matches(
    workspaceId: string,
    kind: NamedSubject['kind'],
    names: readonly string[],
  ): Promise<NameMatch[]>;
}

/**
 * Why an existing subject may be the one being recorded: `same_name`, its name or an alias
 * has the same parts once folded (Дулат Агадил = Dulat Agadil = Agadil Dulat);
 * `name_parts_match`, every part of the new name is a whole part of one of its names
 * (Dulat Agadil ⊂ Dulat Agadil Serikovich).
 */
export type NameMatchReason = 'same_name' | 'name_parts_match';

export interface NameMatch {
  subjectId: string;
  reason: NameMatchReason;
}

export const NAME_INDEX = Symbol('NameIndex');
