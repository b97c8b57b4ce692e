import type { KafkaContext } from '@nestjs/microservices';
import { z } from 'zod';
import { envelopeToHeaders, rootEnvelope } from '@claimflow/contracts';
import type { DeadLetterInput, DeadLetterPublisher } from './dead-letter.publisher';
import { claimIdOfMessage } from './claim-id';
import { InboundProcessor } from './inbound';
import { BrokerUnavailableError } from './broker-failure';
import { RetriableError } from './retry';

const Body = z.object({ type: z.literal('Ping.v1'), n: z.number() });

function contextOf(value: string, headers: Record<string, string> = envelopeToHeaders(rootEnvelope('Ping.v1'))): KafkaContext {
  const message = { key: Buffer.from('claim-1'), value: Buffer.from(value), headers, offset: '7', timestamp: '0', attributes: 0, size: 0 };
  return { getMessage: () => message, getTopic: () => 'pings.v1', getPartition: () => 0 } as unknown as KafkaContext;
}

describe('InboundProcessor', () => {
  let deadLetters: DeadLetterInput[];
  let inbound: InboundProcessor;
  let publisher: DeadLetterPublisher;

  beforeEach(() => {
    deadLetters = [];
    publisher = { send: async (input: DeadLetterInput) => void deadLetters.push(input) } as unknown as DeadLetterPublisher;
    inbound = new InboundProcessor(publisher, { brokers: [], clientId: 'test', topicSuffix: '', groupId: 'g' });
  });

  it('hands a valid message to the handler with its envelope and key', async () => {
    const seen: unknown[] = [];
    await inbound.process(contextOf('{"type":"Ping.v1","n":1}'), Body, async (m) => void seen.push(m));
    expect(seen).toEqual([
      expect.objectContaining({ body: { type: 'Ping.v1', n: 1 }, key: 'claim-1', envelope: expect.objectContaining({ type: 'Ping.v1' }) }),
    ]);
    expect(deadLetters).toEqual([]);
  });

  it('dead-letters a message without its envelope, naming the missing headers', async () => {
    await inbound.process(contextOf('{"type":"Ping.v1","n":1}', {}), Body, async () => undefined);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].reason.code).toBe('INVALID_ENVELOPE');
    expect(deadLetters[0].reason.message).toContain('correlationId');
  });

  it('dead-letters a body that breaks its contract, with every field error', async () => {
    let called = false;
    await inbound.process(contextOf('{"type":"Ping.v1","n":"one"}'), Body, async () => void (called = true));
    expect(called).toBe(false);
    expect(deadLetters[0].reason).toMatchObject({ code: 'INVALID_MESSAGE', errors: [{ path: 'n', code: 'SCHEMA_VIOLATION' }] });
  });

  it('retries a transient failure and does not dead-letter once it succeeds', async () => {
    let calls = 0;
    await inbound.process(contextOf('{"type":"Ping.v1","n":1}'), Body, async () => {
      if (++calls < 3) throw new RetriableError('database restarting');
    });
    expect(calls).toBe(3);
    expect(deadLetters).toEqual([]);
  });

  it('dead-letters a message whose handler fails for good, once, with the reason', async () => {
    let calls = 0;
    await inbound.process(contextOf('{"type":"Ping.v1","n":1}'), Body, async () => {
      calls++;
      throw new Error('price table corrupt');
    });
    expect(calls).toBe(1);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].reason).toMatchObject({ code: 'HANDLER_FAILED', message: 'price table corrupt' });
    expect(deadLetters[0].claimId).toBe('claim-1');
  });

  describe('with the database classification given (a service with a database)', () => {
    const away = () => Object.assign(new Error('Connection terminated unexpectedly'), { databaseAway: true });
    const isTransient = (error: unknown) => (error as { databaseAway?: boolean }).databaseAway === true;
    const holding = () =>
      new InboundProcessor(publisher, { brokers: [], clientId: 'test', topicSuffix: '', groupId: 'g' }, undefined, isTransient);

    it('holds a message through an outage longer than its retries, and never dead-letters it', async () => {
      let calls = 0;
      await holding().process(contextOf('{"type":"Ping.v1","n":1}'), Body, async () => {
        if (++calls < 7) throw away();
      });
      expect(calls).toBe(7);
      expect(deadLetters).toEqual([]);
    }, 20_000);

    it('leaves the message uncommitted (throws) instead of holding it once the service stops', async () => {
      const processor = holding();
      processor.beforeApplicationShutdown();
      await expect(
        processor.process(contextOf('{"type":"Ping.v1","n":1}'), Body, async () => {
          throw away();
        }),
      ).rejects.toThrow('Connection terminated');
      expect(deadLetters).toEqual([]);
    }, 20_000);
  });

  it('holds a message whose result the cluster would not take (a leader election, say) instead of dead-lettering it', async () => {
    let calls = 0;
    await inbound.process(contextOf('{"type":"Ping.v1","n":1}'), Body, async () => {
      if (++calls < 7) throw new BrokerUnavailableError('the cluster did not take the batch');
    });
    expect(calls).toBe(7);
    expect(deadLetters).toEqual([]);
  }, 20_000);

  it('lets a failure to dead-letter propagate, so that Kafka delivers the message again', async () => {
    const failing = { send: async () => Promise.reject(new Error('broker down')) } as unknown as DeadLetterPublisher;
    const processor = new InboundProcessor(failing, { brokers: [], clientId: 'test', topicSuffix: '', groupId: 'g' });
    await expect(processor.process(contextOf('not json'), Body, async () => undefined)).rejects.toThrow('broker down');
  });

  describe('on a claim topic (claimIdOf given)', () => {
    const claimTopic = { claimIdOf: claimIdOfMessage };

    it('names the claim in the dead letter of a message without its envelope', async () => {
      await inbound.process(contextOf('{"type":"Ping.v1","n":1}', {}), Body, async () => undefined, claimTopic);
      expect(deadLetters[0]).toMatchObject({ reason: { code: 'INVALID_ENVELOPE' }, claimId: 'claim-1' });
    });

    it('names the claim in the dead letter of a body that breaks its contract', async () => {
      await inbound.process(contextOf('{"type":"Ping.v1","n":"one"}'), Body, async () => undefined, claimTopic);
      expect(deadLetters[0]).toMatchObject({ reason: { code: 'INVALID_MESSAGE' }, claimId: 'claim-1' });
    });

    it('names the claim in the dead letter of a handler that fails for good', async () => {
      await inbound.process(
        contextOf('{"type":"Ping.v1","n":1}'),
        Body,
        async () => {
          throw new Error('price table corrupt');
        },
        claimTopic,
      );
      expect(deadLetters[0]).toMatchObject({ reason: { code: 'HANDLER_FAILED' }, claimId: 'claim-1' });
    });
  });

  it('names no claim in the dead letter of a broken contract when not told how (a denial report is no claim)', async () => {
    await inbound.process(contextOf('{"type":"Ping.v1","n":"one"}'), Body, async () => undefined);
    expect(deadLetters[0].claimId).toBeUndefined();
  });
});
