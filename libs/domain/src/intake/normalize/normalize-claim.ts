import { ClaimSchema, type Claim } from '../../claim/claim.schema';
import { err, ok, type Result } from '../../shared/result';
import { FieldError, fieldError } from '../field-error';
import { normalizeHeader } from './normalize-header';
import { normalizeLine } from './normalize-line';
import { CLAIM_KEYS, unknownKeys } from './known-keys';
import { isRecord, readArray } from './read-field';

export interface NormalizeContext {
  /** The ClaimFlow id; whatever the submitter put in `claimId` is ignored. */
  readonly claimId: string;
  /** The authenticated submitter; wins over one in the document. */
  readonly submitterId?: string;
}

export const MAX_LINES = 50;

/**
 * Canonical JSON (ClaimInput without claimId) -> Claim, reporting every field problem at once.
 * Codes are upper-cased, ICD-10 dots dropped, and a line's place of service is kept only where it
 * differs from the claim's, so the same claim submitted as JSON, 837P or FHIR normalizes equal.
 */
export function normalizeClaim(input: unknown, ctx: NormalizeContext): Result<Claim, FieldError[]> {
  if (!isRecord(input)) return err([fieldError('', 'TYPE_INVALID', 'a claim must be a JSON object')]);
  // A misspelt key would otherwise be dropped or defaulted in silence.
  const errors: FieldError[] = unknownKeys(input, CLAIM_KEYS);
  const header = normalizeHeader(input, errors);
  const rawLines = readArray(input.lines, 'lines', errors);
  if (rawLines.length === 0 && !errors.some((e) => e.path === 'lines'))
    errors.push(fieldError('lines', 'REQUIRED', 'a claim needs at least one line'));
  if (rawLines.length > MAX_LINES)
    errors.push(
      fieldError('lines', 'TOO_MANY_LINES', `an 837P claim holds at most ${MAX_LINES} lines, got ${rawLines.total ?? rawLines.length}`),
    );
  const diagnosisCount = header.diagnoses?.length ?? 0;
  // Lines past the limit are not read: the claim is refused for their number, and reading them costs time.
  const lines = rawLines.slice(0, MAX_LINES).map((line, index) => normalizeLine(line, { index, diagnosisCount }, errors));
  checkLineNumbers(
    lines.map((l) => l.lineNumber),
    errors,
  );

  const placeOfService = header.placeOfService ?? lines.find((l) => l.placeOfService)?.placeOfService;
  if (placeOfService === undefined && !errors.some((e) => e.code === 'POS_UNKNOWN')) {
    errors.push(fieldError('placeOfService', 'REQUIRED', 'place of service is required on the claim or its lines'));
  }
  if (errors.length > 0) return err(errors);

  const submitterId = ctx.submitterId ?? (typeof input.submitterId === 'string' ? input.submitterId : undefined);
  const candidate = {
    claimId: ctx.claimId,
    ...header,
    ...(submitterId === undefined ? {} : { submitterId }),
    placeOfService,
    lines: lines.map((l) => (l.placeOfService === placeOfService ? withoutPos(l) : l)),
  };
  const parsed = ClaimSchema.safeParse(candidate);
  if (!parsed.success) {
    return err(parsed.error.issues.map((i) => fieldError(toPath(i.path), 'SCHEMA', i.message)));
  }
  return ok(parsed.data);
}

function checkLineNumbers(numbers: (number | undefined)[], errors: FieldError[]): void {
  const seen = new Set<number>();
  numbers.forEach((n, i) => {
    if (n === undefined) return;
    if (seen.has(n)) errors.push(fieldError(`lines[${i}].lineNumber`, 'LINE_NUMBER_DUPLICATE', `line number ${n} is used twice`));
    seen.add(n);
  });
}

function withoutPos<T extends { placeOfService?: string }>(line: T): Omit<T, 'placeOfService'> {
  const { placeOfService: _drop, ...rest } = line;
  return rest;
}

function toPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}
