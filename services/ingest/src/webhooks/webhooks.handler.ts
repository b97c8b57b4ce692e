import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { MAX_WEBHOOKS_PER_OWNER, type CreateWebhook, type Webhook, type WebhookWithSecret } from '@claimflow/contracts';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { checkReceiver, type ReceiverPolicy } from './receiver-address';
import { WebhookRepository, type WebhookRow } from './webhook.repository';
import { WebhookSecrets } from './webhook-secrets';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const webhookNotFound = () => new NotFoundException({ code: 'WEBHOOK_NOT_FOUND', message: 'no webhook of yours has this id' });

const view = (row: WebhookRow): Webhook => ({
  id: row.id,
  url: row.url,
  events: row.events,
  createdAt: row.createdAt.toISOString(),
  links: { deliveries: `/v1/webhooks/${row.id}/deliveries` },
});

/** Creating, listing, deleting webhooks and rotating their secrets, for one owner at a time. */
@Injectable()
export class WebhooksHandler {
  private readonly policy: ReceiverPolicy;

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly secrets: WebhookSecrets,
    @Inject(INGEST_CONFIG) config: IngestConfig,
  ) {
    this.policy = { allowedHosts: config.WEBHOOK_ALLOWED_HOSTS, production: config.NODE_ENV === 'production' };
  }

  async create(owner: string, request: CreateWebhook): Promise<WebhookWithSecret> {
    const receiver = await checkReceiver(request.url, this.policy);
    if (!receiver.ok) {
      const message = `the receiver is refused: ${receiver.reason}`;
      throw new UnprocessableEntityException({
        code: 'WEBHOOK_URL_REFUSED',
        message,
        errors: [{ path: 'url', code: 'URL_REFUSED', message }],
      });
    }
    if ((await this.webhooks.count(owner)) >= MAX_WEBHOOKS_PER_OWNER)
      throw new ConflictException({ code: 'WEBHOOK_LIMIT', message: `at most ${MAX_WEBHOOKS_PER_OWNER} webhooks; delete one first` });
    const row: WebhookRow = { id: randomUUID(), url: receiver.url.href, events: [...request.events], createdAt: new Date() };
    const secret = this.secrets.create();
    await this.webhooks.create(owner, row, this.secrets.seal(secret, row.id));
    return { ...view(row), secret };
  }

  async list(owner: string): Promise<Webhook[]> {
    return (await this.webhooks.list(owner)).map(view);
  }

  /** The owner's webhook, or 404 (another owner's webhook is not told apart from none). */
  async get(owner: string, id: string): Promise<Webhook> {
    const row = UUID.test(id) ? await this.webhooks.find(owner, id) : undefined;
    if (!row) throw webhookNotFound();
    return view(row);
  }

  async delete(owner: string, id: string): Promise<void> {
    if (!UUID.test(id) || !(await this.webhooks.delete(owner, id))) throw webhookNotFound();
  }

  async rotate(owner: string, id: string): Promise<WebhookWithSecret> {
    const hook = await this.get(owner, id);
    const secret = this.secrets.create();
    if (!(await this.webhooks.replaceSecret(owner, id, this.secrets.seal(secret, id)))) throw webhookNotFound();
    return { ...hook, secret };
  }
}

export const isUuid = (s: string) => UUID.test(s);
