/**
 * Domain logic as deciders (docs/architecture.md, "A command"): plain functions over plain data.
 * `decide` throws a `DomainError` when the command is refused.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

/** A domain event as deciders see it: no id, no metadata (the application adds those). */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export function fold<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Iterable<Event>,
): State {
  let state = decider.initialState;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}
