import { Decider, DomainEvent } from '../decider';
import { DomainError } from '../errors';
import { withoutUndefined } from '../without-undefined';
import { Problems, validateTargetCategory } from '../incidents/incident.validation';
import {
  decideMerge,
  MergeCommand,
  PersonMergeEvent,
  refuseErasureWithDuplicates,
} from './person-merge';

/**
 * Persons and organisations: the targets of acts. One decider serves both, since they differ
 * only in their details and in which categories apply. A person's name and details are
 * personal data: the application keeps them out of logs and encrypts them inside events
 * (libs/protection); the decider sees them in plain text, or as ERASED_TEXT once erased.
 */
export type TargetEntityKind = 'person' | 'organisation';

export interface TargetDetails {
  /** The person's or organisation's name. */
  name: string;
  /** A pseudonymous label shown where names must not be (analysts, exports). */
  label: string;
  category?: string;
  country?: string;
  gender?: string;
  birthYear?: number;
  contacts?: string;
  address?: string;
  notes?: string;
}

export const AMENDABLE_TARGET_FIELDS = [
  'name',
  'label',
  'category',
  'country',
  'gender',
  'birthYear',
  'contacts',
  'address',
  'notes',
] as const;
export type AmendableTargetField = (typeof AMENDABLE_TARGET_FIELDS)[number];

export type TargetCommand =
  | { type: 'Register'; kind: TargetEntityKind; id: string; details: TargetDetails; today: string }
  | {
      type: 'Amend';
      field: AmendableTargetField;
      value: unknown;
      reason: string;
      note?: string;
      today: string;
    }
  | { type: 'LinkAlias'; alias: string }
  /**
   * Crypto-shredding: the application destroys the person's key; the event records it.
   * `liveDuplicates`: the persons merged into this one and not erased (person-merge.ts).
   */
  | { type: 'Erase'; reason: string; liveDuplicates?: readonly string[] }
  | MergeCommand;

/** What an erased person's personal fields read as, everywhere. */
export const ERASED_TEXT = '[erased]';

export type TargetRegistered = DomainEvent<
  'PersonRegistered' | 'OrganisationRegistered',
  TargetDetails & { id: string; aliases: string[] }
>;
export type TargetAmended = DomainEvent<
  'PersonAmended' | 'OrganisationAmended',
  { field: AmendableTargetField; from: unknown; to: unknown; reason: string; note?: string }
>;
export type TargetAliasLinked = DomainEvent<
  'PersonAliasLinked' | 'OrganisationAliasLinked',
  { alias: string }
>;
export type PersonErased = DomainEvent<'PersonErased', { reason: string }>;
export type TargetEvent =
  TargetRegistered | TargetAmended | TargetAliasLinked | PersonErased | PersonMergeEvent;

/**
 * Before registration: nothing but an empty alias list. The rest is declared absent so a
 * reader can ask `state.details?.name` of any state.
 */
export interface AbsentTarget {
  status: 'absent';
  kind?: undefined;
  id?: undefined;
  details?: undefined;
  aliases: string[];
  mergedInto?: undefined;
}

/** A registered person or organisation; an erased person keeps its codes and label. */
export interface RegisteredTarget {
  /** `erased`: the person's key is destroyed, their personal fields read as ERASED_TEXT. */
  status: 'registered' | 'erased';
  kind: TargetEntityKind;
  id: string;
  details: TargetDetails;
  aliases: string[];
  /** The person this one is merged into: its acts count as theirs (person-merge.ts). */
  mergedInto?: string;
}

export type TargetState = AbsentTarget | RegisteredTarget;

type Of<T extends TargetCommand['type']> = Extract<TargetCommand, { type: T }>;

export const targetDecider: Decider<TargetCommand, TargetEvent, TargetState> = {
  initialState: { status: 'absent', aliases: [] },
  decide(command, state) {
    if (command.type === 'Register') return register(command, state);
    if (state.status === 'absent') {
      throw new DomainError('not_found', 'target_not_found', 'no such person or organisation');
    }
    if (command.type === 'Erase') return erase(command, state);
    // A merge touches no personal field: an erased duplicate is merged (or not) like any other.
    if (command.type === 'Merge' || command.type === 'Unmerge') return decideMerge(command, state);
    if (state.status === 'erased') {
      throw new DomainError(
        'conflict',
        'person_erased',
        'this person was erased: nothing to change',
      );
    }
    return command.type === 'LinkAlias' ? linkAlias(command, state) : amend(command, state);
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PersonRegistered':
      case 'OrganisationRegistered': {
        const { id, aliases, ...details } = event.data;
        return {
          status: 'registered',
          kind: event.type === 'PersonRegistered' ? 'person' : 'organisation',
          id,
          details,
          aliases,
        };
      }
      case 'PersonAmended':
      case 'OrganisationAmended':
        // Only a registered target is amended (the decider refuses the rest).
        return state.status === 'absent'
          ? state
          : { ...state, details: { ...state.details, [event.data.field]: event.data.to } };
      case 'PersonAliasLinked':
      case 'OrganisationAliasLinked':
        return { ...state, aliases: [...state.aliases, event.data.alias] };
      case 'PersonErased':
        return state.status === 'absent' ? state : { ...state, status: 'erased' };
      case 'PersonMerged':
        return state.status === 'absent' ? state : { ...state, mergedInto: event.data.into };
      case 'PersonMergeUndone': {
        if (state.status === 'absent') return state;
        const { mergedInto: _undone, ...rest } = state;
        return rest;
      }
    }
  },
};

