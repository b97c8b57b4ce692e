import { codeSet } from '../code-set';
import { GUIDANCE_RULES, type GuidanceRule } from '../data/guidance-rules.data';
import type { Edit, EditFix, EditSource } from '../edit';
import { editFrom } from '../edit-facts';
import { DISTINCT_SERVICE_MODIFIERS, firstIn } from '../modifiers';
import type { LineCtx, ValidationContext } from '../validation-context';

export const GUIDANCE_RELEASE = 'cpt-guidance-2025';

interface Compiled {
  readonly rule: GuidanceRule;
  readonly with?: ReadonlySet<string>;
  readonly unless?: ReadonlySet<string>;
  readonly source: EditSource;
}

const BY_CODE = new Map<string, Compiled[]>();
for (const rule of GUIDANCE_RULES) {
  const list = BY_CODE.get(rule.code) ?? [];
  const source: EditSource = { dataset: 'cpt-guidance', release: GUIDANCE_RELEASE, rationale: `CPT instruction ${rule.id}` };
  const unless = rule.unlessCodes ? codeSet(rule.unlessCodes) : undefined;
  list.push({ rule, with: rule.withCodes ? codeSet(rule.withCodes) : undefined, unless, source });
  BY_CODE.set(rule.code, list);
}

/** GUIDANCE_INCLUDED: CPT "do not report with" rules for imaging guidance, beyond the NCCI PTP tables. */
export function guidanceRule(ctx: ValidationContext): void {
  for (const l of ctx.lines) {
    const rules = BY_CODE.get(l.code);
    if (!rules) continue;
    const session = ctx.sessions[l.session];
    for (const c of rules) {
      if (c.with) {
        const other = session.find((o) => o !== l && c.with!.has(o.code));
        if (other && !(c.unless && session.some((o) => c.unless!.has(o.code)))) ctx.edits.push(withEdit(c, l, other));
      } else if (c.rule.maxPerSession !== undefined && session.find((o) => o.code === l.code) === l) {
        perSession(ctx, c, l, session, c.rule.maxPerSession);
      }
    }
  }
}

/** The distinct-service modifier on the line, which the text says is ignored. */
const ignored = (l: LineCtx): string | undefined => firstIn(l.modifiers, DISTINCT_SERVICE_MODIFIERS);

function withEdit(c: Compiled, l: LineCtx, other: LineCtx): Edit {
  const params = { rule: c.rule.id, code: l.code, other: other.code, otherLine: other.n, ignored: ignored(l) };
  return editFrom('guidance.with', params, {
    code: 'GUIDANCE_INCLUDED',
    severity: 'deny',
    lines: [l.n],
    source: c.source,
    fix: withFix(c.rule),
  });
}

function withFix(rule: GuidanceRule): Omit<EditFix, 'detail'> {
  const m = rule.manual;
  if (!m) return { action: 'remove-line', automatic: true };
  return m.replacementCode
    ? { action: m.action, automatic: false, replacementCode: m.replacementCode }
    : { action: m.action, automatic: false };
}

function perSession(ctx: ValidationContext, c: Compiled, first: LineCtx, session: readonly LineCtx[], max: number): void {
  const same = session.filter((o) => o.code === first.code);
  const total = same.reduce((sum, o) => sum + o.units, 0);
  if (total <= max) return;
  const where = same.map((o) => `line ${o.n} x${o.units}`).join(', ');
  for (const o of same) {
    if (o === first && o.units <= max) continue;
    const fix: Omit<EditFix, 'detail'> =
      o === first ? { action: 'reduce-units', units: max, automatic: true } : { action: 'remove-line', automatic: true };
    const params = { rule: c.rule.id, code: o.code, total, date: o.t.iso, where, ignored: ignored(o) };
    ctx.edits.push(
      editFrom('guidance.per-session', params, { code: 'GUIDANCE_INCLUDED', severity: 'deny', lines: [o.n], source: c.source, fix }),
    );
  }
}
