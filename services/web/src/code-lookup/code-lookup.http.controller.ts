import { BadRequestException, Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { buildCodeView, HCPCS_PATTERN, isValidIsoDate, type CodeView, type LocalityOption } from '@claimflow/domain';
import { RefDataHolder } from '@claimflow/refdata';

function dateParam(date: string | undefined): string {
  if (date === undefined || date === '') return new Date().toISOString().slice(0, 10);
  if (!isValidIsoDate(date)) {
    const message = 'date must be YYYY-MM-DD';
    throw new BadRequestException({ code: 'QUERY_INVALID', message, errors: [{ path: 'date', code: 'QUERY_INVALID', message }] });
  }
  return date;
}

/** The code page's facts (MUE, add-on, PTP both ways, indicators, our guidance) and the locality list. */
@Controller('api')
export class CodeLookupHttpController {
  constructor(private readonly refdata: RefDataHolder) {}

  @Get('codes/:code')
  code(@Param('code') raw: string, @Query('date') date?: string): CodeView {
    const code = raw.trim().toUpperCase();
    if (!HCPCS_PATTERN.test(code)) {
      // Never echoes what was sent; the same answer as pricing's and feedback's.
      const message = 'the code is not a 5-character CPT/HCPCS code';
      throw new BadRequestException({ code: 'CODE_INVALID', message, errors: [{ path: 'code', code: 'CODE_INVALID', message }] });
    }
    const view = buildCodeView(this.refdata.current, code, dateParam(date));
    if (!view.ok) throw new NotFoundException(view.error);
    return view.value;
  }

  @Get('localities')
  localities(@Query('date') date?: string): LocalityOption[] {
    const gpci = this.refdata.current.resolve('mpfs-gpci', dateParam(date), { latest: true });
    if (!gpci.ok) return [];
    return gpci.value
      .all()
      .map((g) => ({ id: `${g.carrier}-${g.locality}`, state: g.state, name: g.name }))
      .sort((a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name));
  }
}
