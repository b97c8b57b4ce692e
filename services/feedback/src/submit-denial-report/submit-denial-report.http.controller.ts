import { Body, Controller, Headers, HttpCode, HttpException, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import { Caller, RequireScopes, type CallerIdentity } from '@claimflow/http-edge';
import { REPORTER_RESOLVER, type ReporterProblem, type ReporterResolver } from '../reporter/reporter-identity.port';
import { SubmitDenialReportHandler, type SubmitFailure } from './submit-denial-report.handler';

const STATUS: Record<SubmitFailure['code'] | ReporterProblem['code'], HttpStatus> = {
  REPORT_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_INVALID: HttpStatus.BAD_REQUEST,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.CONFLICT,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  REPORTER_MISSING: HttpStatus.UNAUTHORIZED,
  REPORTER_INVALID: HttpStatus.UNAUTHORIZED,
};

/** Seconds until the next UTC day, when a reporter's daily limit resets. */
const untilTomorrow = (now = new Date()) =>
  Math.ceil((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000);

@Controller('v1/denial-reports')
export class SubmitDenialReportHttpController {
  constructor(
    private readonly handler: SubmitDenialReportHandler,
    @Inject(REPORTER_RESOLVER) private readonly reporters: ReporterResolver,
  ) {}

  @Post()
  @RequireScopes('reports:submit')
  @HttpCode(HttpStatus.CREATED)
  async submit(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Caller() caller: CallerIdentity,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
  ) {
    // The guard has checked the key and its scope; the reporter is the key's owner, keyed-hashed.
    const reporter = this.reporters.fromCaller(caller);
    if (!contentType?.toLowerCase().startsWith('application/json')) {
      throw new HttpException(
        { code: 'UNSUPPORTED_CONTENT_TYPE', message: 'send the report as application/json' },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const result = await this.handler.submit(body, idempotencyKey, reporter);
    if (!result.ok) {
      if (result.error.code === 'DATABASE_UNAVAILABLE') res.setHeader('Retry-After', '5');
      if (result.error.code === 'RATE_LIMITED') res.setHeader('Retry-After', String(untilTomorrow()));
      throw new HttpException(result.error, STATUS[result.error.code]);
    }
    return result.value;
  }
}
