import type { IntakeFormat } from './detect-format';
import { fieldError, type FieldError } from './field-error';
import { normalizeClaim } from './normalize/normalize-claim';
import { readFhir } from './fhir/from-fhir';
import { parse837 } from '../x12/parse-837';
import type { Result } from '../shared/result';
import type { Claim } from '../claim/claim.schema';
import type { X12Result } from '../x12/x12-result';

/** One claim read out of a submission, normalized or with every field error. */
export interface DecodedClaim {
  readonly index: number;
  readonly submitterClaimId?: string;
  readonly frequencyCode?: string;
  readonly result: Result<Claim, FieldError[]>;
}

export interface DecodeContext {
  readonly submitterId?: string;
  readonly newId: () => string;
  readonly maxClaims: number;
  /** Sees every result the 837P reader yields, claims and envelope problems alike, with its place in the interchange (for the 999). */
  readonly onX12Result?: (result: X12Result) => void;
}

export type DecodedItem = DecodedClaim | { readonly submissionError: FieldError };

/** Claims decoded between two turns of the event loop, so a large submission never blocks it for long. */
const CLAIMS_PER_TURN = 50;
/** Lets the event loop run (timers, other requests) before going on; setImmediate where the platform has it. */
const nextTurn = () =>
  new Promise<void>((resolve) =>
    typeof globalThis.setImmediate === 'function' ? globalThis.setImmediate(resolve) : setTimeout(resolve, 0),
  );
/** X12 bytes are parsed at most this many at a time between two turns of the event loop. */
const X12_SLICE = 16 * 1024;

async function* sliced(chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk.length <= X12_SLICE) {
      yield chunk;
      continue;
    }
    for (let i = 0; i < chunk.length; i += X12_SLICE) {
      if (i > 0) await nextTurn();
      yield typeof chunk === 'string' ? chunk.slice(i, i + X12_SLICE) : chunk.subarray(i, i + X12_SLICE);
    }
  }
}

const tooMany = (max: number): DecodedItem => ({
  submissionError: { path: '', code: 'TOO_MANY_CLAIMS', message: `at most ${max} claims per submission; the rest were not read` },
});

function submitterClaimIdOf(input: unknown): string | undefined {
  const id = (input as { submitterClaimId?: unknown } | null)?.submitterClaimId;
  return typeof id === 'string' ? id : undefined;
}

/** Canonical JSON: one claim, an array of claims, or { claims: [...] }. */
async function* decodeJson(payload: unknown, ctx: DecodeContext): AsyncGenerator<DecodedItem> {
  const wrapped = Array.isArray((payload as { claims?: unknown })?.claims);
  const list = Array.isArray(payload) ? payload : wrapped ? (payload as { claims: unknown[] }).claims : [payload];
  if (wrapped)
    for (const key of Object.keys(payload as object)
      .filter((k) => k !== 'claims')
      .slice(0, 20))
      yield { submissionError: fieldError(key, 'FIELD_UNKNOWN', `${key} is not a field of a submission; send { "claims": [...] }`) };
  if (list.length === 0) return yield { submissionError: fieldError('claims', 'REQUIRED', 'the submission holds no claim') };
  if (list.length > ctx.maxClaims) return yield tooMany(ctx.maxClaims);
  for (const [index, input] of list.entries()) {
    if (index > 0 && index % CLAIMS_PER_TURN === 0) await nextTurn();
    yield {
      index,
      submitterClaimId: submitterClaimIdOf(input),
      result: normalizeClaim(input, { claimId: ctx.newId(), submitterId: ctx.submitterId }),
    };
  }
}

async function* decodeFhir(payload: unknown, ctx: DecodeContext): AsyncGenerator<DecodedItem> {
  const claims = readFhir(payload, { claimIdFor: () => ctx.newId(), submitterId: ctx.submitterId });
  if (claims.length > ctx.maxClaims) return yield tooMany(ctx.maxClaims);
  for (const c of claims) {
    if (c.index > 0 && c.index % CLAIMS_PER_TURN === 0) await nextTurn();
    yield { index: c.index, submitterClaimId: c.submitterClaimId ?? c.fhirId, result: c.result };
  }
}

async function* decodeX12(
  chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
  ctx: DecodeContext,
): AsyncGenerator<DecodedItem> {
  let count = 0;
  for await (const item of parse837(sliced(chunks), { claimIdFor: () => ctx.newId(), submitterId: ctx.submitterId })) {
    ctx.onX12Result?.(item);
    if (item.scope === 'envelope') {
      if (!item.result.ok) for (const e of item.result.error) yield { submissionError: e };
      continue;
    }
    if (++count > ctx.maxClaims) return yield tooMany(ctx.maxClaims);
    if (count % CLAIMS_PER_TURN === 0) await nextTurn();
    yield { index: count - 1, submitterClaimId: item.submitterClaimId, frequencyCode: item.frequencyCode, result: item.result };
  }
}

/** Any intake format -> canonical claims, one at a time, plus problems with the submission as a whole. */
/** X12 arrives whole (a string or bytes) or as a stream of chunks (an HTTP request body), parsed as it comes. */
function x12Chunks(payload: unknown): Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return [payload];
  if (payload && typeof (payload as AsyncIterable<Uint8Array>)[Symbol.asyncIterator] === 'function')
    return payload as AsyncIterable<Uint8Array>;
  return [''];
}

export function decodeClaims(format: IntakeFormat, payload: unknown, ctx: DecodeContext): AsyncIterable<DecodedItem> {
  if (format === 'x12') return decodeX12(x12Chunks(payload), ctx);
  const isFhir = format === 'fhir' || (typeof payload === 'object' && payload !== null && 'resourceType' in payload);
  return isFhir ? decodeFhir(payload, ctx) : decodeJson(payload, ctx);
}
