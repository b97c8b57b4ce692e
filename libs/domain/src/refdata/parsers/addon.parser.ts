import { ok, type Result } from '../../shared/result';
import type { AddonType } from '../tables';
import { eachCsvRow } from './csv-table';
import { HCPCS } from './fields';
import { parseError, type ParseError } from './parse-error';

export interface AddonRow {
  readonly addon: string;
  /** null where CMS writes CCCCC (no primary listed): always for type 2, sometimes for type 3. */
  readonly primary: string | null;
  readonly type: AddonType;
}

export const ADDON_HEADER = 'addon_code,primary_code,type';

/** Add-on code edits, one row per add-on/primary pair. */
export function parseAddon(lines: Iterable<string>): Result<AddonRow[], ParseError> {
  const rows: AddonRow[] = [];
  const parsed = eachCsvRow(lines, ADDON_HEADER, 3, (f, line) => {
    const [addon, primary, typeText] = f;
    if (!HCPCS.test(addon)) return parseError('BAD_VALUE', line, `bad add-on code "${addon}"`);
    if (typeText !== '1' && typeText !== '2' && typeText !== '3') return parseError('BAD_VALUE', line, `bad add-on type "${typeText}"`);
    const type = Number(typeText) as AddonType;
    const none = primary === 'CCCCC';
    if (type === 2 ? !none : type === 1 ? none || !HCPCS.test(primary) : !none && !HCPCS.test(primary))
      return parseError('BAD_VALUE', line, `type ${type} add-on with primary "${primary}"`);
    rows.push({ addon, primary: none ? null : primary, type });
  });
  return parsed.ok ? ok(rows) : parsed;
}
