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
  for (const name of names) {
    const tokens = nameTokens(name);
    if (tokens.length === 0) continue;
    // A name of one part would match every namesake's first or last name: too many.
    const within =
      tokens.length < 2 ? [] : await index.withAll(workspaceId, kind, tokens.map(wholePart));
    const around = await index.withAny(workspaceId, kind, partialNames(tokens).map(wholeName));
    const same = await index.withAll(workspaceId, kind, [wholeName(tokens)]);
    for (const id of [...within, ...around]) if (!found.has(id)) found.set(id, 'name_parts_match');
    for (const id of same) found.set(id, 'same_name');
  }
  return [...found].map(([subjectId, reason]) => ({ subjectId, reason }));
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
