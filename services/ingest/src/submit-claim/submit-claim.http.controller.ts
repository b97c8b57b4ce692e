import { Body, Controller, Headers, HttpStatus, Inject, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { GetClaimHandler } from '../get-claim/get-claim.handler';
import { parseWait } from '../get-claim/wait-param';
import { formatOf } from './content-type';
import { limitedBody, sizeInBytes } from './limited-body';
import { SubmitClaimHandler } from './submit-claim.handler';

const MAX_WAITED_CLAIMS = 100;

@Controller('v1/claims')
export class SubmitClaimHttpController {
  constructor(
    private readonly submitter: SubmitClaimHandler,
    private readonly claims: GetClaimHandler,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  @Post()
  async submit(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('x-submitter-id') submitterId: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Headers('traceparent') traceparent: string | undefined,
    @Query('wait') wait: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const waitMs = parseWait(wait, this.config.INGEST_MAX_WAIT_MS);
    const format = formatOf(contentType);
    // X12 is streamed through the parser unless a text body parser already read it.
    const payload =
      format === 'x12' && typeof body !== 'string'
        ? limitedBody(req, req.headers['content-length'], sizeInBytes(this.config.INGEST_MAX_BODY))
        : body;
    const outcome = await this.submitter.submit({ format, payload, submitterId, correlationId, traceparent });
    // Waiting is for interactive checks; a batch is answered at once and read back by claim id.
    const waitFor = outcome.accepted.length <= MAX_WAITED_CLAIMS ? waitMs : 0;
    const claims = await Promise.all(
      outcome.accepted.map(async (c) => ({
        ...c,
        links: { self: `/v1/claims/${c.claimId}` },
        ...(waitFor > 0 ? { result: await this.claims.get(c.claimId, waitFor) } : {}),
      })),
    );
    const allFinal = waitFor > 0 && claims.every((c) => c.result && ['priced', 'rejected'].includes(c.result.status));
    res.status(claims.length === 0 ? HttpStatus.UNPROCESSABLE_ENTITY : allFinal ? HttpStatus.OK : HttpStatus.ACCEPTED);
    return { format: outcome.format, claims, rejected: outcome.rejected, errors: outcome.errors };
  }
}
