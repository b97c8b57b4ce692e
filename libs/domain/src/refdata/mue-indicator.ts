import type { MueAdjudicationIndicator } from './tables';

export interface MueIndicatorWording {
  /** CMS's name for the indicator, lower case ("date of service edit: clinical"). */
  readonly name: string;
  /** What the limit applies to. */
  readonly scope: 'per line' | 'per day';
  /** What happens to units above the limit, and what a biller can do. */
  readonly effect: string;
}

/** The one wording of the MUE adjudication indicators (MAI), used by the CLI, the edit messages, the guidance and the code page. */
export const MUE_INDICATORS: Readonly<Record<MueAdjudicationIndicator, MueIndicatorWording>> = {
  1: {
    name: 'line edit',
    scope: 'per line',
    effect:
      'units above it on one line are denied; more units can go on another line with an anatomic or XS/59 modifier when the record supports them',
  },
  2: {
    name: 'date of service edit: policy',
    scope: 'per day',
    effect: 'units above it in a day are never payable, and an appeal cannot change that',
  },
  3: {
    name: 'date of service edit: clinical',
    scope: 'per day',
    effect: 'units above it in a day are denied, though documentation of medical necessity can win an appeal',
  },
};

/** "MAI 3 (date of service edit: clinical)" */
export const maiLabel = (mai: MueAdjudicationIndicator): string => `MAI ${mai} (${MUE_INDICATORS[mai].name})`;
