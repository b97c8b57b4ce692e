import { replay, type Decider } from '../../shared/decider';
import { claimLifecycle, foldClaim, isFinalStatus, storedClaimState, type ClaimEvent } from './claim-lifecycle';

/** given(events).when(command).then(events) / .thenRefuses(error): the rules read as sentences. */
function specification<C, S, E, X>(decider: Decider<C, S, E, X>) {
  return (...given: E[]) => ({
    when: (command: C) => {
      const decision = () => decider.decide(command, replay(decider, given));
      return {
        then: (...expected: E[]) => expect(decision()).toEqual({ ok: true, value: expected }),
        thenRefuses: (error: Partial<X>) => expect(decision()).toEqual({ ok: false, error: expect.objectContaining(error) }),
      };
    },
  });
}

const given = specification(claimLifecycle);
const received: ClaimEvent = { type: 'ClaimReceived' };
const normalized: ClaimEvent = { type: 'ClaimNormalized' };
const validated: ClaimEvent = { type: 'ClaimValidated', result: { validation: 'v' } };
const priced: ClaimEvent = { type: 'ClaimPriced', result: { pricing: 'p' } };
const rejected: ClaimEvent = { type: 'ClaimRejected', errors: [{ code: 'X' }] };

describe('claim lifecycle', () => {
  describe('intake', () => {
    it('records a normalized claim as received, then normalized', () =>
      given().when({ type: 'RecordNormalized' }).then(received, normalized));

    it('records a claim that could not be normalized as received, then rejected', () =>
      given()
        .when({ type: 'RecordIntakeRejection', errors: [{ code: 'X' }] })
        .then(received, rejected));

    it('refuses to record the same claim twice', () =>
      given(received, normalized).when({ type: 'RecordNormalized' }).thenRefuses({ code: 'ALREADY_RECORDED', status: 'normalized' }));
  });

  describe('results', () => {
    it('validates a normalized claim', () =>
      given(received, normalized)
        .when({ type: 'RecordValidation', result: { validation: 'v' } })
        .then(validated));

    it('prices a validated claim', () =>
      given(received, normalized, validated)
        .when({ type: 'RecordPricing', result: { pricing: 'p' } })
        .then(priced));

    it('prices a claim whose validation result has not arrived yet (different topics)', () =>
      given(received, normalized)
        .when({ type: 'RecordPricing', result: { pricing: 'p' } })
        .then(priced));

    it('rejects a claim in flight', () =>
      given(received, normalized, validated)
        .when({ type: 'RecordRejection', errors: [{ code: 'X' }] })
        .then(rejected));

    it('counts a second validation as a duplicate', () =>
      given(received, normalized, validated)
        .when({ type: 'RecordValidation', result: {} })
        .thenRefuses({ code: 'DUPLICATE_RESULT', status: 'validated' }));

    it.each([
      ['priced' as const, [received, normalized, priced]],
      ['rejected' as const, [received, normalized, rejected]],
    ])('gives a %s claim no second final result', (status, history) => {
      given(...history)
        .when({ type: 'RecordPricing', result: {} })
        .thenRefuses({ code: 'ALREADY_FINAL', status });
      given(...history)
        .when({ type: 'RecordRejection', errors: [] })
        .thenRefuses({ code: 'ALREADY_FINAL', status });
    });

    it('gives a rejected claim no validation either', () =>
      given(received, normalized, rejected)
        .when({ type: 'RecordValidation', result: {} })
        .thenRefuses({ code: 'ALREADY_FINAL', status: 'rejected' }));

    it.each([
      ['replaced' as const, { type: 'ClaimReplaced', by: 'b' } as const],
      ['voided' as const, { type: 'ClaimVoided', by: 'v' } as const],
    ])('refuses a validation for a claim %s in flight', (status, supersede) =>
      given(received, normalized, supersede).when({ type: 'RecordValidation', result: {} }).thenRefuses({ code: 'ALREADY_FINAL', status }),
    );
  });

  describe('results in any order (validation and pricing on different topics)', () => {
    const fold = (...events: ClaimEvent[]) => foldClaim(events);

    it('takes a pricing result, which carries its validation, as the validation too', () => {
      expect(fold(received, normalized, priced)).toEqual({ status: 'priced', validated: true });
    });

    it('changes nothing for a validation that arrives after its claim was priced, and counts nothing', () =>
      given(received, normalized, priced)
        .when({ type: 'RecordValidation', result: { validation: 'v' } })
        .then());

    it('changes nothing either for a priced claim replaced since, which keeps both facts', () => {
      given(received, normalized, priced, { type: 'ClaimReplaced', by: 'b' })
        .when({ type: 'RecordValidation', result: { validation: 'v' } })
        .then();
      expect(fold(received, normalized, priced, { type: 'ClaimReplaced', by: 'b' })).toEqual({
        status: 'priced',
        replacedBy: 'b',
        validated: true,
      });
    });

    it('changes nothing for a claim validated then priced', () =>
      given(received, normalized, validated, priced).when({ type: 'RecordValidation', result: {} }).then());

    it('remembers the validation through pricing', () => {
      expect(fold(received, normalized, validated, priced)).toEqual({ status: 'priced', validated: true });
    });

    it.each(['RecordValidation', 'RecordPricing', 'RecordRejection'] as const)('refuses %s for a claim it never recorded', (type) =>
      given()
        .when(type === 'RecordRejection' ? { type, errors: [] } : { type, result: {} })
        .thenRefuses({ code: 'UNKNOWN_CLAIM', status: 'unknown' }),
    );
  });

  describe('replacement and void', () => {
    it('ends a claim still in flight as replaced', () => {
      given(received, normalized).when({ type: 'Supersede', by: 'b', kind: 'replace' }).then({ type: 'ClaimReplaced', by: 'b' });
      const state = foldClaim([received, normalized, { type: 'ClaimReplaced', by: 'b' }]);
      expect(state).toEqual({ status: 'replaced', replacedBy: 'b' });
    });

    it('voids a claim in flight, after which its late results are refused', () => {
      given(received, normalized).when({ type: 'Supersede', by: 'v', kind: 'void' }).then({ type: 'ClaimVoided', by: 'v' });
      given(received, normalized, { type: 'ClaimVoided', by: 'v' })
        .when({ type: 'RecordPricing', result: {} })
        .thenRefuses({ code: 'ALREADY_FINAL', status: 'voided' });
    });

    it('keeps the result of a claim already final, noting what replaced it', () => {
      const state = foldClaim([received, normalized, priced, { type: 'ClaimReplaced', by: 'b' }]);
      expect(state).toEqual({ status: 'priced', replacedBy: 'b', validated: true });
    });

    it('is superseded once', () =>
      given(received, normalized, { type: 'ClaimReplaced', by: 'b' })
        .when({ type: 'Supersede', by: 'c', kind: 'replace' })
        .thenRefuses({ code: 'ALREADY_SUPERSEDED' }));

    it('refuses to supersede a claim it never recorded', () =>
      given().when({ type: 'Supersede', by: 'b', kind: 'void' }).thenRefuses({ code: 'UNKNOWN_CLAIM' }));
  });

  it('knows which statuses are final', () => {
    expect(['priced', 'rejected', 'replaced', 'voided'].every(isFinalStatus)).toBe(true);
    expect(['received', 'normalized', 'validated', 'unknown'].some(isFinalStatus)).toBe(false);
  });

  describe('a stored claim read back', () => {
    it('is the state its columns say, without what it does not have', () => {
      expect(storedClaimState({ status: 'priced', replacedBy: 'b', validated: true })).toEqual({
        status: 'priced',
        replacedBy: 'b',
        validated: true,
      });
      expect(storedClaimState({ status: 'normalized', replacedBy: null, validated: false })).toEqual({ status: 'normalized' });
    });

    it('refuses a status the lifecycle does not know, rather than pretend it is one', () => {
      expect(() => storedClaimState({ status: 'unknown' })).toThrow('not a claim lifecycle status');
      expect(() => storedClaimState({ status: 'PRICED' })).toThrow('not a claim lifecycle status');
    });

    it('folds events once, from where it stands', () => {
      const from = storedClaimState({ status: 'normalized' });
      expect(foldClaim([priced], from)).toEqual(replay(claimLifecycle, [priced], from));
      expect(foldClaim([priced], from)).toEqual({ status: 'priced', validated: true });
    });
  });
});
