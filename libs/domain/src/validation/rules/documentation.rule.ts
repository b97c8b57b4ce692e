import { editFrom, type ParamsOf } from '../edit-facts';
import { hasModifier } from '../modifiers';
import type { EditTemplate } from '../text/edit-templates';
import type { LineCtx, ValidationContext } from '../validation-context';

export const DOCUMENTATION_RELEASE = 'cms-documentation-2025';
const GUIDANCE_CODES: ReadonlySet<string> = new Set(['77001', '77002', '77003']);

/** DOCUMENTATION (warn): what the claim itself says is missing from the record behind a line. */
export function documentationRule(ctx: ValidationContext): void {
  for (const l of ctx.lines) {
    const doc = l.line.documentation;
    if (!doc) continue;
    if (doc.signedReport === false && billsProfessional(l)) {
      const params = { code: l.code, with26: hasModifier(l.modifiers, '26') || undefined };
      push(
        ctx,
        l,
        'doc.unsigned-report',
        params,
        'Interpretation requires a signed written report (Medicare Claims Processing Manual ch. 13)',
      );
    }
    if (l.code === '76000') {
      const minutes = doc.fluoroscopyMinutes;
      if (minutes === undefined) push(ctx, l, 'doc.fluoro-time', {}, '76000 is time-based (up to 1 hour)');
      else if (minutes > 60) push(ctx, l, 'doc.fluoro-over-hour', { minutes }, '76001 deleted 2019-01-01');
    }
    if (GUIDANCE_CODES.has(l.code) && doc.imagesSaved === false) {
      push(ctx, l, 'doc.images-not-saved', { code: l.code }, 'Guidance requires permanently recorded images');
    }
  }
}

function billsProfessional(l: LineCtx): boolean {
  if (hasModifier(l.modifiers, '26')) return true;
  return l.fee?.pctcIndicator === '1' && !hasModifier(l.modifiers, 'TC');
}

function push<T extends EditTemplate>(ctx: ValidationContext, l: LineCtx, template: T, params: ParamsOf<T>, rationale: string): void {
  ctx.edits.push(
    editFrom(template, params, {
      code: 'DOCUMENTATION',
      severity: 'warn',
      lines: [l.n],
      source: { dataset: 'cms-policy', release: DOCUMENTATION_RELEASE, rationale },
      fix: { action: 'none', automatic: false },
    }),
  );
}
