import type { INestApplication } from '@nestjs/common';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { TOPICS, TOPICS_V1, envelopeToHeaders, rootEnvelope, type ClaimPricedV1 } from '@claimflow/contracts';
import { ClaimPricer, validateClaim, type Claim, type RefDataCatalog } from '@claimflow/domain';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { startService } from '@claimflow/runtime';
import { INGEST_SERVICE } from '@claimflow/service-ingest';
import { PRICING_SERVICE } from '@claimflow/service-pricing';
import { VALIDATOR_SERVICE } from '@claimflow/service-validator';
import {
  TopicRecorder,
  createTestDatabase,
  kafkaClientSecurity,
  kafkaServiceEnv,
  mintTestKey,
  startInfra,
  uniqueSuffix,
  waitFor,
  type Infra,
  type TestApiKey,
  type TestDatabase,
} from '@claimflow/testing';
import { scenario } from './support/fixtures';
import { getClaim, submit } from './support/http';

interface View {
  status: string;
  claim: Claim;
  result?: Pick<ClaimPricedV1, 'validation' | 'pricing'>;
}

/**
 * A rollover from v1 to v2 loses no claim (real broker and Postgres, the upgraded services): messages the v1 services
 * wrote before they were replaced are consumed from the v1 topics and finish their claims with the answer v1 gave.
 * The validator starts last, so the claims' own normalized.v2 messages wait while the test plays the old services.
 */
describe('claims in flight on v1 topics finish after the upgrade to v2', () => {
  const suffix = `.rollover-${uniqueSuffix()}`;
  let infra: Infra;
  let db: TestDatabase;
  let recorder: TopicRecorder;
  let catalog: RefDataCatalog;
  let key: TestApiKey;
  let ingestUrl: string;
  const apps: INestApplication[] = [];
  const producers: Producer[] = [];

  const env = (name: 'ingest' | 'validator' | 'pricing') => ({
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    TOPIC_SUFFIX: suffix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    REFDATA_FALLBACK: 'latest',
    NODE_ENV: 'test',
    ...kafkaServiceEnv(name, infra.kafkaBrokers),
  });
  /** The old service's principal, which its v1 output topic allows. */
  const producerOf = async (principal: 'ingest' | 'validator' | 'pricing') => {
    const kafka = new Kafka({
      clientId: `rollover-${principal}`,
      brokers: infra.kafkaBrokers,
      logLevel: logLevel.NOTHING,
      ...kafkaClientSecurity(principal, infra.kafkaBrokers),
    });
    const producer = kafka.producer();
    await producer.connect();
    producers.push(producer);
    return producer;
  };
  const publishV1 = async (
    principal: 'ingest' | 'validator' | 'pricing',
    topic: string,
    claimId: string,
    body: { type: string; claim: Claim } & Record<string, unknown>,
  ) => {
    const envelope = rootEnvelope(body.type, `rollover-${claimId}`);
    await (
      await producerOf(principal)
    ).send({
      topic: topic + suffix,
      messages: [{ key: claimId, value: JSON.stringify(body), headers: envelopeToHeaders(envelope) }],
    });
    return envelope.id;
  };
  /** A demo claim submitted to the upgraded ingest, as it recorded it (normalized: no validator is running yet). */
  const submitted = async (name: string): Promise<Claim> => {
    const { body } = await submit(ingestUrl, scenario(name), 'application/json', key.headers);
    const view = await getClaim<View>(ingestUrl, body.claims[0].claimId, '0s', 'application/json', key.headers);
    expect(view.status).toBe('normalized');
    return view.claim;
  };
  const final = (claimId: string) =>
    waitFor(
      async () => {
        const view = await getClaim<View>(ingestUrl, claimId, '1s', 'application/json', key.headers);
        return view.status === 'priced' && view;
      },
      { description: `claim ${claimId} priced`, timeoutMs: 60_000 },
    );
  /** What the v1 services answered: the whole validation and pricing, worked out here with the domain. */
  const v1Result = (claim: Claim) => {
    const validation = validateClaim(claim, catalog, { refdataFallback: 'latest' });
    const priced = new ClaimPricer(catalog, { refdataFallback: 'latest', allowNational: false }).price(claim, validation);
    if (!priced.ok) throw new Error('a demo scenario that does not price');
    return { validation, pricing: { kind: 'priced' as const, ...priced.value } };
  };

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    catalog = await loadDefaultCatalog();
    recorder = await TopicRecorder.start(infra.kafkaBrokers, [TOPICS.claimsValidated + suffix], `rollover-recorder${suffix}`);
    key = await mintTestKey(db.url, { owner: 'rollover', scopes: ['claims:submit', 'claims:read'] });
    const ingest = await startService(INGEST_SERVICE, { ...env('ingest'), DATABASE_URL: db.urls.ingest });
    apps.push(ingest, await startService(PRICING_SERVICE, env('pricing')));
    ingestUrl = (await ingest.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await Promise.all(producers.map((p) => p.disconnect()));
    await Promise.all(apps.map((a) => a.close()));
    await recorder?.stop();
    await db?.drop();
    await infra?.stop();
  });

  it('prices a ClaimValidated.v1 of the old validator and records its claim with the answer v1 gave', async () => {
    const claim = await submitted('lesi-62323-77003-pos11');
    const expected = v1Result(claim);
    await publishV1('validator', TOPICS_V1.claimsValidated, claim.claimId, {
      type: 'ClaimValidated.v1',
      claim,
      validation: expected.validation,
    });
    const view = await final(claim.claimId);
    expect(view.result).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('records a ClaimPriced.v1 of the old pricing service as its claim result', async () => {
    const claim = await submitted('biopsy-21550-77002');
    const expected = v1Result(claim);
    await publishV1('pricing', TOPICS_V1.claimsPriced, claim.claimId, { type: 'ClaimPriced.v1', claim, ...expected });
    const view = await final(claim.claimId);
    expect(view.result).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('validates a ClaimNormalized.v1 of the old ingest (its outbox draining) into the v2 pipeline', async () => {
    const claim = await submitted('picc-36569-77001');
    const v1Id = await publishV1('ingest', TOPICS_V1.claimsNormalized, claim.claimId, { type: 'ClaimNormalized.v1', claim });
    apps.push(await startService(VALIDATOR_SERVICE, env('validator')));
    await waitFor(() => recorder.on(TOPICS.claimsValidated + suffix).some((m) => m.headers['cf-causation-id'] === v1Id), {
      description: 'the validator answering the v1 message on claims.validated.v2',
      timeoutMs: 60_000,
    });
    const view = await final(claim.claimId);
    expect(view.result).toEqual(JSON.parse(JSON.stringify(v1Result(claim))));
  });
});
