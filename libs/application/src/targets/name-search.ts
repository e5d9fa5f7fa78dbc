import { MIN_NAME_PREFIX, namePrefixes, nameTokens } from '@app/domain/names';
import { NamedSubject, NameIndex } from '@app/protection';

/**
 * What the blind name index holds of a person's or organisation's names, and how it is asked:
 * the folded parts' beginnings from three letters (search), each whole part and each whole
 * name (possible duplicates). Folding (libs/domain/src/names) makes Дулат Агадил, Dulat Agadil
 * and Agadıl Dulat one set of terms. The markers keep the kinds of term apart: the whole part
 * "aga" is not the beginning "aga" of "agadil".
 */
export function nameTerms(names: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const name of names) {
    const tokens = nameTokens(name);
    if (tokens.length === 0) continue;
    for (const t of tokens) {
      for (const prefix of namePrefixes(t)) terms.add(prefix);
      terms.add(wholePart(t));
    }
    terms.add(wholeName(tokens));
  }
  return [...terms];
}

/**
 * The subjects each part of whose query begins a part of one of their names: `агад дул`
 * finds Dulat Agadil. `too_short` when a part has fewer than three letters once folded.
 */
export async function findByName(
  index: NameIndex,
  workspaceId: string,
  kind: NamedSubject['kind'],
  query: string,
): Promise<string[] | 'too_short'> {
  const tokens = nameTokens(query);
  if (tokens.length === 0 || tokens.some((t) => t.length < MIN_NAME_PREFIX)) return 'too_short';
  return index.withAll(workspaceId, kind, tokens);
}

/**
 * Why an existing subject may be the one being recorded: `same_name`, a name or alias with
 * the same parts once folded (Дулат Агадил = Dulat Agadil = Agadil Dulat);
 * `name_parts_match`, the parts of one name are among the parts of the other (Dulat Agadil
 * and Dulat Agadil Serikovich).
 */
export type NameMatchReason = 'same_name' | 'name_parts_match';

export interface NameMatch {
  subjectId: string;
  reason: NameMatchReason;
}

/** The subjects whose names match any of these names as a whole: possible duplicates. */
export async function nameMatches(
  index: NameIndex,
  workspaceId: string,
  kind: NamedSubject['kind'],
  names: readonly string[],
): Promise<NameMatch[]> {
  const found = new Map<string, NameMatchReason>();
  for (const matches of (await nameMatchesEach(index, workspaceId, kind, names)).values()) {
    for (const m of matches)
      if (found.get(m.subjectId) !== 'same_name') found.set(m.subjectId, m.reason);
  }
  return [...found].map(([subjectId, reason]) => ({ subjectId, reason }));
}

/**
 * Each name's matches, from one read of the index however many names (an import's): the
 * subjects holding every whole part of it (two parts or more: one part alone would match
 * every namesake's first or last name), a whole name of some of its parts, or its whole name.
 */
export async function nameMatchesEach(
  index: NameIndex,
  workspaceId: string,
  kind: NamedSubject['kind'],
  names: readonly string[],
): Promise<Map<string, NameMatch[]>> {
  const asked = names.map((name) => {
    const tokens = nameTokens(name);
    return {
      name,
      parts: tokens.length < 2 ? [] : unique(tokens.map(wholePart)),
      around: partialNames(tokens).map(wholeName),
      same: tokens.length === 0 ? undefined : wholeName(tokens),
    };
  });
  const holders = await index.holders(
    workspaceId,
    kind,
    unique(asked.flatMap((a) => [...a.parts, ...a.around, ...(a.same ? [a.same] : [])])),
  );
  const holding = (term: string) => holders.get(term) ?? [];
  const sets = new Map<string, Set<string>>();
  const setOf = (term: string) =>
    sets.get(term) ?? sets.set(term, new Set(holding(term))).get(term)!;
  const out = new Map<string, NameMatch[]>();
  for (const a of asked) {
    const found = new Map<string, NameMatchReason>();
    if (a.same !== undefined) {
      for (const id of [...holdingAll(a.parts, holding, setOf), ...a.around.flatMap(holding)]) {
        found.set(id, 'name_parts_match');
      }
      for (const id of holding(a.same)) found.set(id, 'same_name');
    }
    out.set(
      a.name,
      [...found].map(([subjectId, reason]) => ({ subjectId, reason })),
    );
  }
  return out;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * The subjects holding every one of these terms, walking the rarest term's holders: an
 * import asks of thousands of names sharing common parts ("Testov" held by thousands).
 */
function holdingAll(
  terms: readonly string[],
  holding: (term: string) => string[],
  setOf: (term: string) => Set<string>,
): string[] {
  if (terms.length === 0) return [];
  const [rarest, ...others] = [...terms].sort((a, b) => holding(a).length - holding(b).length);
  return holding(rarest).filter((id) => others.every((t) => setOf(t).has(id)));
}

const wholePart = (token: string) => `=${token}`;

/** A whole name: its distinct folded parts in order, whichever order they were written in. */
const wholeName = (tokens: readonly string[]) => `==${[...tokens].sort().join(' ')}`;

/** Names past this many parts are not split further: the combinations grow as 2^n. */
const MAX_SPLIT_PARTS = 6;

/**
 * The names made of two or more of these parts but not all: "Dulat Agadil Serikovich" gives
 * "Dulat Agadil", "Dulat Serikovich", "Agadil Serikovich", so a record under the shorter name
 * is found.
 */
function partialNames(tokens: readonly string[]): string[][] {
  const parts = tokens.slice(0, MAX_SPLIT_PARTS);
  const out: string[][] = [];
  for (let mask = 1; mask < (1 << parts.length) - 1; mask++) {
    const chosen = parts.filter((_, i) => mask & (1 << i));
    if (chosen.length >= 2) out.push(chosen);
  }
  return out;
}
