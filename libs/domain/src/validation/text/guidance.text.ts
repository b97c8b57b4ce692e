import { GUIDANCE_RULES, type GuidanceRule } from '../data/guidance-rules.data';
import type { EditFacts, Template } from '../edit-facts';

const BY_ID: ReadonlyMap<string, GuidanceRule> = new Map(GUIDANCE_RULES.map((r) => [r.id, r]));

/** `ignored`: the distinct-service modifier on the line, which does not make it right. */
function no59(f: EditFacts, ignored?: string): string {
  const said = ignored ? ` (the ${ignored} on line ${f.lines[0]} is ignored)` : '';
  return `A 59 or X{EPSU} modifier does not make this right${said}: it is a CPT reporting rule, not a question of distinct services.`;
}

/** GUIDANCE_INCLUDED: each rule's reason and advice are the domain's own table, by rule id. */
export const GUIDANCE_TEXT = {
  'guidance.with': (p: { rule: string; code: string; other: string; otherLine: number; ignored?: string }, f) => {
    const rule = BY_ID.get(p.rule)!;
    const n = f.lines[0];
    return {
      message: `${p.code} (line ${n}) is not reported with ${p.other} (line ${p.otherLine}) in the same session: ${rule.reason}. ${no59(f, p.ignored)}`,
      detail: rule.manual ? rule.instead : `${rule.instead} Remove ${p.code} (line ${n}).`,
    };
  },
  /** `where`: each line of the code in the session with its units ("line 1 x2, line 3 x1"). */
  'guidance.per-session': (p: { rule: string; code: string; total: number; date: string; where: string; ignored?: string }, f) => {
    const rule = BY_ID.get(p.rule)!;
    return {
      message: `${p.code} is reported ${p.total} times in one session on ${p.date} (${p.where}): ${rule.reason}. ${no59(f, p.ignored)}`,
      detail: f.fix.action === 'reduce-units' ? rule.instead : `${rule.instead} Remove the repeated ${p.code} (line ${f.lines[0]}).`,
    };
  },
} satisfies Record<string, Template<never>>;
