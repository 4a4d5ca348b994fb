// The import graph of the source (type imports included): no circles, and the layers keep
// to their side (README "Layout"). Read from the .ts files, so a stale dist/ cannot hide one.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { projectPath } from '../lib/project-paths.js';

const FOLDERS = ['analysis', 'lib', 'ingest', 'db', 'server', 'cli', 'corpus'];

interface Edge {
  to: string;
  typeOnly: boolean;
}

/** Source file (relative to the project) → the project files it imports. */
function importGraph(): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  for (const folder of FOLDERS) {
    for (const entry of readdirSync(projectPath(folder), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = relative(projectPath(), join(entry.parentPath, entry.name));
      const source = readFileSync(projectPath(file), 'utf8');
      const edges: Edge[] = [];
      for (const m of source.matchAll(
        /^(import|export)(\s+type)?[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'/gm,
      )) {
        const spec = m[3] ?? m[4] ?? '';
        if (!spec.endsWith('.js')) continue;
        const to = join(dirname(file), spec).replace(/\.js$/, '.ts');
        edges.push({ to, typeOnly: m[2] !== undefined });
      }
      graph.set(file, edges);
    }
  }
  return graph;
}

/** Every import circle, each as the list of files on it (Tarjan's strongly connected components). */
function circles(graph: Map<string, Edge[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const { to } of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfImport = (graph.get(node) ?? []).some((e) => e.to === node);
      if (component.length > 1 || selfImport) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const graph = importGraph();

/** Imports from files matching `from` into files matching `to`. */
function imports(from: RegExp, to: RegExp, filter: (e: Edge) => boolean = () => true): string[] {
  return [...graph].flatMap(([file, edges]) =>
    from.test(file)
      ? edges.filter((e) => to.test(e.to) && filter(e)).map((e) => `${file} → ${e.to}`)
      : [],
  );
}

test('the source has no import circles', () => {
  assert.ok(graph.size > 50, `read ${graph.size} files`);
  assert.deepEqual(circles(graph), []);
});

test('the cycle finder finds a circle', () => {
  const circular = new Map<string, Edge[]>([
    ['a.ts', [{ to: 'b.ts', typeOnly: true }]],
    ['b.ts', [{ to: 'c.ts', typeOnly: false }]],
    ['c.ts', [{ to: 'a.ts', typeOnly: false }]],
    ['d.ts', [{ to: 'a.ts', typeOnly: false }]],
  ]);
  assert.deepEqual(circles(circular), [['a.ts', 'b.ts', 'c.ts']]);
});

test('the layers keep to their side', () => {
  assert.deepEqual(imports(/^server\//, /^cli\//), [], 'the server uses no command-line code');
  assert.deepEqual(imports(/^server\/routes\//, /^server\/app\.ts$/), [], 'routers import no app');
  assert.deepEqual(imports(/^db\//, /^(server|cli|ingest)\//), []);
  assert.deepEqual(
    imports(/^db\//, /^analysis\/(?!vocabulary\/)/, (e) => !e.typeOnly),
    [],
    'db takes only types and vocabularies from the analysis',
  );
  assert.deepEqual(imports(/^analysis\//, /^(db|server|cli|ingest|corpus)\//), []);
  assert.deepEqual(imports(/^analysis\/(?!pipeline)/, /^analysis\/pipeline\.ts$/), [
    // The evaluation harness is no stage: it runs the whole pipeline.
  ]);
  assert.deepEqual(imports(/^lib\//, /^(?!lib\/)/), [], 'lib/ stands alone');
});
