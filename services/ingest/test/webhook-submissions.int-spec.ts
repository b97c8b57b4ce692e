import { Webhook } from 'standardwebhooks';
import { waitFor, WebhookReceiver } from '@claimflow/testing';
import { fixture, startIngest, submissionHeaders, type RunningIngest } from './support/ingest-app';
import { webhookCalls } from './support/webhook-calls';

/** submission.acknowledged on ingest in-process: the real ledger (Postgres), the real broker, a real receiver. */
describe('webhooks: submission.acknowledged', () => {
  let ingest: RunningIngest;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    ingest = await startIngest('webhook_submissions', { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  });

  afterAll(async () => {
    await ingest?.close();
    await receiver?.close();
  });

  const { subscribe } = webhookCalls(
    () => ingest,
    () => receiver,
  );

  it('announces an 837P submission once, signed, with where its 999 is; the 999 is there', async () => {
    const hook = await subscribe(ingest.key, '/subs', ['submission.acknowledged']);
    const res = await fetch(`${ingest.url}/v1/claims`, {
      method: 'POST',
      headers: { ...submissionHeaders(ingest, 'application/edi-x12'), ...ingest.key.headers },
      body: fixture('x12/mixed-claims.x12'),
    });
    expect(res.status).toBe(202);
    const { submissionId } = (await res.json()) as { submissionId: string };
    await waitFor(() => receiver.on('/subs').length === 1, { description: 'the webhook', timeoutMs: 10_000 });
    const got = receiver.on('/subs')[0]!;
    const event = new Webhook(hook.secret).verify(got.body, got.headers as Record<string, string>);
    const ack999 = `/v1/submissions/${submissionId}/999`;
    expect(event).toMatchObject({ type: 'submission.acknowledged', data: { submissionId, format: 'x12', ack999 } });
    expect(got.headers['webhook-id']).toBe(`evt_sa_${submissionId.replaceAll('-', '')}`);
    const answer = await fetch(ingest.url + ack999, { headers: ingest.key.headers });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/^ISA\*/);
  });

  it('announces a JSON submission without a 999, and nothing to a webhook of other events', async () => {
    await subscribe(ingest.key, '/finals', ['claim.final']);
    const res = await fetch(`${ingest.url}/v1/claims`, {
      method: 'POST',
      headers: { ...submissionHeaders(ingest, 'application/json'), ...ingest.key.headers },
      body: fixture('json/lesi-pos22.claim.json'),
    });
    expect(res.status).toBe(202);
    const { submissionId } = (await res.json()) as { submissionId: string };
    await waitFor(() => receiver.on('/subs').length === 2, { description: 'the second webhook', timeoutMs: 10_000 });
    const data = (JSON.parse(receiver.on('/subs')[1]!.body) as { data: Record<string, unknown> }).data;
    expect(data).toEqual({ submissionId, format: 'json' });
    expect(receiver.on('/finals').filter((r) => r.body.includes('submission.acknowledged'))).toHaveLength(0);
  });
});
