import type { ClaimLifecycleState } from '@claimflow/domain';
import { decideAll, type ClaimCommandOn, type ClaimDecision, type DecisionStore } from './decide-all';

const normalized: ClaimLifecycleState = { status: 'normalized' };
const pricing = (claimId: string, meta: string): ClaimCommandOn<string> => ({
  claimId,
  command: { type: 'RecordPricing', result: { pricing: meta } },
  meta,
});
const validation = (claimId: string, meta: string): ClaimCommandOn<string> => ({
  claimId,
  command: { type: 'RecordValidation', result: { validation: meta } },
  meta,
});

/** A store whose claims move behind the handler's back `moves` times (the append finds them elsewhere). */
function store(states: Record<string, ClaimLifecycleState>, moves = 0) {
  const appended: ClaimDecision<string>[][] = [];
  const loads: string[][] = [];
  const s: DecisionStore<string> = {
    load: async (ids) => {
      loads.push([...ids]);
      return new Map(ids.filter((id) => states[id]).map((id) => [id, states[id]]));
    },
    append: async (decisions) => {
      appended.push([...decisions]);
      if (moves-- > 0) return new Set(decisions.map((d) => d.claimId));
      for (const d of decisions) states[d.claimId] = d.to;
      return new Set();
    },
  };
  return { s, appended, loads };
}

describe('decideAll (load, decide, append guarded, decide again on a conflict)', () => {
  it("decides each claim's commands in order, each on the state the one before left", async () => {
    const { s } = store({ a: normalized });
    const { decided, moved } = await decideAll(s, [validation('a', 'v1'), pricing('a', 'p1'), pricing('a', 'p2')]);
    expect(moved).toEqual([]);
    expect(decided).toHaveLength(1);
    expect(decided[0].from).toEqual(normalized);
    expect(decided[0].events.map((e) => e.type)).toEqual(['ClaimValidated', 'ClaimPriced']);
    expect(decided[0].to).toEqual({ status: 'priced', validated: true });
    expect(decided[0].accepted.map((a) => a.meta)).toEqual(['v1', 'p1']);
    expect(decided[0].refused).toEqual([expect.objectContaining({ meta: 'p2', code: 'ALREADY_FINAL', status: 'priced' })]);
  });

  it('refuses a command on a claim never recorded, naming why', async () => {
    const { s } = store({});
    const { decided } = await decideAll(s, [pricing('nobody', 'p')]);
    expect(decided[0].events).toEqual([]);
    expect(decided[0].refused).toEqual([expect.objectContaining({ code: 'UNKNOWN_CLAIM', status: 'unknown' })]);
  });

  it('loads again and decides again what the append found moved', async () => {
    const { s, loads, appended } = store({ a: normalized }, 1);
    const { decided, moved } = await decideAll(s, [pricing('a', 'p')]);
    expect(moved).toEqual([]);
    expect(loads).toEqual([['a'], ['a']]);
    expect(appended).toHaveLength(2);
    expect(decided.map((d) => d.to.status)).toEqual(['priced']);
  });

  it('gives back the commands of a claim still moving after the last attempt, with nothing of theirs decided', async () => {
    const { s, appended } = store({ a: normalized }, 5);
    const { decided, moved } = await decideAll(s, [pricing('a', 'p')]);
    expect(appended).toHaveLength(3);
    expect(decided).toEqual([]);
    expect(moved.map((m) => m.meta)).toEqual(['p']);
  });
});
