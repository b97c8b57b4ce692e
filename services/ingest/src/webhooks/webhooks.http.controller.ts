import { BadRequestException, Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CreateWebhookSchema } from '@claimflow/contracts';
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { mediaType } from '../http/content-type';
import { jsonBody, sizeInBytes } from '../http/limited-body';
import { WebhooksHandler } from './webhooks.handler';

/** A webhook's request body is small: a URL and a few event names. */
const MAX_WEBHOOK_BODY = '16kb';

/** /v1/webhooks: the caller's own webhooks (a key with claims:read: webhooks carry what it reads). */
@Controller('v1/webhooks')
export class WebhooksHttpController {
  constructor(
    private readonly handler: WebhooksHandler,
    private readonly audit: AuditLog,
  ) {}

  @Post()
  @RequireScopes('claims:read')
  async create(
    @Caller() caller: CallerIdentity,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (mediaType(contentType) !== 'application/json')
      throw new UnsupportedMediaTypeException({ code: 'UNSUPPORTED_CONTENT_TYPE', message: 'send the webhook as application/json' });
    // Read whole and checked (UTF-8, syntax, NUL) unless a body parser already read it.
    const json = req.readableEnded ? body : await jsonBody(req, req.headers['content-length'], sizeInBytes(MAX_WEBHOOK_BODY));
    const parsed = CreateWebhookSchema.safeParse(json);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', code: 'FIELD_INVALID', message: i.message }));
      throw new BadRequestException({ code: 'BODY_INVALID', message: 'check url and events', errors });
    }
    const created = await this.handler.create(caller.owner, parsed.data);
    this.audit.record({ action: 'webhook.create', result: 'ok', keyId: caller.keyId, owner: caller.owner, resources: [created.id] });
    res.status(HttpStatus.CREATED).location(`/v1/webhooks/${created.id}`);
    return created;
  }

  @Get()
  @RequireScopes('claims:read')
  async list(@Caller() caller: CallerIdentity) {
    return { webhooks: await this.handler.list(caller.owner) };
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequireScopes('claims:read')
  async delete(@Caller() caller: CallerIdentity, @Param('id') id: string): Promise<void> {
    await this.handler.delete(caller.owner, id);
    this.audit.record({ action: 'webhook.delete', result: 'ok', keyId: caller.keyId, owner: caller.owner, resources: [id] });
  }

  @Post(':id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @RequireScopes('claims:read')
  async rotate(@Caller() caller: CallerIdentity, @Param('id') id: string) {
    const rotated = await this.handler.rotate(caller.owner, id);
    this.audit.record({ action: 'webhook.rotate-secret', result: 'ok', keyId: caller.keyId, owner: caller.owner, resources: [id] });
    return rotated;
  }
}
