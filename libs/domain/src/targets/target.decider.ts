import { Decider, DomainEvent } from '../decider';
import { DomainError } from '../errors';
import { withoutUndefined } from '../without-undefined';
import { Problems, validateTargetCategory } from '../incidents/incident.validation';

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
  /** Crypto-shredding: the application destroys the person's key; the event records it. */
  | { type: 'Erase'; reason: string };

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
export type TargetEvent = TargetRegistered | TargetAmended | TargetAliasLinked | PersonErased;

export interface TargetState {
  kind?: TargetEntityKind;
  id?: string;
  details?: TargetDetails;
  aliases: string[];
  /** The person's key is destroyed: their personal fields read as ERASED_TEXT. */
  erased?: boolean;
}

export const targetDecider: Decider<TargetCommand, TargetEvent, TargetState> = {
  initialState: { aliases: [] },
  decide(command, state) {
    const p = new Problems();
    if (command.type === 'Register') {
      if (state.kind !== undefined)
        throw new DomainError(
          'conflict',
          `${command.kind}_exists`,
          `this ${command.kind} already exists`,
        );
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
    if (state.kind === undefined || state.details === undefined) {
      throw new DomainError('not_found', 'target_not_found', 'no such person or organisation');
    }
    const prefix = state.kind === 'person' ? 'Person' : 'Organisation';
    if (command.type === 'Erase') {
      if (state.kind !== 'person') {
        throw new DomainError('invalid', 'not_a_person', 'only persons are erased', [
          { field: 'id', message: 'organisations are not natural persons: they are not erased' },
        ]);
      }
      if (state.erased) throw new DomainError('conflict', 'person_erased', 'already erased');
      p.text('reason', command.reason, { required: true, max: 500 });
      if (p.errors.length > 0) throw DomainError.invalid(p.errors);
      return [{ type: 'PersonErased', data: { reason: command.reason.trim() } }];
    }
    if (state.erased) {
      throw new DomainError(
        'conflict',
        'person_erased',
        'this person was erased: nothing to change',
      );
    }
    if (command.type === 'LinkAlias') {
      p.text('alias', command.alias, { required: true, max: 300 });
      if (p.errors.length > 0) throw DomainError.invalid(p.errors);
      const alias = command.alias.trim();
      if (alias === state.details.name || state.aliases.includes(alias)) {
        throw new DomainError('conflict', 'alias_exists', 'this name or alias is already linked');
      }
      return [{ type: `${prefix}AliasLinked`, data: { alias } }];
    }
    p.code('correction_reason', 'reason', command.reason);
    p.text('note', command.note);
    if (!(AMENDABLE_TARGET_FIELDS as readonly string[]).includes(command.field)) {
      p.add('field', 'cannot be amended', AMENDABLE_TARGET_FIELDS);
    } else {
      validateDetails(
        state.kind,
        { ...state.details, [command.field]: command.value },
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
    const from = state.details[command.field];
    if (JSON.stringify(from) === JSON.stringify(command.value)) {
      throw DomainError.invalid([
        { field: 'value', message: 'equals the current value: nothing to amend' },
      ]);
    }
    return [
      {
        type: `${prefix}Amended`,
        data: withoutUndefined({
          field: command.field,
          from,
          to: command.value,
          reason: command.reason,
          note: command.note,
        }),
      },
    ];
  },
  evolve(state, event) {
    switch (event.type) {
      case 'PersonRegistered':
      case 'OrganisationRegistered': {
        const { id, aliases, ...details } = event.data;
        return {
          kind: event.type === 'PersonRegistered' ? 'person' : 'organisation',
          id,
          details,
          aliases,
        };
      }
      case 'PersonAmended':
      case 'OrganisationAmended':
        return { ...state, details: { ...state.details!, [event.data.field]: event.data.to } };
      case 'PersonAliasLinked':
      case 'OrganisationAliasLinked':
        return { ...state, aliases: [...state.aliases, event.data.alias] };
      case 'PersonErased':
        return { ...state, erased: true };
    }
  },
};

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
