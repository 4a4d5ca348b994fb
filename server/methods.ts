// Which HTTP methods the app's routes answer for a path, read from Express's own route
// table, so a wrong method on a known address gets 405 with an Allow header (not a 404)
// without a second list of routes to keep in step.
//
// Not here: deciding what a route does; OPTIONS (Express answers it itself).

/** The part of Express 5's router internals this reads. */
interface RouteLayer {
  match(path: string): boolean;
  route?: { methods: Record<string, boolean | undefined> };
  handle?: { stack?: RouteLayer[] };
}

/** Methods with a route at `path` (GET implies HEAD), sorted; [] for an unknown path. */
export function allowedMethods(router: unknown, path: string): string[] {
  const found = new Set<string>();
  const visit = (stack: RouteLayer[]) => {
    for (const layer of stack) {
      if (!layer.match(path)) continue;
      if (layer.route) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (!on || method === '_all') continue;
          found.add(method.toUpperCase());
          if (method === 'get') found.add('HEAD');
        }
      } else if (layer.handle?.stack) {
        // A sub-router mounted at '/' (the page groups) sees the same path.
        visit(layer.handle.stack);
      }
    }
  };
  visit((router as { stack?: RouteLayer[] }).stack ?? []);
  return [...found].sort();
}
