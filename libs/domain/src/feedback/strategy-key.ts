/** Two strategies are the same when they differ only in case, spacing or trailing punctuation. */
export function strategyKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!;,]+$/u, '')
    .trim();
}

/** Keeps the first of each group of equivalent strategies, in the given order. */
export function distinctStrategies(texts: readonly string[], limit: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const text of texts) {
    const key = strategyKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(text.trim());
    if (out.length === limit) break;
  }
  return out;
}
