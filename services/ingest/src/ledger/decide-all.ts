import {
  claimLifecycle,
  foldClaim,
  type ClaimCommand,
  type ClaimEvent,
  type ClaimLifecycleErrorCode,
  type ClaimLifecycleState,
} from '@claimflow/domain';

/** A lifecycle command on one claim, with what its caller needs back (the message it came in, the submission…). */
export interface ClaimCommandOn<M> {
  readonly claimId: string;
  readonly command: ClaimCommand;
  readonly meta: M;
}

/** What the lifecycle decided on one claim's commands, taken in order, each on the state the one before left. */
export interface ClaimDecision<M> {
  readonly claimId: string;
  /** The state the decision was taken on: the append applies only if the claim is still there. */
  readonly from: ClaimLifecycleState;
  readonly events: readonly ClaimEvent[];
  readonly to: ClaimLifecycleState;
  readonly accepted: readonly ClaimCommandOn<M>[];
  readonly refused: readonly (ClaimCommandOn<M> & { readonly code: ClaimLifecycleErrorCode; readonly status: string })[];
}

/** Where decisions are loaded from and appended to. */
export interface DecisionStore<M> {
  /** The state of these claims; a claim missing from the answer is one never seen. */
  load(claimIds: readonly string[]): Promise<ReadonlyMap<string, ClaimLifecycleState>>;
  /** Appends the decisions, each guarded by the state it was taken on; answers the claims that moved (nothing of theirs written). */
  append(decisions: readonly ClaimDecision<M>[]): Promise<ReadonlySet<string>>;
}

/** Decisions on claims that moved meanwhile are taken again on their new state, this many times in all. */
const ATTEMPTS = 3;

/** Runs the lifecycle decider over each claim's commands in order, from its loaded state. */
export function decideEach<M>(
  commands: readonly ClaimCommandOn<M>[],
  states: ReadonlyMap<string, ClaimLifecycleState>,
): ClaimDecision<M>[] {
  type Open = { -readonly [K in keyof ClaimDecision<M>]: ClaimDecision<M>[K] } & {
    events: ClaimEvent[];
    accepted: ClaimCommandOn<M>[];
    refused: ClaimDecision<M>['refused'][number][];
  };
  const byClaim = new Map<string, Open>();
  for (const on of commands) {
    const from = states.get(on.claimId) ?? claimLifecycle.initialState();
    const current = byClaim.get(on.claimId) ?? { claimId: on.claimId, from, to: from, events: [], accepted: [], refused: [] };
    byClaim.set(on.claimId, current);
    const decision = claimLifecycle.decide(on.command, current.to);
    if (!decision.ok) {
      current.refused.push({ ...on, code: decision.error.code, status: decision.error.status });
      continue;
    }
    current.events.push(...decision.value);
    current.accepted.push(on);
    current.to = foldClaim(decision.value, current.to);
  }
  return [...byClaim.values()];
}

/**
 * The ledger's one command handler, after Emmett's handleCommand (event-driven-io/emmett), for many claims at once:
 * load their states, decide with the lifecycle, append guarded by the states decided on, and decide again (on the new
 * state) what was refused for a claim that moved meanwhile. Answers the decisions appended, and the commands of claims
 * still moving after the last attempt (nothing of theirs written: their caller retries later, or fails).
 */
export async function decideAll<M>(
  store: DecisionStore<M>,
  commands: readonly ClaimCommandOn<M>[],
  attempts = ATTEMPTS,
): Promise<{ decided: ClaimDecision<M>[]; moved: ClaimCommandOn<M>[] }> {
  const decided: ClaimDecision<M>[] = [];
  let pending = commands;
  for (let attempt = 1; pending.length > 0 && attempt <= attempts; attempt++) {
    const states = await store.load([...new Set(pending.map((c) => c.claimId))]);
    const decisions = decideEach(pending, states);
    const moved = await store.append(decisions);
    decided.push(...decisions.filter((d) => !moved.has(d.claimId)));
    pending = pending.filter((c) => moved.has(c.claimId));
  }
  return { decided, moved: [...pending] };
}
