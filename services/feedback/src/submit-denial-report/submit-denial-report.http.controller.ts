import { Body, Controller, Headers, HttpCode, HttpException, HttpStatus, Post, Res } from '@nestjs/common';
import { RequireScopes } from '@claimflow/platform';
import { SubmitDenialReportHandler, type SubmitFailure } from './submit-denial-report.handler';

const STATUS: Record<SubmitFailure['code'], HttpStatus> = {
  REPORT_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  IDEMPOTENCY_KEY_INVALID: HttpStatus.BAD_REQUEST,
  IDEMPOTENCY_KEY_REUSED: HttpStatus.CONFLICT,
  DATABASE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

@Controller('v1/denial-reports')
export class SubmitDenialReportHttpController {
  constructor(private readonly handler: SubmitDenialReportHandler) {}

  @Post()
  @RequireScopes('reports:submit')
  @HttpCode(HttpStatus.CREATED)
  async submit(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: { setHeader(name: string, value: string): void },
  ) {
    if (!contentType?.toLowerCase().startsWith('application/json')) {
      throw new HttpException(
        { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the report as application/json' },
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    const result = await this.handler.submit(body, idempotencyKey);
    if (!result.ok) {
      if (result.error.code === 'DATABASE_UNAVAILABLE') res.setHeader('Retry-After', '5');
      throw new HttpException(result.error, STATUS[result.error.code]);
    }
    return result.value;
  }
}
