import { childEnvelope, envelopeFromHeaders, envelopeToHeaders, rootEnvelope } from './envelope-headers';

describe('envelope headers', () => {
  it('round-trips through Kafka headers, including Buffer values', () => {
    const envelope = rootEnvelope('ClaimNormalized.v1', 'corr-1', new Date('2025-03-10T12:00:00Z'));
    const headers = Object.fromEntries(Object.entries(envelopeToHeaders(envelope)).map(([k, v]) => [k, Buffer.from(v)]));
    expect(envelopeFromHeaders(headers)).toEqual({ ok: true, value: envelope });
  });

  it('keeps the correlation and points causation at the parent', () => {
    const parent = rootEnvelope('ClaimNormalized.v1', 'corr-1');
    const child = childEnvelope(parent, 'ClaimValidated.v1');
    expect(child).toMatchObject({ correlationId: 'corr-1', causationId: parent.id, type: 'ClaimValidated.v1' });
    expect(child.id).not.toBe(parent.id);
  });

  it('names every missing or malformed header', () => {
    const result = envelopeFromHeaders({ 'cf-message-id': 'x', 'cf-occurred-at': 'yesterday', 'cf-message-type': 'nope' });
    expect(result.ok).toBe(false);
    const text = !result.ok ? result.error : '';
    for (const field of ['correlationId', 'causationId', 'occurredAt', 'type']) expect(text).toContain(field);
  });
});
