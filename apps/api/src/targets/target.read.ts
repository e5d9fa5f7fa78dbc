import { Actor, CommandExecutor } from '@app/application';
import {
  DomainError,
  fold,
  targetDecider,
  TargetDetails,
  TargetEntityKind,
  TargetEvent,
} from '@app/domain';
import { targetStream } from './target.commands';

export interface TargetRead {
  id: string;
  version: number;
  details: TargetDetails;
  aliases: string[];
}

/**
 * A person or organisation as its events tell it. Another workspace's record is answered
 * exactly like a missing one, so ids never reveal what other workspaces hold.
 */
export async function readTarget(
  executor: CommandExecutor,
  kind: TargetEntityKind,
  id: string,
  actor: Actor,
): Promise<TargetRead> {
  const history = await executor.load(targetStream(kind, id));
  const state = fold(
    targetDecider,
    history.events.map((e) => e.domainEvent as TargetEvent),
  );
  if (history.workspaceId !== actor.workspaceId || state.details === undefined) {
    throw new DomainError('not_found', `${kind}_not_found`, `no such ${kind}`);
  }
  return { id, version: history.version, details: state.details, aliases: state.aliases };
}
