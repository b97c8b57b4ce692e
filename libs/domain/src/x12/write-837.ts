import type { Claim, PayerType } from '../claim/claim.schema';
import { IMPLEMENTATION_837P } from './envelope';

export interface Write837Options {
  /** ISA13, 1-999999999. */
  readonly control: number;
  readonly sender?: string;
  readonly receiver?: string;
  /** Interchange date, YYYY-MM-DD. */
  readonly date?: string;
}

const FILING_INDICATOR: Record<PayerType, string> = {
  'medicare-part-b': 'MB',
  'medicare-advantage': '16',
  medicaid: 'MC',
  commercial: 'CI',
  other: 'ZZ',
};

/**
 * Canonical claims -> an 837P interchange, one string per segment (streamable). For demos,
 * tests and benchmarks: names and addresses the canonical claim does not carry are written as
 * placeholders, and line documentation has no 837P element, so it is dropped.
 */
export function* write837(claims: Iterable<Claim>, options: Write837Options): Generator<string> {
  const control = String(options.control).padStart(9, '0');
  const [sender, receiver] = [(options.sender ?? 'CLAIMFLOW').padEnd(15), (options.receiver ?? 'CLAIMFLOW').padEnd(15)];
  const date = (options.date ?? '2025-01-01').replace(/-/g, '');
  yield `ISA*00*          *00*          *ZZ*${sender}*ZZ*${receiver}*${date.slice(2)}*1200*^*00501*${control}*0*T*:~\n`;
  yield `GS*HC*${sender.trim()}*${receiver.trim()}*${date}*1200*${options.control}*X*${IMPLEMENTATION_837P}~\n`;
  let count = 0;
  const seg = (text: string) => {
    count++;
    return `${text}~\n`;
  };
  yield seg(`ST*837*0001*${IMPLEMENTATION_837P}`) + seg(`BHT*0019*00*${control}*${date}*1200*CH`);
  yield seg(`NM1*41*2*${sender.trim()}*****46*${sender.trim()}`) + seg(`NM1*40*2*${receiver.trim()}*****46*${receiver.trim()}`);
  let hl = 0;
  for (const claim of claims) {
    const billing = ++hl;
    yield seg(`HL*${billing}**20*1`) + seg(`NM1*85*2*BILLING PROVIDER*****XX*${claim.billingProvider.npi}`);
    yield seg('N3*ADDRESS NOT CARRIED') + seg(`N4*CITY*ST*${claim.billingProvider.zip ?? '00000'}`);
    yield seg(`HL*${++hl}*${billing}*22*0`) + seg(`SBR*P*18*******${FILING_INDICATOR[claim.payer.type]}`);
    yield seg('NM1*IL*1*PATIENT*NOT CARRIED****MI*UNKNOWN') + seg(`NM1*PR*2*PAYER*****PI*${claim.payer.id ?? 'UNKNOWN'}`);
    yield* claimSegments(claim, seg);
  }
  yield seg(`SE*${count + 1}*0001`);
  yield `GE*1*${options.control}~\nIEA*1*${control}~\n`;
}

function* claimSegments(claim: Claim, seg: (text: string) => string): Generator<string> {
  const total = claim.lines.reduce((sum, l) => sum + (l.charge ?? 0), 0);
  yield seg(`CLM*${claim.submitterClaimId}*${amount(total)}***${claim.placeOfService}:B:${claim.frequencyCode}*Y*A*Y*Y`);
  if (claim.diagnoses.length) yield seg(`HI*${claim.diagnoses.map((d, i) => `${i === 0 ? 'ABK' : 'ABF'}:${d}`).join('*')}`);
  if (claim.renderingProviderNpi) yield seg(`NM1*82*1*RENDERING*PROVIDER****XX*${claim.renderingProviderNpi}`);
  const facility = claim.serviceFacility;
  if (facility) {
    yield seg(`NM1*77*2*SERVICE FACILITY${facility.npi ? `*****XX*${facility.npi}` : ''}`);
    yield seg('N3*ADDRESS NOT CARRIED') + seg(`N4*CITY*ST*${facility.zip ?? '00000'}`);
  }
  for (const line of claim.lines) {
    const procedure = ['HC', line.code, ...line.modifiers].join(':');
    yield seg(`LX*${line.lineNumber}`);
    yield seg(
      `SV1*${procedure}*${amount(line.charge ?? 0)}*UN*${line.units}*${line.placeOfService ?? ''}**${line.diagnosisPointers.join(':')}`,
    );
    yield seg(`DTP*472*D8*${line.dateOfService.replace(/-/g, '')}`);
    if (line.renderingProviderNpi) yield seg(`NM1*82*1*RENDERING*PROVIDER****XX*${line.renderingProviderNpi}`);
  }
}

function amount(value: number): string {
  return String(Math.round(value * 100) / 100);
}
