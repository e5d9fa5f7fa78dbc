import {
  Decider,
  DomainError,
  DomainEvent,
  ERASED_TEXT,
  TargetCommand,
  targetDecider,
  TargetEvent,
  TargetState,
} from '@app/domain';
import { isSealed, SubjectKey } from '@app/protection';

/**
 * Crypto-shredding at the boundary between the decider and the log: a person's personal
 * fields (name, contacts, address, notes, aliases, amendment notes) are sealed with their own
 * key inside the events as stored; the decider only ever sees plain text, or ERASED_TEXT once
 * the key is destroyed. Codes (label, category, country, gender, birth year) stay in clear:
 * read models and statistics need them, and they count the person without naming them.
 * Organisations are not natural persons: their events are stored as they are.
 */

/** What a person's events need: their key, or its absence once destroyed. */
export type PersonKey = SubjectKey | 'destroyed' | undefined;

const PERSONAL_FIELDS = ['name', 'contacts', 'address', 'notes'] as const;
const isPersonal = (field: string) => (PERSONAL_FIELDS as readonly string[]).includes(field);

type Data = Record<string, unknown>;

/**
 * A person's events that hold no personal field: recorded in clear, and so also after the
 * erasure (a merge of an erased duplicate). Their reasons are documented as kept readable.
 */
const CLEAR_PERSON_EVENTS: ReadonlySet<string> = new Set([
  'PersonErased',
  'PersonMerged',
  'PersonMergeUndone',
]);

/** An event as the log stores it. */
export function sealTargetEvent(event: TargetEvent, key: PersonKey): DomainEvent {
  if (!event.type.startsWith('Person') || CLEAR_PERSON_EVENTS.has(event.type)) return event;
  if (key === undefined || key === 'destroyed') {
    throw new DomainError('conflict', 'person_erased', 'this person was erased: nothing to change');
  }
  const data = event.data as Data;
  switch (event.type) {
    case 'PersonRegistered': {
      const plain: Data = {};
      const personal: Data = {};
      for (const [field, value] of Object.entries(data)) {
        if (isPersonal(field) || field === 'aliases') personal[field] = value;
        else plain[field] = value;
      }
      return { type: event.type, data: { ...plain, sealed: key.seal(personal) } };
    }
    case 'PersonAmended': {
      const { from, to, note, ...rest } = data;
      const personal = isPersonal(String(data.field)) ? { from, to, note } : { note };
      const clear = isPersonal(String(data.field)) ? rest : { ...rest, from, to };
      return { type: event.type, data: { ...clear, sealed: key.seal(personal) } };
    }
    case 'PersonAliasLinked':
      return { type: event.type, data: { sealed: key.seal(data) } };
  }
  return event;
}

/** A stored event as the decider reads it: opened, or its personal fields ERASED_TEXT. */
export function openTargetEvent(stored: DomainEvent, key: PersonKey): TargetEvent {
  const { sealed, ...plain } = (stored.data ?? {}) as Data;
  if (!isSealed(sealed)) return stored as TargetEvent; // clear: an organisation, or an erasure
  const personal =
    key === undefined || key === 'destroyed'
      ? erased(stored.type, plain)
      : (key.open(sealed) as Data);
  return { type: stored.type, data: { ...plain, ...personal } } as TargetEvent;
}

function erased(type: string, plain: Data): Data {
  switch (type) {
    case 'PersonRegistered':
      return { name: ERASED_TEXT, aliases: [] };
    case 'PersonAmended':
      return isPersonal(String(plain.field)) ? { from: ERASED_TEXT, to: ERASED_TEXT } : {};
    case 'PersonAliasLinked':
      return { alias: ERASED_TEXT };
  }
  return {};
}

/** The target decider over stored events: opens what it folds, seals what it decides. */
export function sealingDecider(key: PersonKey): Decider<TargetCommand, DomainEvent, TargetState> {
  return {
    initialState: targetDecider.initialState,
    evolve: (state, stored) => {
      const event = openTargetEvent(stored, key);
      // An erased person's aliases are not kept, not even as placeholders.
      if (event.type === 'PersonAliasLinked' && event.data.alias === ERASED_TEXT) return state;
      return targetDecider.evolve(state, event);
    },
    decide: (command, state) =>
      targetDecider.decide(command, state).map((event) => sealTargetEvent(event, key)),
  };
}
