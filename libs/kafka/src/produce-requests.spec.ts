import type { Message } from 'kafkajs';
import { MAX_REQUEST_BYTES, requests } from './produce-requests';

describe('produce requests', () => {
  const message = (key: string, bytes: number): Message => ({ key, value: 'x'.repeat(bytes) });

  it('splits a large batch into requests under the broker limit, keeping every message once and in order', () => {
    const big = MAX_REQUEST_BYTES / 4;
    const byTopic = new Map([
      ['a', Array.from({ length: 6 }, (_, i) => message(`a${i}`, big))],
      ['b', [message('b0', 10), message('b1', 10)]],
    ]);
    const sent = [...requests(byTopic)];
    expect(sent.length).toBe(2);
    for (const request of sent) {
      const bytes = request.flatMap((t) => t.messages).reduce((n, m) => n + String(m.value).length, 0);
      expect(bytes).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    }
    const keys = sent.flatMap((request) => request.flatMap((t) => t.messages.map((m) => `${t.topic}:${m.key}`)));
    expect(keys).toEqual(['a:a0', 'a:a1', 'a:a2', 'a:a3', 'a:a4', 'a:a5', 'b:b0', 'b:b1']);
  });

  it('sends a small batch, several topics included, as one request', () => {
    const sent = [
      ...requests(
        new Map([
          ['a', [message('k', 100)]],
          ['b', [message('k', 100)]],
        ]),
      ),
    ];
    expect(sent).toHaveLength(1);
    expect(sent[0].map((t) => t.topic)).toEqual(['a', 'b']);
  });

  it("counts headers too (a packed record's index): values that fit alone go apart when their headers take them over", () => {
    const half = (key: string): Message => ({
      key,
      value: 'x'.repeat(MAX_REQUEST_BYTES / 2 - 10),
      headers: { 'cf-packed': 'i'.repeat(100) },
    });
    expect([...requests(new Map([['a', [half('a0'), half('a1')]]]))]).toHaveLength(2);
    expect([
      ...requests(
        new Map([
          [
            'a',
            [
              { key: 'a0', value: 'x'.repeat(MAX_REQUEST_BYTES / 2 - 10) },
              { key: 'a1', value: 'x' },
            ],
          ],
        ]),
      ),
    ]).toHaveLength(1);
  });
});
