import { isRecord, type JsonObject } from '../normalize/read-field';
import { NPI_SYSTEMS } from './fhir-systems';

export const objects = (value: unknown): JsonObject[] => (Array.isArray(value) ? value.filter(isRecord) : []);
export const object = (value: unknown): JsonObject | undefined => (isRecord(value) ? value : undefined);
export const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export interface Coding {
  readonly system?: string;
  readonly code?: string;
}

export function codings(concept: unknown): Coding[] {
  return objects(object(concept)?.coding).map((c) => ({
    system: text(c.system),
    code: typeof c.code === 'number' ? String(c.code) : text(c.code),
  }));
}

/** The code from a system in `systems`; `other` is set when codes exist but only from other systems. */
export function codeFrom(concept: unknown, systems: ReadonlySet<string>): { code?: string; other?: string } {
  const all = codings(concept);
  const hit = all.find((c) => c.system !== undefined && systems.has(c.system) && c.code !== undefined);
  if (hit) return { code: hit.code };
  const untyped = all.find((c) => c.system === undefined && c.code !== undefined);
  if (untyped) return { code: untyped.code };
  return all.length ? { other: all[0].system } : {};
}

export function npiOf(resource: JsonObject | undefined): string | undefined {
  const identifiers = [...objects(resource?.identifier), ...(object(resource?.identifier) ? [resource?.identifier as JsonObject] : [])];
  return text(identifiers.find((i) => NPI_SYSTEMS.has(text(i.system) ?? ''))?.value);
}

export function postalCodeOf(resource: JsonObject | undefined): string | undefined {
  const addresses = [...objects(resource?.address), ...(object(resource?.address) ? [resource?.address as JsonObject] : [])];
  return text(addresses.find((a) => text(a.postalCode))?.postalCode);
}

/**
 * Resolves a Reference: `#id` against contained resources, `Type/id` or a fullUrl against the
 * Bundle, and a logical reference (identifier only) to a stand-in resource carrying it.
 */
export function resolve(reference: unknown, claim: JsonObject, bundle: ReadonlyMap<string, JsonObject>): JsonObject | undefined {
  const ref = object(reference);
  if (!ref) return undefined;
  const target = text(ref.reference);
  if (target?.startsWith('#')) return objects(claim.contained).find((r) => r.id === target.slice(1));
  if (target && bundle.has(target)) return bundle.get(target);
  if (ref.identifier) return { identifier: ref.identifier };
  return undefined;
}
