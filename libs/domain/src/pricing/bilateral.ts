import type { RvuRow } from '../refdata/tables';

export interface Factor {
  /** 10000 = 100%. */
  readonly basisPoints: number;
  readonly description: string;
}

/** Modifier 50 by the BILAT SURG indicator (RVU file documentation). */
export function bilateralFactor(row: RvuRow, modifiers: readonly string[]): Factor | undefined {
  if (!modifiers.includes('50')) return undefined;
  switch (row.bilateral) {
    case '1':
      return { basisPoints: 15_000, description: 'Bilateral (modifier 50, indicator 1): 150% of the fee schedule amount.' };
    case '2':
      return { basisPoints: 10_000, description: 'Bilateral (modifier 50, indicator 2): the code is already bilateral, paid at 100%.' };
    case '3':
      return { basisPoints: 20_000, description: 'Bilateral (modifier 50, indicator 3): 100% for each side, 200% in all.' };
    default:
      return {
        basisPoints: 10_000,
        description: `Bilateral (modifier 50, indicator ${row.bilateral}): the 150% adjustment does not apply, paid at 100%.`,
      };
  }
}
