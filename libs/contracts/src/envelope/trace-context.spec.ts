import { childEnvelope, envelopeFromHeaders, envelopeToHeaders, rootEnvelope } from './envelope-headers';
import { nextTraceparent, traceIdOf, TRACEPARENT_PATTERN } from './trace-context';

const incoming = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('W3C trace context', () => {
  it('continues a caller trace with a new span id and the same flags', () => {
    const next = nextTraceparent(incoming);
    expect(next).toMatch(TRACEPARENT_PATTERN);
    expect(traceIdOf(next)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(next.split('-')[2]).not.toBe('00f067aa0ba902b7');
    expect(next.endsWith('-01')).toBe(true);
  });

  it('starts a new sampled trace when the caller sent none or a malformed one', () => {
    for (const parent of [undefined, 'not-a-traceparent', '00-00000000000000000000000000000000-00f067aa0ba902b7-01']) {
      const next = nextTraceparent(parent);
      expect(next).toMatch(TRACEPARENT_PATTERN);
      expect(traceIdOf(next)).not.toBe('00000000000000000000000000000000');
    }
  });

  it('draws distinct ids across refills of its random pool (4 KB: 512 span ids)', () => {
    const spans = Array.from({ length: 2_000 }, () => nextTraceparent(incoming).split('-')[2]);
    const traces = Array.from({ length: 300 }, () => traceIdOf(nextTraceparent()));
    expect(new Set(spans).size).toBe(spans.length);
    expect(new Set(traces).size).toBe(traces.length);
    expect(spans.every((s) => /^[0-9a-f]{16}$/.test(s!))).toBe(true);
  });

  it('carries the trace from an HTTP request through every hop in the Kafka headers', () => {
    const root = rootEnvelope('ClaimNormalized.v1', 'corr-1', new Date(), incoming);
    const headers = envelopeToHeaders(root);
    expect(headers.traceparent).toBe(root.traceparent);
    const read = envelopeFromHeaders(headers);
    const child = childEnvelope(read.ok ? read.value : root, 'ClaimValidated.v1');
    expect(traceIdOf(child.traceparent)).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child.traceparent).not.toBe(root.traceparent);
  });

  it('accepts a message without trace headers, and drops a malformed one instead of dead-lettering', () => {
    const headers = envelopeToHeaders({ ...rootEnvelope('ClaimNormalized.v1'), traceparent: undefined });
    // Accepted, with no traceparent (the key left out).
    for (const read of [envelopeFromHeaders(headers), envelopeFromHeaders({ ...headers, traceparent: 'garbage' })]) {
      expect(read.ok).toBe(true);
      expect(read.ok && 'traceparent' in read.value).toBe(false);
    }
  });
});
