import type { MAC_JURISDICTIONS } from '../feedback/report-vocabulary';

type MacJurisdiction = (typeof MAC_JURISDICTIONS)[number];

/**
 * A/B MAC jurisdiction of a Medicare carrier (contract) number: its first two digits name the
 * jurisdiction's contract family (13xxx/14xxx New York and New England = JK, 12xxx = JL, ...).
 */
const BY_PREFIX: Readonly<Record<string, MacJurisdiction>> = {
  '01': 'JE',
  '02': 'JF',
  '03': 'JF',
  '04': 'JH',
  '05': 'J5',
  '06': 'J6',
  '07': 'JH',
  '08': 'J8',
  '09': 'JN',
  '10': 'JJ',
  '11': 'JM',
  '12': 'JL',
  '13': 'JK',
  '14': 'JK',
  '15': 'J15',
};

export function macJurisdictionOfCarrier(carrier: string): MacJurisdiction | undefined {
  return /^\d{5}$/.test(carrier) ? BY_PREFIX[carrier.slice(0, 2)] : undefined;
}
