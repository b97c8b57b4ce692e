import type { Edit } from '../edit';
import { hasModifier } from '../modifiers';
import type { LineCtx, ValidationContext } from '../validation-context';

export const DOCUMENTATION_RELEASE = 'cms-documentation-2025';
const GUIDANCE_CODES: ReadonlySet<string> = new Set(['77001', '77002', '77003']);

/** DOCUMENTATION (warn): what the claim itself says is missing from the record behind a line. */
export function documentationRule(ctx: ValidationContext): void {
  for (const l of ctx.lines) {
    const doc = l.line.documentation;
    if (!doc) continue;
    if (doc.signedReport === false && billsProfessional(l)) {
      const how = hasModifier(l.modifiers, '26')
        ? 'the professional component (modifier 26)'
        : 'the global service, which includes the professional component,';
      push(
        ctx,
        l,
        `${l.code} (line ${l.n}) bills ${how} but the claim says there is no signed radiology report. CMS requires a separate written, signed report for the interpretation; without it the professional payment is recouped on audit.`,
        'Have the interpreting physician sign a report before submitting.',
        'Interpretation requires a signed written report (Medicare Claims Processing Manual ch. 13)',
      );
    }
    if (l.code === '76000') {
      const minutes = doc.fluoroscopyMinutes;
      if (minutes === undefined) {
        push(
          ctx,
          l,
          `76000 (line ${l.n}) covers fluoroscopy up to 1 hour of physician time, but the record gives no fluoroscopy time; without it payers treat the service as unsupported.`,
          'Document the physician fluoroscopy time in the procedure note.',
          '76000 is time-based (up to 1 hour)',
        );
      } else if (minutes > 60) {
        push(
          ctx,
          l,
          `76000 (line ${l.n}) documents ${minutes} minutes of fluoroscopy. 76000 covers up to 1 hour and 76001 (over 1 hour) was deleted on 2019-01-01, so there is nothing more to bill for the extra time.`,
          'Bill 76000 once; do not add units or 76001 for the time over an hour.',
          '76001 deleted 2019-01-01',
        );
      }
    }
    if (GUIDANCE_CODES.has(l.code) && doc.imagesSaved === false) {
      push(
        ctx,
        l,
        `${l.code} (line ${l.n}) is fluoroscopic guidance but the claim says the images were not saved. Images missing from the record are the top audit failure for guidance codes and can lead to full recoupment.`,
        'Save the fluoroscopic images to the record, with the interpretation in the procedure note.',
        'Guidance requires permanently recorded images',
      );
    }
  }
}

function billsProfessional(l: LineCtx): boolean {
  if (hasModifier(l.modifiers, '26')) return true;
  return l.fee?.pctcIndicator === '1' && !hasModifier(l.modifiers, 'TC');
}

function push(ctx: ValidationContext, l: LineCtx, message: string, detail: string, rationale: string): void {
  const edit: Edit = {
    code: 'DOCUMENTATION',
    severity: 'warn',
    lines: [l.n],
    message,
    source: { dataset: 'cms-policy', release: DOCUMENTATION_RELEASE, rationale },
    fix: { action: 'none', detail, automatic: false },
  };
  ctx.edits.push(edit);
}
