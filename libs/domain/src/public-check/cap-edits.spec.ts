import fc from 'fast-check';
import type { Edit, ValidationResult } from '../validation/edit';
import { capEdits } from './cap-edits';

const NOTE = 'PTP effective dates are missing from this release';
const edit = (i: number, severity: Edit['severity'], release = 'NCCI-2024Q3'): Edit => ({
  code: 'PTP_BUNDLED',
  severity,
  lines: [1, i + 2],
  message: `edit ${i}`,
  source: { dataset: 'ncci-ptp-practitioner', release, modifierIndicator: '1', notes: [NOTE] },
  fix: { action: 'none', detail: '', automatic: false },
});
const result = (edits: Edit[]): ValidationResult => ({
  claimId: 'c',
  edits,
  lines: [1, 2, 3].map((n) => ({
    lineNumber: n,
    code: '77003',
    modifiers: [],
    units: 1,
    denied: false,
    outcome: 'clean' as const,
    notChecked: [],
    edits: edits.filter((e) => e.lines.includes(n)),
  })),
  correctedClaim: {} as ValidationResult['correctedClaim'],
  releases: ['NCCI-2024Q3'],
  outcome: 'clean',
  notChecked: [],
});

describe('capEdits (the keyless check answer)', () => {
  it('keeps deny edits first, counts the rest, and states each release and its notes once', () => {
    const edits = [edit(0, 'info'), edit(1, 'deny'), edit(2, 'warn'), edit(3, 'deny', 'MPFS-2025-OCT')];
    const capped = capEdits(result(edits), 2);
    expect(capped.validation.edits.map((e) => e.message)).toEqual(['edit 1', 'edit 3']);
    expect(capped.editsOmitted).toBe(2);
    expect(capped.sources).toEqual([
      { release: 'NCCI-2024Q3', dataset: 'ncci-ptp-practitioner', notes: [NOTE] },
      { release: 'MPFS-2025-OCT', dataset: 'ncci-ptp-practitioner', notes: [NOTE] },
    ]);
    expect(JSON.stringify(capped.validation)).not.toContain(NOTE);
    expect(capped.validation.edits[0].source).toMatchObject({ release: 'NCCI-2024Q3', modifierIndicator: '1' });
  });

  it('for any edits: at most the cap, lines list only kept edits, and nothing is lost from the count', () => {
    const severities = fc.array(fc.constantFrom<Edit['severity']>('deny', 'warn', 'info'), { maxLength: 120 });
    fc.assert(
      fc.property(severities, fc.integer({ min: 0, max: 60 }), (sev, max) => {
        const edits = sev.map((s, i) => edit(i, s));
        const capped = capEdits(result(edits), max);
        expect(capped.validation.edits.length).toBe(Math.min(max, edits.length));
        expect(capped.validation.edits.length + capped.editsOmitted).toBe(edits.length);
        const kept = new Set(capped.validation.edits.map((e) => e.message));
        for (const l of capped.validation.lines) for (const e of l.edits) expect(kept.has(e.message)).toBe(true);
        const worstOmitted = edits.filter((e) => !kept.has(e.message)).map((e) => e.severity);
        if (capped.validation.edits.some((e) => e.severity === 'info')) expect(worstOmitted).not.toContain('deny');
      }),
    );
  });
});
