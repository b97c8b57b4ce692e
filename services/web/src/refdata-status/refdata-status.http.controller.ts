import { Controller, Get } from '@nestjs/common';
import { coverageLine, refDataCoverage } from '@claimflow/domain';
import { RefDataHolder } from '@claimflow/refdata';
import type { RefDataStatusView } from './refdata-status.types';

/** What `claimflow refdata status` prints, for the home page: coverage, gaps, and what a claim dated today gets. */
@Controller('api')
export class RefDataStatusHttpController {
  constructor(private readonly refdata: RefDataHolder) {}

  @Get('refdata/status')
  status(): RefDataStatusView {
    const today = new Date().toISOString().slice(0, 10);
    const coverage = refDataCoverage(this.refdata.current, today);
    return { today, line: coverageLine(coverage, today), coverage };
  }
}
