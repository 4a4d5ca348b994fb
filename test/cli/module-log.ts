// For quick-help.test.ts: `node --import <this file>` with PARALLAX_MODULE_LOG=FILE writes
// down, one a line, every module the process loads: ES imports through a resolve hook
// (module.register runs it on the loader thread), require() calls (createRequire, and the
// CommonJS files those pull in) from the require cache as the process exits.

import { appendFileSync } from 'node:fs';
import { createRequire, register, type ResolveHook } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const log = process.env.PARALLAX_MODULE_LOG;

if (log && isMainThread) {
  register(import.meta.url);
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => appendFileSync(log, Object.keys(cache).join('\n') + '\n'));
}

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  if (log) appendFileSync(log, `${resolved.url}\n`);
  return resolved;
};
