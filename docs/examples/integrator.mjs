// A practice-management system over HTTP with the SDK (libs/sdk): registers a webhook with a receiver on 127.0.0.1,
// submits an 837P, waits for each claim's signed claim.final event, lists the submission's claims, looks one up by
// its own number, and prints the 999 and a 277CA.
// Run from the repository after `npm run demo` (which builds the SDK into dist/, allows receivers on 127.0.0.1 and
// prints a demo API key):
//   CLAIMFLOW_API_KEY=<the demo key> node docs/examples/integrator.mjs [an-837p.x12]
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import sdk from '../../dist/libs/sdk/src/index.js';

const { createIngestClient, createWebhook, deleteWebhook, webhookReceiver, submitClaims, getSubmission } = sdk;
const { findClaimsBySubmitterClaimId, getSubmission999, getClaim277ca, ClaimFlowProblem } = sdk;
const ingest = createIngestClient({
  baseUrl: process.env.CLAIMFLOW_URL ?? 'http://127.0.0.1:3001',
  apiKey: process.env.CLAIMFLOW_API_KEY,
});
const file = process.argv[2] ?? new URL('../../libs/domain/src/intake/__fixtures__/x12/mixed-claims.x12', import.meta.url);
// The fixture's claim numbers (CLM01) made unique per run, so a second run is new claims, not duplicates.
const run = Date.now().toString(36);
const x12 = readFileSync(file, 'utf8').replace(/CLM\*([^*~]+)\*/g, (_, id) => `CLM*${id}-${run}*`);

// 1. A receiver: every delivery's signature verified (Standard Webhooks) before its event is counted.
const finals = new Map(); // claimId -> claim.final event
let secret = '';
let heard = () => {};
const receiver = createServer(
  webhookReceiver({
    secret: () => secret, // set once the webhook is created (its secret is shown only then)
    onEvent: ({ event }) => {
      finals.set(event.data.claimId, event);
      heard();
    },
  }),
);
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${receiver.address().port}/claimflow`;
let webhook;
try {
  webhook = await createWebhook(ingest, { url, events: ['claim.final'] });
  secret = webhook.secret;
  console.log(`webhook ${webhook.id} -> ${url}`);

  // 2. Submit: one submission with an id of its own, at the Location the 202 names.
  const submitted = await submitClaims(ingest, x12, { contentType: 'application/edi-x12' });
  console.log(`submitted: ${submitted.status}, Location ${submitted.location}`);

  // 3. Wait for the claim.final event of every claim of the submission.
  const { claims } = await getSubmission(ingest, submitted.submissionId);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no claim.final for every claim within 60 s')), 60_000);
    heard = () => {
      if (claims.every((c) => finals.has(c.claimId))) resolve(clearTimeout(timer));
    };
    heard(); // some may have come already
  });
  for (const c of claims) console.log(`claim.final ${finals.get(c.claimId).data.status.padEnd(8)} ${c.claimId} (signature verified)`);

  // 4. The submission's claims, as they are now.
  const submission = await getSubmission(ingest, submitted.submissionId);
  console.log(`submission ${submission.submissionId}: ${submission.claimCount} claims ${JSON.stringify(submission.counts)}`);
  for (const c of submission.claims) console.log(`  ${c.submitterClaimId.padEnd(22)} ${c.status.padEnd(9)} ${c.claimId}`);

  // 5. Look a claim up by the PM system's own number (CLM01).
  const [mine] = await findClaimsBySubmitterClaimId(ingest, submission.claims[0].submitterClaimId);
  console.log(`found by own number ${mine.submitterClaimId}: ${mine.claimId} ${mine.status} edits [${mine.editCodes}]`);

  // 6. The 999 of the interchange, and the 277CA of one claim (a rejected one when there is one): X12, a segment a line.
  console.log(`\n999:\n${await getSubmission999(ingest, submission.submissionId)}`);
  const shown = submission.claims.find((c) => c.status === 'rejected') ?? submission.claims[0];
  console.log(`277CA of ${shown.submitterClaimId}:\n${await getClaim277ca(ingest, shown.claimId)}`);
} catch (e) {
  // A refusal is an RFC 9457 problem: status, stable code, and the fields it names.
  if (!(e instanceof ClaimFlowProblem)) throw e;
  console.error(e.message);
  process.exitCode = 1;
} finally {
  if (webhook) await deleteWebhook(ingest, webhook.id);
  receiver.close();
}
