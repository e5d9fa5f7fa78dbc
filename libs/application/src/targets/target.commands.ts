import { noteSameTransactionSubject } from '@app/database';
import { CommandContext } from '../actor';
import { CommandExecutor, CommandResult } from '../command-executor';
import { IdSource } from '../deterministic-id';
import {
  AmendableTargetField,
  Decider,
  DomainEvent,
  fold,
  TargetCommand,
  TargetDetails,
  TargetEntityKind,
  TargetState,
} from '@app/domain';
import { WrongExpectedVersion } from '@app/event-store';
import { NameIndex, PersonalDataVault } from '@app/protection';
import { commandContext } from '../command-request';
import { targetStream } from '../streams';
import { PersonKey, sealingDecider } from './target-sealing';
import { nameTerms } from './name-search';
import { readTarget } from './target.read';

/**
 * The commands on persons and organisations. One decider serves both kinds, and so do these
 * functions; the use-case handlers of each kind call them. A person's personal fields are
 * sealed with their own key on the way into the log (target-sealing.ts).
 */

/** What the target commands need: the executor, the vault of the persons' keys, the name index. */
export interface TargetStore {
  executor: CommandExecutor;
  vault: PersonalDataVault;
  nameIndex: NameIndex;
}

/** What a controller passes to `commandContext`. */
export type CommandRequest = Parameters<typeof commandContext>[0];

const COLLECTION = { person: 'persons', organisation: 'organisations' } as const;
const MAX_LABEL = 100;

export { targetStream };

export interface TargetRegistration {
  details: Omit<TargetDetails, 'label'> & { label?: string };
  aliases?: readonly string[] | null;
}

/** A registration as the executor takes it, once the person's key is at hand. */
export interface PlannedRegistration {
  kind: TargetEntityKind;
  id: string;
  streamId: string;
  ids: IdSource;
  /** Register, then one LinkAlias per distinct alias: decided in sequence, one append. */
  commands: TargetCommand[];
}

/**
 * What registering a person or organisation decides, with its ids (the import builds its
 * batches with it). A person's key must exist before the events: see `registerTarget`.
 */
export function planRegistration(
  kind: TargetEntityKind,
  registration: TargetRegistration,
  context: CommandContext,
  /** A target given inline in an incident report: its id and idempotency scope come from there. */
  inline?: { id: string; scope: string },
): PlannedRegistration {
  // An optional field sent as null was not given (class-validator's @IsOptional lets null through).
  const details = withoutNulls(registration.details);
  const aliases = registration.aliases ?? [];
  const ids = IdSource.for(
    context.actor.workspaceId,
    context.idempotencyKey,
    inline?.scope ?? `POST /${COLLECTION[kind]}`,
  );
  const id = inline?.id ?? ids.id(kind);
  const name = details.name.trim();
  // Repeating the name or an alias adds nothing, so it is not refused either.
  const distinct = [...new Set(aliases.map((a) => a.trim()))].filter((a) => a !== name);
  const register: TargetCommand = {
    type: 'Register',
    kind,
    id,
    details: { ...details, label: details.label ?? defaultLabel(kind, id, name) },
    today: context.today,
  };
  return {
    kind,
    id,
    streamId: targetStream(kind, id),
    ids,
    commands: [register, ...distinct.map((alias): TargetCommand => ({ type: 'LinkAlias', alias }))],
  };
}

/** The decider of a registration: its commands in sequence, a person's fields sealed. */
export function registrationDecider(
  key: PersonKey,
): Decider<readonly TargetCommand[], DomainEvent, TargetState> {
  return inSequence(sealingDecider(key));
}

/** Registers a person or organisation and links its aliases, in one append. */
export async function registerTarget(
  { executor, vault, nameIndex }: TargetStore,
  kind: TargetEntityKind,
  registration: TargetRegistration,
  context: CommandContext,
  inline?: { id: string; scope: string },
): Promise<CommandResult> {
  const { id, streamId, ids, commands } = planRegistration(kind, registration, context, inline);
  // The request's audit entry commits with the key, the first write, and names the person.
  noteSameTransactionSubject(id);
  // Before the events: a crash in between leaves an unused key, never a sealed value without one.
  const key =
    kind === 'person'
      ? await vault.createKey({ workspaceId: context.actor.workspaceId, subjectId: id })
      : undefined;
  const result = await executor.execute({
    streamId,
    id,
    decider: registrationDecider(key),
    command: () => commands,
    context,
    ids,
  });
  await nameIndex.index(
    { workspaceId: context.actor.workspaceId, kind, subjectId: id },
    nameTerms(registeredNames(commands)),
  );
  return result;
}

/** The name and aliases a registration's commands give: what the name index holds. */
export function registeredNames(commands: readonly TargetCommand[]): string[] {
  return commands.flatMap((c) =>
    c.type === 'Register' ? [c.details.name] : c.type === 'LinkAlias' ? [c.alias] : [],
  );
}

/**
 * After a change of name or a new alias: the index holds the names as they now stand. After
 * the append, so a refused change leaves the index as it was; a crash in between leaves the
 * new name unfound until the next change of this target.
 */
