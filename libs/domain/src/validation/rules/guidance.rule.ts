import { codeSet } from '../code-set';
import { GUIDANCE_RULES, type GuidanceRule } from '../data/guidance-rules.data';
import type { Edit, EditFix, EditSource } from '../edit';
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

function no59(l: LineCtx): string {
  const m = firstIn(l.modifiers, DISTINCT_SERVICE_MODIFIERS);
  const said = m ? ` (the ${m} on line ${l.n} is ignored)` : '';
  return `A 59 or X{EPSU} modifier does not make this right${said}: it is a CPT reporting rule, not a question of distinct services.`;
}

function withEdit(c: Compiled, l: LineCtx, other: LineCtx): Edit {
  return {
    code: 'GUIDANCE_INCLUDED',
    severity: 'deny',
    lines: [l.n],
    message: `${l.code} (line ${l.n}) is not reported with ${other.code} (line ${other.n}) in the same session: ${c.rule.reason}. ${no59(l)}`,
    source: c.source,
    fix: withFix(c.rule, l),
  };
}

function withFix(rule: GuidanceRule, l: LineCtx): EditFix {
  const m = rule.manual;
  if (!m) return { action: 'remove-line', detail: `${rule.instead} Remove ${l.code} (line ${l.n}).`, automatic: true };
  return m.replacementCode
    ? { action: m.action, detail: rule.instead, automatic: false, replacementCode: m.replacementCode }
    : { action: m.action, detail: rule.instead, automatic: false };
}

function perSession(ctx: ValidationContext, c: Compiled, first: LineCtx, session: readonly LineCtx[], max: number): void {
  const same = session.filter((o) => o.code === first.code);
  const total = same.reduce((sum, o) => sum + o.units, 0);
  if (total <= max) return;
  const where = same.map((o) => `line ${o.n} x${o.units}`).join(', ');
  for (const o of same) {
    const fix: EditFix =
      o === first
        ? { action: 'reduce-units', units: max, detail: c.rule.instead, automatic: true }
        : { action: 'remove-line', detail: `${c.rule.instead} Remove the repeated ${o.code} (line ${o.n}).`, automatic: true };
    if (o === first && o.units <= max) continue;
    ctx.edits.push({
      code: 'GUIDANCE_INCLUDED',
      severity: 'deny',
      lines: [o.n],
      message: `${o.code} is reported ${total} times in one session on ${o.t.iso} (${where}): ${c.rule.reason}. ${no59(o)}`,
      source: c.source,
      fix,
    });
  }
}
