import { DomainError } from '@app/shared';
import { fold, type Decider, type DomainEvent } from '../kernel/decider';

/**
 * Given-events / when-command / then-events for a decider (README, Tests). The history is written as the events the
 * aggregate would have stored, not replayed through earlier commands, so each case states exactly the past it needs
 * and a bug in an earlier command cannot hide behind (or break) a later case.
 *
 * Written here rather than taken from a library: it folds with the kernel's `fold` (which passes over unknown event
 * types like `load` does), accepts jest's asymmetric matchers in the expected events, and checks our `DomainError`
 * codes; a general-purpose specification would have to be adapted on each of those points.
 */
type SpecDecider<C, E extends DomainEvent, S> = Pick<Decider<C, E, S>, 'decide' | 'evolve' | 'initialState'>;
type ErrorClass = abstract new (...args: never[]) => DomainError;

export interface Decided<E, S> {
  /** The events the command decided. */
  readonly events: E[];
  /** The state after the given history and those events. */
  readonly state: S;
}

export interface WhenStep<E, S> {
  /** The command decides exactly these events (`toEqual`: asymmetric matchers allowed). */
  then(expected: readonly E[]): Decided<E, S>;
  /** The command is refused with this error class and code; returns the error for further checks. */
  thenThrows(errorClass: ErrorClass, code: string): DomainError;
  /** The command is accepted and changes nothing. */
  thenNothing(): void;
  /** The outcome without an assertion, for cases that look at part of it. */
  decided(): Decided<E, S>;
}

export interface GivenStep<C, E, S> {
  when(command: C): WhenStep<E, S>;
  /** The state the history folds to. */
  state(): S;
}

export interface DeciderSpec<C, E, S> extends GivenStep<C, E, S> {
  given(history: readonly E[]): GivenStep<C, E, S>;
}

export function spec<C, E extends DomainEvent, S>(decider: SpecDecider<C, E, S>): DeciderSpec<C, E, S> {
  const given = (history: readonly E[]): GivenStep<C, E, S> => ({
    state: () => fold(decider, history),
    when(command) {
      const decided = (): Decided<E, S> => {
        const events = decider.decide(command, fold(decider, history));
        return { events, state: fold(decider, events, fold(decider, history)) };
      };
      return {
        decided,
        then(expected) {
          const outcome = decided();
          expect(outcome.events).toEqual(expected);
          return outcome;
        },
        thenNothing() {
          expect(decided().events).toEqual([]);
        },
        thenThrows(errorClass, code) {
          let thrown: unknown;
          try {
            decided();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          expect(thrown).toMatchObject({ code });
          return thrown as DomainError;
        },
      };
    },
  });
  return { ...given([]), given };
}