async function reindexNames(
  store: TargetStore,
  kind: TargetEntityKind,
  id: string,
  context: CommandContext,
): Promise<void> {
  const target = await readTarget(store, kind, id, context.actor);
  if (target.erased) return;
  await store.nameIndex.index(
    { workspaceId: context.actor.workspaceId, kind, subjectId: id },
    nameTerms([target.details.name, ...target.aliases]),
  );
}

/**
 * Persons get a pseudonymous label (`P-` and six characters of the id) for the places where
 * names must not appear; organisations are not pseudonymised and go by their name.
 */
function defaultLabel(kind: TargetEntityKind, id: string, name: string): string {
  if (kind === 'person') return `P-${id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
  return name.length <= MAX_LABEL ? name : `${name.slice(0, MAX_LABEL - 1)}…`;
}

export interface TargetAmendment {
  field: AmendableTargetField;
  value: unknown;
  reason: string;
  note?: string;
}

export async function amendTarget(
  store: TargetStore,
  kind: TargetEntityKind,
  id: string,
  amendment: TargetAmendment,
  context: CommandContext,
  expectedVersion?: number,
): Promise<CommandResult> {
  const result = await store.executor.execute({
    streamId: targetStream(kind, id),
    id,
    decider: sealingDecider(await keyOf(store, kind, id, context)),
    command: (): TargetCommand => ({ type: 'Amend', ...amendment, today: context.today }),
    context,
    // The id is part of the scope: one key reused on another record must not collide.
    ids: IdSource.for(
      context.actor.workspaceId,
      context.idempotencyKey,
      `POST /${COLLECTION[kind]}/${id}/amendments`,
    ),
    expectedVersion,
    mustExist: true,
  });
  if (amendment.field === 'name') await reindexNames(store, kind, id, context);
  return result;
}

export async function linkTargetAlias(
  store: TargetStore,
  kind: TargetEntityKind,
  id: string,
  alias: string,
  context: CommandContext,
  expectedVersion?: number,
): Promise<CommandResult> {
  const result = await store.executor.execute({
    streamId: targetStream(kind, id),
    id,
    decider: sealingDecider(await keyOf(store, kind, id, context)),
    command: (): TargetCommand => ({ type: 'LinkAlias', alias }),
    context,
    ids: IdSource.for(
      context.actor.workspaceId,
      context.idempotencyKey,
      `POST /${COLLECTION[kind]}/${id}/aliases`,
    ),
    expectedVersion,
    mustExist: true,
  });
  await reindexNames(store, kind, id, context);
  return result;
}

/**
 * Erases a person (crypto-shredding): destroys their key first, then records PersonErased.
 * In that order a failure in between leaves the details unreadable already, and a retry
 * records the event.
 */
export async function erasePerson(
  store: TargetStore,
  id: string,
  reason: string,
  context: CommandContext,
  expectedVersion?: number,
  /** The persons merged into this one who are not erased: they refuse the erasure. */
  liveDuplicates: readonly string[] = [],
): Promise<CommandResult> {
  const workspaceId = context.actor.workspaceId;
  const streamId = targetStream('person', id);
  const erase: TargetCommand = { type: 'Erase', reason, liveDuplicates };
  const ids = IdSource.for(workspaceId, context.idempotencyKey, `POST /persons/${id}/erasure`);
  const history = await store.executor.load(streamId);
  const ours = history.events.length > 0 && history.workspaceId === workspaceId;
  const replayed = history.events.some((e) => e.eventId === ids.id('event:0'));
  if (ours && !replayed) {
    // Everything that would refuse the erasure is checked before the key goes.
    if (expectedVersion !== undefined && expectedVersion !== history.version) {
      throw new WrongExpectedVersion(streamId, expectedVersion, history.version);
    }
    const decider = sealingDecider('destroyed');
    decider.decide(
      erase,
      fold(
        decider,
        history.events.map((e) => e.domainEvent),
      ),
    );
    await store.vault.destroyKey({ workspaceId, subjectId: id });
  }
  // The index entries go with the key: after erasure no digest of the name remains. Outside
  // the check above, so a retry after a crash here still removes them.
  await store.nameIndex.remove({ workspaceId, kind: 'person', subjectId: id });
  return store.executor.execute({
    streamId,
    id,
    decider: sealingDecider('destroyed'),
    command: () => erase,
    context,
    ids,
    expectedVersion,
    mustExist: true,
  });
}

async function keyOf(
  { vault }: TargetStore,
  kind: TargetEntityKind,
  id: string,
  context: CommandContext,
): Promise<PersonKey> {
  if (kind !== 'person') return undefined;
  return vault.keyOf({ workspaceId: context.actor.workspaceId, subjectId: id });
}

function withoutNulls<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== null && v !== undefined),
  ) as T;
}

/** Several commands decided one after the other on the evolving state: one append for all. */
function inSequence<C, E, S>(decider: Decider<C, E, S>): Decider<readonly C[], E, S> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide(commands, state) {
      const events: E[] = [];
      let current = state;
      for (const command of commands) {
        const decided = decider.decide(command, current);
        current = decided.reduce((s, e) => decider.evolve(s, e), current);
        events.push(...decided);
      }
      return events;
    },
  };
}
