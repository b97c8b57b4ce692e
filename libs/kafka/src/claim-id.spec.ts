import { claimIdOfMessage } from './claim-id';

describe('claimIdOfMessage', () => {
  it('is the key: every claim message is keyed by its claim id', () => {
    expect(claimIdOfMessage({ key: Buffer.from('c-1'), value: Buffer.from('not json') })).toBe('c-1');
  });

  it('is the claim id the body names when the key is missing', () => {
    expect(claimIdOfMessage({ key: null, value: Buffer.from('{"claim":{"claimId":"c-2"},"validation":42}') })).toBe('c-2');
    expect(claimIdOfMessage({ key: null, value: Buffer.from('{"claimId":"c-3"}') })).toBe('c-3');
  });

  it('is none when neither names one', () => {
    expect(claimIdOfMessage({ key: null, value: Buffer.from('{"claim":{"claimId":7}}') })).toBeUndefined();
    expect(claimIdOfMessage({ key: null, value: Buffer.from('{{') })).toBeUndefined();
    expect(claimIdOfMessage({ key: null, value: null })).toBeUndefined();
  });
});
