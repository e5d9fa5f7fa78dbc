import { DomainEvent } from '../decider';
import { DomainError } from '../errors';
import { Problems } from '../incidents/incident.validation';
import type { RegisteredTarget } from './target.decider';

/**
 * Merging two records of one human: the duplicate's stream records `PersonMerged { into }`,
 * and from then on its acts count as acts of the person kept (`measure=persons` counts the
 * human once). Nothing of either record is rewritten, so the merge can be undone.
 *
 * Merges go one level deep, never in chains: a person is merged into a person who is merged
 * nowhere and has no duplicates of their own, so every act resolves to its human in one step
 * (the statistics join one merge row per act) and no cycle can form.
 */

/** What the application found about the person to merge into: the decider does no I/O. */
export interface MergeTargetFacts {
  /** `absent`: no such person in this workspace (another workspace's is answered the same). */
  status: 'absent' | 'registered' | 'erased';
  /** The person they are merged into themselves, if any. */
  mergedInto?: string;
}

export type MergeCommand =
  | {
      type: 'Merge';
      into: string;
      reason: string;
      kept: MergeTargetFacts;
      /** The persons merged into the one now being merged (who would be left in a chain). */
      mergedIntoThis: readonly string[];
    }
  | { type: 'Unmerge'; reason: string };

export type PersonMerged = DomainEvent<'PersonMerged', { into: string; reason: string }>;
/** Carries `into` too, so that the history can say which merge was undone. */
export type PersonMergeUndone = DomainEvent<'PersonMergeUndone', { into: string; reason: string }>;
export type PersonMergeEvent = PersonMerged | PersonMergeUndone;

const MAX_REASON = 500;

/** `Merge` or `Unmerge` on a registered (or erased) target: merges touch no personal field. */
export function decideMerge(command: MergeCommand, target: RegisteredTarget): PersonMergeEvent[] {
  if (target.kind !== 'person') {
    throw new DomainError('invalid', 'not_a_person', 'only persons are merged', [
      { field: 'id', message: 'organisations are not merged' },
    ]);
  }
  const p = new Problems();
  p.text('reason', command.reason, { required: true, max: MAX_REASON });
  if (command.type === 'Merge' && command.into === target.id) {
    p.add('into', 'a person cannot be merged into themselves');
  }
  if (p.errors.length > 0) throw DomainError.invalid(p.errors);
  const reason = command.reason.trim();
  if (command.type === 'Unmerge') {
    if (target.mergedInto === undefined) {
      throw new DomainError(
        'conflict',
        'person_not_merged',
        'this person is not merged: nothing to undo',
      );
    }
    return [{ type: 'PersonMergeUndone', data: { into: target.mergedInto, reason } }];
  }
  refuseMerge(command, target);
  return [{ type: 'PersonMerged', data: { into: command.into, reason } }];
}

function refuseMerge(command: Extract<MergeCommand, { type: 'Merge' }>, target: RegisteredTarget) {
  const { into, kept, mergedIntoThis } = command;
  if (target.mergedInto !== undefined) {
    throw new DomainError(
      'conflict',
      'person_merged',
      `this person is already merged into ${target.mergedInto}: undo that merge first`,
    );
  }
  if (kept.status === 'absent') {
    throw new DomainError('not_found', 'person_not_found', `no person ${into} to merge into`);
  }
  if (kept.status === 'erased') {
    throw new DomainError(
      'conflict',
      'person_erased',
      `${into} was erased: nothing is merged into an erased person`,
    );
  }
  if (kept.mergedInto === target.id) {
    throw new DomainError(
      'conflict',
      'person_merged',
      `${into} is already merged into this person: they count once already`,
    );
  }
  if (kept.mergedInto !== undefined) {
    throw new DomainError(
      'conflict',
      'merge_target_merged',
      `${into} is itself merged into ${kept.mergedInto}: merge into ${kept.mergedInto} instead`,
    );
  }
  if (mergedIntoThis.length > 0) {
    throw new DomainError(
      'conflict',
      'person_has_merged_duplicates',
      `${mergedIntoThis.join(', ')} ${mergedIntoThis.length === 1 ? 'is' : 'are'} merged into ` +
        `this person: merge ${mergedIntoThis.length === 1 ? 'it' : 'them'} into ${into} first, ` +
        'or undo those merges',
    );
  }
}

/**
 * Erasing a person others are merged into would leave the same human's name in those records:
 * the erasure waits until they are erased too (or their merges undone). Erased duplicates no
 * longer hold it.
 */
export function refuseErasureWithDuplicates(liveDuplicates: readonly string[] | undefined): void {
  if (liveDuplicates === undefined || liveDuplicates.length === 0) return;
  throw new DomainError(
    'conflict',
    'person_has_merged_duplicates',
    `${liveDuplicates.join(', ')} ${liveDuplicates.length === 1 ? 'is' : 'are'} merged into ` +
      'this person and hold the same personal data: erase them first, or undo those merges',
  );
}
