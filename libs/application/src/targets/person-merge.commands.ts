import { Actor, CommandContext } from '../actor';
import { CommandResult } from '../command-executor';
import { IdSource } from '../deterministic-id';
import { DomainError, MergeTargetFacts, TargetCommand } from '@app/domain';
import { personStream } from '../streams';
import type { TargetStore } from './target.commands';
import { sealingDecider } from './target-sealing';
import { readTarget } from './target.read';

/**
 * Merging a duplicate person into the one kept, and undoing it (the rules are the domain's,
 * person-merge.ts). Both events go on the duplicate's stream; nothing is appended to the
 * kept person's, so two merges into one person never contend.
 */

/** Who is merged into a person now: the read model knows, the streams do not (a reverse link). */
export interface MergedInto {
  mergedInto(workspaceId: string, personId: string): Promise<string[]>;
}

export interface PersonMergeRequest {
  into: string;
  reason: string;
}

export async function mergePerson(
  store: TargetStore,
  merges: MergedInto,
  id: string,
  { into, reason }: PersonMergeRequest,
  context: CommandContext,
  expectedVersion?: number,
): Promise<CommandResult> {
  const workspaceId = context.actor.workspaceId;
  const kept = await mergeTargetFacts(store, into, context.actor);
  const mergedIntoThis = await merges.mergedInto(workspaceId, id);
  return changeMerge(
    store,
    id,
    'merge',
    { type: 'Merge', into, reason, kept, mergedIntoThis },
    context,
    expectedVersion,
  );
}

export function unmergePerson(
  store: TargetStore,
  id: string,
  reason: string,
  context: CommandContext,
  expectedVersion?: number,
): Promise<CommandResult> {
  return changeMerge(store, id, 'unmerge', { type: 'Unmerge', reason }, context, expectedVersion);
}

/**
 * The persons merged into `id` whose records still hold personal data: an erasure of `id`
 * waits for theirs (the domain's `refuseErasureWithDuplicates`).
 */
export async function liveDuplicates(
  store: Pick<TargetStore, 'executor' | 'vault'>,
  merges: MergedInto,
  id: string,
  actor: Actor,
): Promise<string[]> {
  const live: string[] = [];
  for (const duplicate of await merges.mergedInto(actor.workspaceId, id)) {
    const { erased } = await readTarget(store, 'person', duplicate, actor, { open: false });
    if (!erased) live.push(duplicate);
  }
  return live;
}

function changeMerge(
  store: TargetStore,
  id: string,
  action: 'merge' | 'unmerge',
  command: TargetCommand,
  context: CommandContext,
  expectedVersion?: number,
): Promise<CommandResult> {
  return store.executor.execute({
    streamId: personStream(id),
    id,
    // Merge events hold no personal field: no key is opened, and none is needed once erased.
    decider: sealingDecider(undefined),
    command: () => command,
    context,
    ids: IdSource.for(
      context.actor.workspaceId,
      context.idempotencyKey,
      `POST /persons/${id}/${action}`,
    ),
    expectedVersion,
    mustExist: true,
  });
}

/** The person merged into, as the decider needs it; another workspace's reads as absent. */
async function mergeTargetFacts(
  store: TargetStore,
  into: string,
  actor: Actor,
): Promise<MergeTargetFacts> {
  try {
    const target = await readTarget(store, 'person', into, actor, { open: false });
    return {
      status: target.erased ? 'erased' : 'registered',
      ...(target.mergedInto !== undefined && { mergedInto: target.mergedInto }),
    };
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return { status: 'absent' };
    throw error;
  }
}
