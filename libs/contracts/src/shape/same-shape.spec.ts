import { z } from 'zod';
import type { Adjustment, EditFix, FixAction } from '@claimflow/domain';
import { AdjustmentSchema, ADJUSTMENT_KINDS } from '../messages/priced-claim.schema';
import { EditSchema, FIX_ACTIONS } from '../messages/validation-result.schema';
import type { SameShape } from './same-shape';

/**
 * Negative compile tests: each `@ts-expect-error` below must be an error, or the type check
 * (part of `npm test`) fails. They stand for a domain change the wire schema did not follow.
 */
const _FixWithoutReplaceCode = EditSchema.shape.fix.extend({ action: z.enum(['remove-line', 'add-modifier', 'remove-modifier', 'none']) });
// @ts-expect-error the domain has a fix action ('replace-code', 'reduce-units') the wire schema lacks
const _missingAction: SameShape<typeof _FixWithoutReplaceCode, EditFix> = true;

type AdjustmentWithNewKind = Omit<Adjustment, 'kind'> & { readonly kind: Adjustment['kind'] | 'teaching-physician' };
// @ts-expect-error the domain gained an adjustment kind the wire schema does not know
const _newKind: SameShape<typeof AdjustmentSchema, AdjustmentWithNewKind> = true;

type AdjustmentWithNote = Adjustment & { readonly note: string };
// @ts-expect-error the domain gained a field the wire schema would strip
const _newField: SameShape<typeof AdjustmentSchema, AdjustmentWithNote> = true;

const _AdjustmentWithOptionalFactor = AdjustmentSchema.extend({ factor: z.number().optional() });
// @ts-expect-error the wire schema lets a required domain field go missing
const _looser: SameShape<typeof _AdjustmentWithOptionalFactor, Adjustment> = true;

// The real schemas match their domain types (readonly aside).
const _fix: SameShape<typeof EditSchema.shape.fix, EditFix> = true;
const _adjustment: SameShape<typeof AdjustmentSchema, Adjustment> = true;
void [_missingAction, _newKind, _newField, _looser, _fix, _adjustment];

describe('wire schemas tied to domain types', () => {
  it('accept every fix action and adjustment kind the domain names', () => {
    const actions: readonly FixAction[] = FIX_ACTIONS;
    for (const action of actions) {
      const edit = {
        code: 'PTP_BUNDLED',
        severity: 'deny',
        lines: [2],
        message: 'bundled',
        source: { dataset: 'ncci-ptp-practitioner', release: 'NCCI-2024Q3' },
        fix: { action, detail: 'x', automatic: false },
      };
      expect(EditSchema.safeParse(edit).success).toBe(true);
    }
    for (const kind of ADJUSTMENT_KINDS) {
      expect(AdjustmentSchema.safeParse({ kind, description: 'd', factor: 0.5, amountBefore: 2, amountAfter: 1 }).success).toBe(true);
    }
  });

  it('refuse a value outside the domain vocabulary, naming the field', () => {
    const parsed = AdjustmentSchema.safeParse({ kind: 'teaching-physician', description: 'd', factor: 1, amountBefore: 1, amountAfter: 1 });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['kind']);
  });
});
