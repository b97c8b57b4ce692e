import { BadRequestException, Body, Controller, Headers, HttpException, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuditLog, Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { isFinalStatus } from '@claimflow/domain';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { ClaimViews } from '../shared/claim-view/claim-views';
import { parseWait } from '../http/wait-param';
import { formatOf } from '../http/content-type';
import { jsonBody, limitedBody, sizeInBytes } from '../http/limited-body';
import { IntakeUnavailableFilter } from '../http/intake-unavailable';
import { correlationIdOf, submitterIdOf } from './request-headers';
import { submissionRefusal, submissionStatus } from './submission-status';
import { SubmitClaimHandler } from './submit-claim.handler';
import { disagreeingSubmitterField } from './submitter';

const MAX_WAITED_CLAIMS = 100;
/** Acknowledged means committed in Postgres; a request is never held longer than this for a ledger that does not answer. */
const FIRST_WRITE_DEADLINE_MS = 4000;

@Controller('v1/claims')
@UseFilters(IntakeUnavailableFilter)
export class SubmitClaimHttpController {
  constructor(
    private readonly submitter: SubmitClaimHandler,
    private readonly claims: ClaimViews,
    private readonly audit: AuditLog,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  @Post()
  @RequireScopes('claims:submit')
  async submit(
    @Caller() caller: CallerIdentity,
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
    const submitter = submitterIdOf(submitterId);
    const correlation = correlationIdOf(correlationId);
    const max = sizeInBytes(this.config.INGEST_MAX_BODY);
    // X12 is streamed through the parser; JSON is read whole and checked (UTF-8, syntax, NUL) unless a body parser already read it.
    const payload =
      format === 'x12'
        ? typeof body === 'string'
          ? body
          : limitedBody(req, req.headers['content-length'], max)
        : req.readableEnded
          ? body
          : await jsonBody(req, req.headers['content-length'], max);
    // The submitter is the key's owner; a header or body naming anyone else is refused, never obeyed.
    const mismatch =
      submitter !== undefined && submitter !== caller.owner
        ? 'X-Submitter-Id'
        : format === 'x12'
          ? null
          : disagreeingSubmitterField(payload, caller.owner);
    if (mismatch)
      throw new BadRequestException({
        code: 'SUBMITTER_MISMATCH',
        field: mismatch,
        message: `${mismatch} does not match the owner of the API key; leave it out or send the key's owner`,
      });
    const outcome = await this.submitter.submit({
      format,
      payload,
      submitterId: caller.owner,
      correlationId: correlation,
      firstWriteDeadlineMs: FIRST_WRITE_DEADLINE_MS,
      traceparent,
    });
    this.audit.record({
      action: 'claim.submit',
      result: 'ok',
      keyId: caller.keyId,
      owner: caller.owner,
      count: outcome.accepted.length + outcome.rejected.length,
      correlationId: correlation,
    });
    // Waiting is for interactive checks; a batch is answered at once and read back by claim id.
    const waitFor = outcome.accepted.length <= MAX_WAITED_CLAIMS ? waitMs : 0;
    const claims = await Promise.all(
      outcome.accepted.map(async (c) => ({
        ...c,
        links: { self: `/v1/claims/${c.claimId}` },
        ...(waitFor > 0 ? { result: await this.claims.get(c.claimId, caller.owner, waitFor) } : {}),
      })),
    );
    const allFinal = waitFor > 0 && claims.every((c) => c.result && isFinalStatus(c.result.status));
    const status = submissionStatus(outcome, allFinal);
    const omitted = outcome.errorsOmitted ? { errorsOmitted: outcome.errorsOmitted } : {};
    const submission = { submissionId: outcome.submissionId, links: { submission: `/v1/submissions/${outcome.submissionId}` } };
    const answer = { ...submission, format: outcome.format, claims, rejected: outcome.rejected, errors: outcome.errors, ...omitted };
    // Nothing accepted: a problem (RFC 9457) carrying the same members.
    if (status >= 400) throw new HttpException({ ...submissionRefusal(outcome, status), ...answer }, status);
    res.status(status);
    res.setHeader('Location', submission.links.submission);
    return answer;
  }
}
