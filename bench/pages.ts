// Pages at the ingested size, as a browser would get them: the real server in a child
// process on 127.0.0.1, each page requested once cold and then repeatedly, one request at a
// time, for a bounded count and duration. Reports p50 / p99, bytes and the server's memory.
// A page that answers 202 ("still computing", server/compute/page-jobs.ts) is reloaded as
// a browser would until it is there: its cold time is the wait for the page, and meanwhile
// the home page is requested too, to show whether the server kept answering.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { percentile } from './stats.js';

export interface PageTarget {
  name: string;
  path: string;
}

export interface PageFigures {
  name: string;
  path: string;
  status: number | null;
  coldMs: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  requests: number;
  bytes: number | null;
  /** 202 answers before the page was there (0: it came at once). */
  computingAnswers: number;
  /** The home page's slowest answer while this page was computing (null: it never was). */
  homeWhileComputingMaxMs: number | null;
  /** Why there are no figures (a timeout, an error status), else null. */
  problem: string | null;
}

export interface LoadLimits {
  /** Most requests per page after the cold one. */
  requests: number;
  /** Most seconds spent per page after the cold one. */
  seconds: number;
  /** Longest a single request may take before the page is reported as timed out. */
  timeoutSeconds: number;
}

export interface ServerFigures {
  pages: PageFigures[];
  rssMb: number;
  peakRssMb: number;
}

/** Starts the server on the database, measures each page, stops the server. */
export async function measurePages(options: {
  distDir: string;
  database: string;
  targets: (base: string) => Promise<PageTarget[]>;
  limits: LoadLimits;
}): Promise<ServerFigures> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [join(options.distDir, 'server', 'main.js'), '--db', options.database, '--port', String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    await serving(server);
    const base = `http://127.0.0.1:${port}`;
    const pages: PageFigures[] = [];
    for (const target of await options.targets(base)) {
      pages.push(await measurePage(base, target, options.limits));
    }
    const memory = memoryOf(server.pid);
    return { pages, ...memory };
  } finally {
    server.kill('SIGTERM');
  }
}

async function measurePage(
  base: string,
  target: PageTarget,
  limits: LoadLimits,
): Promise<PageFigures> {
  const figures: PageFigures = {
    ...target,
    status: null,
    coldMs: null,
    p50Ms: null,
    p99Ms: null,
    requests: 0,
    bytes: null,
    computingAnswers: 0,
    homeWhileComputingMaxMs: null,
    problem: null,
  };
  const once = async (
    path = target.path,
  ): Promise<{ ms: number; status: number; bytes: number }> => {
    const start = performance.now();
    const response = await fetch(base + path, {
      signal: AbortSignal.timeout(limits.timeoutSeconds * 1000),
    });
    const body = await response.arrayBuffer();
    return { ms: performance.now() - start, status: response.status, bytes: body.byteLength };
  };
  try {
    const coldStart = performance.now();
    let cold = await once();
    const homeTimes: number[] = [];
    while (cold.status === 202) {
      figures.computingAnswers++;
      if (performance.now() - coldStart > limits.timeoutSeconds * 1000) {
        throw Object.assign(new Error('computing'), { name: 'TimeoutError' });
      }
      homeTimes.push((await once('/')).ms);
      await new Promise((resolve) => setTimeout(resolve, 250));
      cold = await once();
    }
    cold = { ...cold, ms: performance.now() - coldStart };
    if (homeTimes.length > 0) figures.homeWhileComputingMaxMs = Math.max(...homeTimes);
    figures.coldMs = cold.ms;
    figures.status = cold.status;
    figures.bytes = cold.bytes;
    if (cold.status !== 200) {
      figures.problem = `HTTP ${cold.status}`;
      return figures;
    }
    const times: number[] = [];
    const until = performance.now() + limits.seconds * 1000;
    while (times.length < limits.requests && performance.now() < until) {
      times.push((await once()).ms);
    }
    times.sort((a, b) => a - b);
    figures.requests = times.length;
    figures.p50Ms = percentile(times, 50);
    figures.p99Ms = percentile(times, 99);
  } catch (error) {
    const name = (error as Error).name;
    figures.problem =
      name === 'TimeoutError'
        ? `no answer within ${limits.timeoutSeconds} s`
        : (error as Error).message;
  }
  return figures;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the server says it is serving; rejects with its output if it exits first. */
export function serving(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 300_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Parallax is serving')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', listen);
    server.stderr?.on('data', listen);
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}

/** Resident and peak memory of a process, from Linux's /proc (NaN elsewhere). */
function memoryOf(pid: number | undefined): { rssMb: number; peakRssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
    return { rssMb: kib('VmRSS') / 1024, peakRssMb: kib('VmHWM') / 1024 };
  } catch {
    return { rssMb: Number.NaN, peakRssMb: Number.NaN };
  }
}
