import { CommandContext, CommandExecutor, CommandResult, IdSource } from '@app/application';
import {
  AmendableTargetField,
  Decider,
  TargetCommand,
  targetDecider,
  TargetDetails,
  TargetEntityKind,
} from '@app/domain';
import { commandContext } from '../shared/command-request';
import { organisationStream, personStream } from '../shared/streams';

/**
 * The commands on persons and organisations. One decider serves both kinds, and so do these
 * functions; the use-case handlers of each kind call them.
 */

/** What a controller passes to `commandContext`. */
export type CommandRequest = Parameters<typeof commandContext>[0];

const COLLECTION = { person: 'persons', organisation: 'organisations' } as const;
const MAX_LABEL = 100;

export function targetStream(kind: TargetEntityKind, id: string): string {
  return kind === 'person' ? personStream(id) : organisationStream(id);
}

export interface TargetRegistration {
  details: Omit<TargetDetails, 'label'> & { label?: string };
  aliases?: readonly string[] | null;
}

/** Registers a person or organisation and links its aliases, in one append. */
export function registerTarget(
  executor: CommandExecutor,
  kind: TargetEntityKind,
  registration: TargetRegistration,
  context: CommandContext,
  /** A target given inline in an incident report: its id and idempotency scope come from there. */
  inline?: { id: string; scope: string },
): Promise<CommandResult> {
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
  return executor.execute({
    streamId: targetStream(kind, id),
    id,
    decider: inSequence(targetDecider),
    command: () => [
      register,
      ...distinct.map((alias): TargetCommand => ({ type: 'LinkAlias', alias })),
    ],
    context,
    ids,
  });
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

export function amendTarget(
  executor: CommandExecutor,
  kind: TargetEntityKind,
  id: string,
  amendment: TargetAmendment,
  context: CommandContext,
  expectedVersion?: number,
): Promise<CommandResult> {
  return executor.execute({
    streamId: targetStream(kind, id),
    id,
    decider: targetDecider,
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
}

export function linkTargetAlias(
  executor: CommandExecutor,
  kind: TargetEntityKind,
  id: string,
  alias: string,
  context: CommandContext,
  expectedVersion?: number,
): Promise<CommandResult> {
  return executor.execute({
    streamId: targetStream(kind, id),
    id,
    decider: targetDecider,
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
