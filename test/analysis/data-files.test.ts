import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { createAnalyzer } from '../../analysis/pipeline.js';
import { projectPath } from '../../lib/project-paths.js';

/** Every file below `dir`, as paths relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** The analysis folder's data files: everything in it that is not code. */
const DATA_FILES = filesBelow(projectPath('analysis')).filter((file) => !file.endsWith('.ts'));

/** A copy of the compiled analysis and its data, in which data files can be edited. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-data-'));
  cpSync(projectPath('package.json'), join(dir, 'package.json'));
  for (const folder of ['analysis', 'lib']) {
    cpSync(projectPath('dist', folder), join(dir, 'dist', folder), { recursive: true });
  }
  for (const file of DATA_FILES) {
    cpSync(projectPath('analysis', file), join(dir, 'analysis', file));
  }
  symlinkSync(realpathSync(projectPath('node_modules')), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The data hash of a fresh analyzer in the copy (a new process: stages load data once). */
function hashIn(dir: string): string {
  const pipeline = pathToFileURL(join(dir, 'dist', 'analysis', 'pipeline.js')).href;
  const script = `const { createAnalyzer } = await import(${JSON.stringify(pipeline)});
process.stdout.write(createAnalyzer().info.lexiconHash);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
}

test('the data hash changes when any data file of the analysis changes', () => {
  assert.ok(DATA_FILES.length >= 10, `found ${DATA_FILES.join(', ')}`);
  const dir = projectCopy();
  try {
    const shipped = hashIn(dir);
    assert.equal(shipped, createAnalyzer().info.lexiconHash, 'the hash depends on the place');
    for (const file of DATA_FILES) {
      const path = join(dir, 'analysis', file);
      const original = readFileSync(path);
      // A trailing newline keeps every file valid, so the analyzer still loads.
      appendFileSync(path, '\n');
      assert.notEqual(hashIn(dir), shipped, `editing analysis/${file} leaves the hash unchanged`);
      cpSync(projectPath('analysis', file), path);
      assert.deepEqual(readFileSync(path), original);
    }
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('the analysis reads files only through the data file log', () => {
  const offenders = filesBelow(projectPath('analysis'))
    .filter((file) => file.endsWith('.ts') && file !== 'data-files.ts')
    .filter((file) => {
      const source = readFileSync(projectPath('analysis', file), 'utf8');
      return /from 'node:fs'|from 'fs'|type: 'json'/.test(source);
    });
  assert.deepEqual(offenders, []);
});
