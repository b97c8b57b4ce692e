import type { Request } from 'express';

interface RouteLayer {
  readonly route?: { readonly path: unknown; readonly methods: Readonly<Record<string, boolean>> };
  readonly matchers?: readonly ((path: string) => unknown)[];
}

/**
 * The methods the application's routes take for the request's path (Express router layers, matched without
 * touching their state; catch-all middleware left out): empty when no route has the path at all. GET implies HEAD, as Express serves it.
 */
export function allowedMethods(req: Pick<Request, 'path' | 'app'>): string[] {
  const router = (req.app as unknown as { router?: { stack?: readonly RouteLayer[] } }).router;
  const methods = new Set<string>();
  for (const layer of router?.stack ?? []) {
    // Middleware mounted on every path ({*path}, every method) is no route of its own.
    if (!layer.route || String(layer.route.path).includes('*') || !layer.matchers?.some((match) => match(req.path))) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) if (on && method !== '_all') methods.add(method.toUpperCase());
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
