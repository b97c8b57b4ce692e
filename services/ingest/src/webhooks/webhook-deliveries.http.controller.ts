import { Controller, Get, HttpCode, HttpStatus, NotFoundException, Param, Post } from '@nestjs/common';
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { WebhookRepository } from './webhook.repository';
import { isUuid, WebhooksHandler } from './webhooks.handler';

const deliveryNotFound = () => new NotFoundException({ code: 'DELIVERY_NOT_FOUND', message: 'the webhook has no delivery with this id' });

/** A webhook's deliveries (status, attempts, last response code) and redelivery on request; the owner's only. */
@Controller('v1/webhooks/:id/deliveries')
export class WebhookDeliveriesHttpController {
  constructor(
    private readonly handler: WebhooksHandler,
    private readonly webhooks: WebhookRepository,
    private readonly audit: AuditLog,
  ) {}

  @Get()
  @RequireScopes('claims:read')
  async list(@Caller() caller: CallerIdentity, @Param('id') id: string) {
    const hook = await this.handler.get(caller.owner, id);
    return { deliveries: await this.webhooks.deliveries(hook.id) };
  }

  @Post(':deliveryId/redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @RequireScopes('claims:read')
  async redeliver(@Caller() caller: CallerIdentity, @Param('id') id: string, @Param('deliveryId') deliveryId: string) {
    const hook = await this.handler.get(caller.owner, id);
    const queued = isUuid(deliveryId) ? await this.webhooks.redeliver(hook.id, deliveryId) : undefined;
    if (!queued) throw deliveryNotFound();
    this.audit.record({ action: 'webhook.redeliver', result: 'ok', keyId: caller.keyId, owner: caller.owner, resources: [id, deliveryId] });
    return queued;
  }
}
