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

/** The bundled codebooks: a codebook and its issue lexicon are read by its own analyzer. */
const CODEBOOKS = DATA_FILES.filter((f) => f.startsWith('codebooks')).map((f) =>
  f.replace(/^codebooks[\\/]|\.json$/g, ''),
);

/**
 * The data hash of a fresh analyzer in the copy (a new process: stages load data once),
 * with the default codebook or the one named.
 */
function hashIn(dir: string, codebook?: string): string {
  const pipeline = pathToFileURL(join(dir, 'dist', 'analysis', 'pipeline.js')).href;
  const config = JSON.stringify(codebook === undefined ? {} : { codebook });
  const script = `const { createAnalyzer } = await import(${JSON.stringify(pipeline)});
process.stdout.write(createAnalyzer(${config}).info.lexiconHash);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
}

test('the data hash changes when any data file of the analysis changes', () => {
  assert.ok(DATA_FILES.length >= 10, `found ${DATA_FILES.join(', ')}`);
  assert.ok(CODEBOOKS.includes('us-north-korea'), CODEBOOKS.join(', '));
  const dir = projectCopy();
  try {
    const shipped = new Map(CODEBOOKS.map((name) => [name, hashIn(dir, name)]));
    assert.equal(hashIn(dir), createAnalyzer().info.lexiconHash, 'the hash depends on the place');
    assert.equal(shipped.get('us-china'), hashIn(dir), 'us-china is the default codebook');
    for (const file of DATA_FILES) {
      const path = join(dir, 'analysis', file);
      const original = readFileSync(path);
      // A trailing newline keeps every file valid, so the analyzer still loads. Some
      // codebook's analyzer reads each file: its hash must change.
      appendFileSync(path, '\n');
      assert.ok(
        CODEBOOKS.some((name) => hashIn(dir, name) !== shipped.get(name)),
        `editing analysis/${file} leaves every codebook's hash unchanged`,
      );
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
