import { childEnvelope, envelopeFromHeaders, envelopeToHeaders, replyEnvelope, rootEnvelope } from './envelope-headers';
import { traceIdOf } from './trace-context';

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

  it('derives a reply id from its parent, so a redelivered message yields the same reply id', () => {
    const parent = rootEnvelope('ClaimNormalized.v1', 'corr-1');
    const reply = replyEnvelope(parent, 'ClaimValidated.v1');
    expect(reply).toMatchObject({ correlationId: 'corr-1', causationId: parent.id, type: 'ClaimValidated.v1' });
    expect(replyEnvelope(parent, 'ClaimValidated.v1').id).toBe(reply.id);
    expect(replyEnvelope(parent, 'ClaimPriced.v1').id).not.toBe(reply.id);
    expect(replyEnvelope(rootEnvelope('ClaimNormalized.v1'), 'ClaimValidated.v1').id).not.toBe(reply.id);
    expect(reply.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('derives the same reply id in every release: a message redelivered across an upgrade is still recognised', () => {
    // Computed by the release before replyEnvelope moved from createHash to the one-shot hash.
    const parent = { ...rootEnvelope('ClaimNormalized.v2'), id: '00000000-0000-4000-8000-000000000001' };
    expect(replyEnvelope(parent, 'ClaimValidated.v2').id).toBe('1f753c84-3451-567a-993d-934bf5fd335f');
  });

  it('continues the parent trace in a reply, with a span of its own', () => {
    const parent = rootEnvelope('ClaimNormalized.v1', 'corr-1', undefined, '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    const reply = replyEnvelope(parent, 'ClaimValidated.v1');
    expect(traceIdOf(reply.traceparent)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(reply.traceparent!.split('-')[2]).not.toBe(parent.traceparent!.split('-')[2]);
  });

  it('names every missing or malformed header', () => {
    const result = envelopeFromHeaders({ 'cf-message-id': 'x', 'cf-occurred-at': 'yesterday', 'cf-message-type': 'nope' });
    expect(result.ok).toBe(false);
    const text = !result.ok ? result.error : '';
    for (const field of ['correlationId', 'causationId', 'occurredAt', 'type']) expect(text).toContain(field);
  });
});