function register(command: Of<'Register'>, state: TargetState): TargetEvent[] {
  if (state.status !== 'absent')
    throw new DomainError(
      'conflict',
      `${command.kind}_exists`,
      `this ${command.kind} already exists`,
    );
  const p = new Problems();
  validateDetails(command.kind, command.details, '', command.today, p);
  if (p.errors.length > 0) throw DomainError.invalid(p.errors);
  return [
    {
      type: command.kind === 'person' ? 'PersonRegistered' : 'OrganisationRegistered',
      data: {
        ...withoutUndefined(command.details),
        name: command.details.name.trim(),
        id: command.id,
        aliases: [],
      },
    },
  ];
}

function erase(command: Of<'Erase'>, target: RegisteredTarget): TargetEvent[] {
  if (target.kind !== 'person') {
    throw new DomainError('invalid', 'not_a_person', 'only persons are erased', [
      { field: 'id', message: 'organisations are not natural persons: they are not erased' },
    ]);
  }
  if (target.status === 'erased')
    throw new DomainError('conflict', 'person_erased', 'already erased');
  const p = new Problems();
  p.text('reason', command.reason, { required: true, max: 500 });
  if (p.errors.length > 0) throw DomainError.invalid(p.errors);
  refuseErasureWithDuplicates(command.liveDuplicates);
  return [{ type: 'PersonErased', data: { reason: command.reason.trim() } }];
}

function linkAlias(command: Of<'LinkAlias'>, target: RegisteredTarget): TargetEvent[] {
  const p = new Problems();
  p.text('alias', command.alias, { required: true, max: 300 });
  if (p.errors.length > 0) throw DomainError.invalid(p.errors);
  const alias = command.alias.trim();
  if (alias === target.details.name || target.aliases.includes(alias)) {
    throw new DomainError('conflict', 'alias_exists', 'this name or alias is already linked');
  }
  return [{ type: `${prefixOf(target)}AliasLinked`, data: { alias } }];
}

/** One field, checked by that field's rule in validateDetails; problems name it `value`. */
function amend(command: Of<'Amend'>, target: RegisteredTarget): TargetEvent[] {
  const p = new Problems();
  p.code('correction_reason', 'reason', command.reason);
  p.text('note', command.note);
  if (!(AMENDABLE_TARGET_FIELDS as readonly string[]).includes(command.field)) {
    p.add('field', 'cannot be amended', AMENDABLE_TARGET_FIELDS);
  } else {
    validateDetails(
      target.kind,
      { ...target.details, [command.field]: command.value },
      '',
      command.today,
      p,
      command.field,
    );
  }
  if (p.errors.length > 0)
    throw DomainError.invalid(
      p.errors.map((e) => ({ ...e, field: e.field === command.field ? 'value' : e.field })),
    );
  const from = target.details[command.field];
  if (JSON.stringify(from) === JSON.stringify(command.value)) {
    throw DomainError.invalid([
      { field: 'value', message: 'equals the current value: nothing to amend' },
    ]);
  }
  return [
    {
      type: `${prefixOf(target)}Amended`,
      data: withoutUndefined({
        field: command.field,
        from,
        to: command.value,
        reason: command.reason,
        note: command.note,
      }),
    },
  ];
}

const prefixOf = (target: RegisteredTarget) =>
  target.kind === 'person' ? 'Person' : 'Organisation';

/** `only`: check just that field (an amendment), so older data does not block it. */
function validateDetails(
  kind: TargetEntityKind,
  d: TargetDetails,
  prefix: string,
  today: string,
  p: Problems,
  only?: AmendableTargetField,
): void {
  const check = (field: AmendableTargetField) => only === undefined || only === field;
  const at = (field: string) => `${prefix}${field}`;
  if (check('name')) p.text(at('name'), d.name, { required: true, max: 300 });
  if (check('label')) p.text(at('label'), d.label, { required: true, max: 100 });
  if (check('category') && d.category !== undefined)
    validateTargetCategory(kind, d.category, at('category'), p);
  if (check('country') && d.country !== undefined) p.code('country', at('country'), d.country);
  if (check('contacts')) p.text(at('contacts'), d.contacts, { max: 2000 });
  if (check('address')) p.text(at('address'), d.address, { max: 2000 });
  if (check('notes')) p.text(at('notes'), d.notes);
  if (kind === 'person') {
    if (check('gender')) p.text(at('gender'), d.gender, { max: 50 });
    if (check('birthYear'))
      p.wholeNumber(at('birthYear'), d.birthYear, { min: 1900, max: Number(today.slice(0, 4)) });
  } else if (d.gender !== undefined || d.birthYear !== undefined) {
    p.add(at(d.gender !== undefined ? 'gender' : 'birthYear'), 'applies to persons only');
  }
}
