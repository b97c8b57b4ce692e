import type { z } from 'zod';
import type { ParameterSpec } from './openapi-spec.types';

/**
 * A query schema's fields as OpenAPI query parameters. The schema reads every value as the text a query string
 * carries; `wire` documents the ones that are numbers or booleans there, which a generated client would otherwise
 * send as strings.
 */
export function queryParameters<S extends z.ZodRawShape>(shape: S, wire: Partial<Record<keyof S, z.ZodType>> = {}): ParameterSpec[] {
  return Object.entries(shape).map(([name, schema]) => ({
    name,
    in: 'query',
    description: String((schema as z.ZodType).meta()?.description ?? name),
    schema: wire[name as keyof S] ?? (schema as z.ZodType),
  }));
}
