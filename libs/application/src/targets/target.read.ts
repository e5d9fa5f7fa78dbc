import { Actor } from '../actor';
import {
  DomainError,
  ERASED_TEXT,
  fold,
  TargetDetails,
  TargetEntityKind,
  withoutUndefined,
} from '@app/domain';
import { targetStream } from '../streams';
import type { TargetStore } from './target.commands';
import { PersonKey, sealingDecider } from './target-sealing';

export interface TargetRead {
  id: string;
  version: number;
  details: TargetDetails;
  aliases: string[];
  /** The person's key is destroyed: their personal fields read as ERASED_TEXT. */
  erased: boolean;
  /** The PersonErased event, when the person was erased through the API. */
  erasure?: { eventId: string; at: string };
  /** The person this one is merged into (person-merge.ts in the domain). */
  mergedInto?: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A person or organisation as its events tell it. Another workspace's record is answered
 * exactly like a missing one, so ids never reveal what other workspaces hold.
 */
export async function readTarget(
  { executor, vault }: Pick<TargetStore, 'executor' | 'vault'>,
  kind: TargetEntityKind,
  id: string,
  actor: Actor,
  /** Whether to open the personal fields at all: redacted reads never touch the key. */
  { open = true } = {},
): Promise<TargetRead> {
  const history = await executor.load(targetStream(kind, id));
  if (history.events.length === 0 || history.workspaceId !== actor.workspaceId) {
    throw new DomainError('not_found', `${kind}_not_found`, `no such ${kind}`);
  }
  const key: PersonKey =
    kind === 'person' && open
      ? await vault.keyOf({ workspaceId: actor.workspaceId, subjectId: id })
      : undefined;
  const state = fold(
    sealingDecider(key),
    history.events.map((e) => e.domainEvent),
  );
  if (state.status === 'absent') {
    throw new DomainError('not_found', `${kind}_not_found`, `no such ${kind}`);
  }
  const erased = state.status === 'erased' || key === 'destroyed';
  const erasure = history.events.find((e) => e.domainEvent.type === 'PersonErased');
  return {
    id,
    version: history.version,
    // Events recorded before sealing existed hold the details in clear: never show them either.
    details: erased ? erasedDetails(state.details) : state.details,
    aliases: erased ? [] : state.aliases,
    erased,
    ...(erasure !== undefined && { erasure: { eventId: erasure.eventId, at: erasure.recordedAt } }),
    ...(state.mergedInto !== undefined && { mergedInto: state.mergedInto }),
    createdAt: history.events[0].recordedAt,
    updatedAt: history.events[history.events.length - 1].recordedAt,
  };
}

/** An erased person's details: the codes and label, the name as ERASED_TEXT, nothing else. */
function erasedDetails(d: TargetDetails): TargetDetails {
  return withoutUndefined({
    name: ERASED_TEXT,
    label: d.label,
    category: d.category,
    country: d.country,
    gender: d.gender,
    birthYear: d.birthYear,
  });
}
