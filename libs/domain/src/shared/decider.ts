import type { Result } from './result';

/**
 * A decider: the business rules of one entity as two pure functions. `decide` turns a command and
 * the current state into the events that happened (or an error value when the command does not
 * apply); `evolve` folds an event into the state. Storage only persists what `decide` returned.
 */
export interface Decider<Command, State, Event, Error> {
  readonly initialState: () => State;
  readonly decide: (command: Command, state: State) => Result<readonly Event[], Error>;
  readonly evolve: (state: State, event: Event) => State;
}

/** The state reached from the initial state by these events. */
export function replay<C, S, E, X>(decider: Decider<C, S, E, X>, events: readonly E[], from: S = decider.initialState()): S {
  return events.reduce(decider.evolve, from);
}
