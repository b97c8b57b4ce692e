import { claimsContract } from './support/api-contract/claims.contract';
import { sdkContract } from './support/api-contract/clients.contract';
import { closeContractStack, startContractStack, type ContractContext } from './support/api-contract/context';
import { operationalRoutes, problemAnswers, servedDocuments } from './support/api-contract/documents.contract';
import { remittancesContract } from './support/api-contract/remittances.contract';
import { feedbackContract, pricingContract, validatorContract, webContract } from './support/api-contract/services.contract';
import { webhooksContract } from './support/api-contract/webhooks.contract';

/**
 * Every route of every service, with good and bad input: each answer must match the OpenAPI document the service serves.
 * One stack for all of them (starting it is the expensive part); the tests live by resource in support/api-contract and
 * are registered here in order, so that the last one sees every operation called.
 */
describe('HTTP answers match the served OpenAPI documents (real Kafka and Postgres)', () => {
  const ctx = {} as ContractContext;

  beforeAll(() => startContractStack(ctx));

  afterAll(() => closeContractStack(ctx));

  servedDocuments(ctx);
  claimsContract(ctx);
  remittancesContract(ctx);
  validatorContract(ctx);
  pricingContract(ctx);
  feedbackContract(ctx);
  operationalRoutes(ctx);
  webContract(ctx);
  problemAnswers(ctx);
  sdkContract(ctx);
  webhooksContract(ctx);

  it('every documented operation was called and every answer matched its document', () => {
    const problems = Object.values(ctx.clients).flatMap((c) => c.problems);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(Object.entries(ctx.clients).map(([s, c]) => [s, c.uncalled()]))).toEqual({
      ingest: [],
      validator: [],
      pricing: [],
      feedback: [],
      web: [],
    });
  });
});
