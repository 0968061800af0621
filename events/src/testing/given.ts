/* Runs inside jest: `expect` is jest's global. */
import type { Decider } from '../decider';
import type { NewEvent } from '../envelope';

/** Any error class, e.g. `IllegalStateError`. */
export type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** The outcome half of a decider test. */
export interface DeciderThen<TEvent> {
  /** Expects exactly these events; returns them, e.g. to check them against the catalog. */
  then(expected: TEvent[]): TEvent[];
  /** Expects the command to be refused with this error class (and a message matching `message`); returns the error. */
  thenThrows<E extends Error>(errorClass: ErrorClass<E>, message?: RegExp): E;
}

export interface DeciderWhen<TCommand, TEvent> {
  when(command: TCommand): DeciderThen<TEvent>;
}

/**
 * Given/when/then for deciders: the history is folded from the initial state, the command decided.
 * @example given(goalDecider, [submitted]).when(approve).then([reviewed])
 * @example given(goalDecider, [submitted, approved]).when(revise).thenThrows(IllegalStateError, /预算调整/)
 */
export function given<TCommand, TEvent extends NewEvent, TState>(
  decider: Decider<TCommand, TEvent, TState>,
  history: readonly TEvent[],
): DeciderWhen<TCommand, TEvent> {
  return {
    when(command) {
      const decide = () => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
      return {
        then(expected) {
          const produced = decide();
          expect(produced).toEqual(expected);
          return produced;
        },
        thenThrows<E extends Error>(errorClass: ErrorClass<E>, message?: RegExp): E {
          let produced: TEvent[];
          try {
            produced = decide();
          } catch (error) {
            expect(error).toBeInstanceOf(errorClass);
            if (message) expect((error as Error).message).toMatch(message);
            return error as E;
          }
          throw new Error(
            `expected ${errorClass.name} to be thrown, but the command produced ${JSON.stringify(produced)}`,
          );
        },
      };
    },
  };
}
