import type { z } from 'zod';

/** Readonly all the way down, so that a wire schema's mutable arrays and a domain type's readonly ones compare equal. */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** True only when A and B are the same type (not merely assignable one way). */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * True when what schema S parses to is exactly the domain type D (readonly aside). Used as
 * `const _tie: SameShape<typeof WireSchema, DomainType> = true;` so that a domain change the
 * wire schema does not follow (a new fix action, a new adjustment kind) fails the type check.
 */
export type SameShape<S extends z.ZodType, D> = Equals<DeepReadonly<z.output<S>>, DeepReadonly<D>>;
