import type { NewEvent, RecordedEvent } from './envelope';

/**
 * An aggregate as three pure functions: `decide` turns a command into events (or throws a
 * DomainError), `evolve` folds one event into state. Time, ids and the actor come in on the command.
 */
export interface Decider<TCommand, TEvent extends NewEvent, TState> {
  initialState: () => TState;
  evolve: (state: TState, event: TEvent) => TState;
  decide: (command: TCommand, state: TState) => TEvent[];
}

/** Folds stored events into state. */
export function fold<TEvent extends NewEvent, TState>(
  decider: Pick<Decider<unknown, TEvent, TState>, 'initialState' | 'evolve'>,
  events: readonly (RecordedEvent | TEvent)[],
): TState {
  return events.reduce((state, e) => decider.evolve(state, e as TEvent), decider.initialState());
}
