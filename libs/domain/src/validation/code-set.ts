/** A set of codes written as CPT writes them: single codes and inclusive numeric ranges ("62320-62329"). */
export function codeSet(specs: readonly string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const spec of specs) {
    const dash = spec.indexOf('-');
    if (dash < 0) {
      out.add(spec);
      continue;
    }
    const from = Number(spec.slice(0, dash));
    const to = Number(spec.slice(dash + 1));
    if (!Number.isInteger(from) || !Number.isInteger(to) || to < from || to - from > 1000) {
      throw new Error(`bad code range ${spec}`);
    }
    for (let n = from; n <= to; n++) out.add(String(n).padStart(5, '0'));
  }
  return out;
}
