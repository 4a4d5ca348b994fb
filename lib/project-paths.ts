// Where the project's data files live (lexicons, migrations, views, corpus), whether the
// code runs from source (tsx) or compiled from dist/. Walks up to the folder holding
// package.json once and remembers it.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${import.meta.dirname}`);
    dir = parent;
  }
  root = dir;
  return root;
}

/** A path inside the project, e.g. projectPath('db', 'migrations'). */
export function projectPath(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}
