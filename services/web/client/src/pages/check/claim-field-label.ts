/** Names of the claim's fields as a biller calls them, for errors that name a field by its path. */
const FIELDS: Readonly<Record<string, string>> = {
  submitterClaimId: 'claim number',
  submitterId: 'submitter',
  claimType: 'claim type',
  frequencyCode: 'frequency code',
  placeOfService: 'place of service',
  payer: 'payer',
  'payer.type': 'payer type',
  'payer.id': 'payer ID',
  billingProvider: 'billing provider',
  'billingProvider.npi': 'billing provider NPI',
  'billingProvider.zip': 'billing provider ZIP',
  renderingProviderNpi: 'rendering provider NPI',
  serviceFacility: 'service facility',
  'serviceFacility.npi': 'service facility NPI',
  'serviceFacility.zip': 'service facility ZIP',
  locality: 'locality',
  diagnoses: 'diagnoses',
  lines: 'service lines',
};

const LINE_FIELDS: Readonly<Record<string, string>> = {
  lineNumber: 'line number',
  code: 'code',
  modifiers: 'modifiers',
  units: 'units',
  charge: 'charge',
  dateOfService: 'date of service',
  placeOfService: 'place of service',
  diagnosisPointers: 'diagnosis pointer',
  renderingProviderNpi: 'rendering provider NPI',
  documentation: 'documentation',
};

const ordinal = (index: string) => Number(index) + 1;

/**
 * `lines[1].modifiers[0]` -> "Line 2, modifier 1"; `diagnoses[1]` -> "Diagnosis 2"; an empty path is the
 * claim as a whole. An unknown path is shown as it is rather than guessed at.
 */
export function claimFieldLabel(path: string): string {
  if (!path) return 'Claim';
  const line = /^lines\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?/.exec(path);
  if (line) {
    const [, i, field, j] = line;
    if (!field) return `Line ${ordinal(i)}`;
    const name = LINE_FIELDS[field] ?? field;
    return `Line ${ordinal(i)}, ${j === undefined ? name : `${name.replace(/s$/, '')} ${ordinal(j)}`}`;
  }
  const list = /^diagnoses\[(\d+)\]$/.exec(path);
  if (list) return `Diagnosis ${ordinal(list[1])}`;
  const name = FIELDS[path];
  return name ? name[0].toUpperCase() + name.slice(1) : path;
}

/** The error's message without the path it may name: shown under the field's label, it says "this". */
export function plainMessage(path: string, message: string): string {
  if (!path || !message.includes(path)) return message;
  if (message.startsWith(`${path} `)) return `This${message.slice(path.length)}`;
  return message.split(path).join(claimFieldLabel(path).toLowerCase());
}
