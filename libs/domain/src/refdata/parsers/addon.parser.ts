import { ok, type Result } from '../../shared/result';
import type { AddonType } from '../tables';
import { csvRecords } from './csv-records';
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
  let header = false;
  const rows: AddonRow[] = [];
  for (const rec of csvRecords(lines)) {
    if ('truncated' in rec) return parseError('TRUNCATED', rec.line, 'unterminated quoted field');
    const f = rec.fields;
    if (!header) {
      if (f.join(',') !== ADDON_HEADER) return parseError('BAD_HEADER', rec.line, `expected header "${ADDON_HEADER}"`);
      header = true;
      continue;
    }
    if (f.length !== 3) return parseError('BAD_COLUMN_COUNT', rec.line, `expected 3 columns, found ${f.length}`);
    const [addon, primary, typeText] = f;
    if (!HCPCS.test(addon)) return parseError('BAD_VALUE', rec.line, `bad add-on code "${addon}"`);
    if (typeText !== '1' && typeText !== '2' && typeText !== '3') return parseError('BAD_VALUE', rec.line, `bad add-on type "${typeText}"`);
    const type = Number(typeText) as AddonType;
    const none = primary === 'CCCCC';
    if (type === 2 ? !none : type === 1 ? none || !HCPCS.test(primary) : !none && !HCPCS.test(primary))
      return parseError('BAD_VALUE', rec.line, `type ${type} add-on with primary "${primary}"`);
    rows.push({ addon, primary: none ? null : primary, type });
  }
  if (!header) return parseError('EMPTY', 1, 'empty file');
  return ok(rows);
}
