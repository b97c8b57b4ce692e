import type { RvuRow } from '../refdata/tables';
import type { Factor } from './bilateral';
import type { AdjustmentKind } from './priced-claim';
import type { Unpriceable } from './select-row';

export type RoleOutcome =
  | { readonly kind: 'factor'; readonly adjustment: AdjustmentKind; readonly factor: Factor }
  | { readonly kind: 'unpriceable'; readonly outcome: Unpriceable };

const ASSISTANT = ['80', '81', '82'];

/** Assistant at surgery (80/81/82/AS), co-surgeons (62) and team surgery (66) by the row's indicators. */
export function surgicalRole(row: RvuRow, modifiers: readonly string[]): RoleOutcome | undefined {
  if (modifiers.includes('66')) {
    if (row.team === '1' || row.team === '2') {
      return {
        kind: 'unpriceable',
        outcome: {
          status: 'no-price',
          reason: `Team surgery (modifier 66, indicator ${row.team}): priced by report by the carrier; no fee schedule amount.`,
        },
      };
    }
    return {
      kind: 'unpriceable',
      outcome: { status: 'not-payable', reason: `Team surgery (modifier 66) is not permitted for this code (indicator ${row.team}).` },
    };
  }
  if (modifiers.includes('62')) {
    if (row.coSurgeon === '2') {
      return {
        kind: 'factor',
        adjustment: 'co-surgeon',
        factor: { basisPoints: 6_250, description: 'Co-surgeon (modifier 62, indicator 2): 62.5% of the fee schedule amount.' },
      };
    }
    const why =
      row.coSurgeon === '1'
        ? 'allowed only with documentation of medical necessity (indicator 1)'
        : `not permitted (indicator ${row.coSurgeon})`;
    return { kind: 'unpriceable', outcome: { status: 'not-payable', reason: `Co-surgeons (modifier 62): ${why}.` } };
  }
  const asst = modifiers.find((m) => ASSISTANT.includes(m) || m === 'AS');
  if (!asst) return undefined;
  if (row.assistant !== '2') {
    const why =
      row.assistant === '0'
        ? 'payment restricted unless documentation establishes medical necessity (indicator 0)'
        : row.assistant === '1'
          ? 'statutory payment restriction (indicator 1)'
          : `the concept does not apply (indicator ${row.assistant})`;
    return { kind: 'unpriceable', outcome: { status: 'not-payable', reason: `Assistant at surgery (modifier ${asst}): ${why}.` } };
  }
  const factor: Factor =
    asst === 'AS'
      ? {
          basisPoints: 1_360,
          description: 'Assistant at surgery by a non-physician practitioner (modifier AS): 85% of 16% = 13.6% of the fee schedule amount.',
        }
      : { basisPoints: 1_600, description: `Assistant at surgery (modifier ${asst}): 16% of the fee schedule amount.` };
  return { kind: 'factor', adjustment: 'assistant-at-surgery', factor };
}
