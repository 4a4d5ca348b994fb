// Expensive pages without a stalled server: a big story's dashboard or aligned facts is
// computed once per data version by a runner (a worker thread in the server, inline in
// tests and tools), and a request waits for it only briefly. While it computes, the route
// answers 202 with a "still computing" page (server/pages/computing.ts) and every other
// page keeps answering, since the request thread never does the work. A computation over
// its time budget is stopped and its failure kept for that version, so a reload does not
// start it again; new data (a new version) tries again. Given KeptPages, a value kept in
// the database for the version (by `npm run precompute` or an earlier computation) is read
// instead of computed, and a value computed is kept there.

import { Worker } from 'node:worker_threads';
import { describeTask, type PageTask, type TaskValue } from './tasks.js';
import type { KeptPages } from './kept-pages.js';

/** What a runner hands back: the value, or why there is none (an HTTP status and message). */
export type Outcome = { ok: true; value: unknown } | { ok: false; status: number; message: string };

export interface TaskRunner {
  run(task: PageTask): Promise<Outcome>;
  close(): Promise<void>;
}

export type JobState<T> =
  | { state: 'ready'; value: T }
  | { state: 'computing'; what: string; startedAt: number }
  | { state: 'failed'; status: number; message: string };

export interface PageJobsOptions {
  /** How long a request waits for a computation before answering 202 (ms; Infinity: until done). */
  waitMs: number;
  /** Most results kept in memory (least recently used go first). */
  limit: number;
  /** Values kept in the database across restarts (none: computed once per process). */
  kept?: KeptPages;
  /**
   * Why a task not kept is not computed here, or null to compute it: a story too large for
   * the runner's memory fails at once with this message (503) instead of filling it first.
   */
  refuse?: (task: PageTask) => Promise<string | null>;
}

interface Entry {
  version: string;
  startedAt: number;
  outcome: Outcome | null;
  done: Promise<Outcome>;
}

export class PageJobs {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly runner: TaskRunner,
    private readonly options: PageJobsOptions,
  ) {}

  /**
   * The task's value for this data version, or that it is still computing, or why it failed.
   * `waitMs` (default: the options') is how long to wait for a computation; Infinity waits
   * until it is done (a download, which has no "still computing" page to show).
   */
  async get<T extends PageTask>(
    task: T,
    version: string,
    waitMs = this.options.waitMs,
  ): Promise<JobState<TaskValue<T>>> {
    const key = JSON.stringify(task);
    let entry = this.entries.get(key);
    if (entry && entry.version === version) {
      this.entries.delete(key); // re-inserted below: most recently used
    } else {
      entry = this.start(task, version);
    }
    this.entries.set(key, entry);
    while (this.entries.size > this.options.limit) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    if (!entry.outcome && waitMs === Infinity) {
      await entry.done;
    } else if (!entry.outcome && waitMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), waitMs);
      });
      await Promise.race([entry.done, waited]);
      clearTimeout(timer);
    }
    const outcome = entry.outcome as Outcome | null;
    if (!outcome)
      return { state: 'computing', what: describeTask(task), startedAt: entry.startedAt };
    return outcome.ok
      ? { state: 'ready', value: outcome.value as TaskValue<T> }
      : { state: 'failed', status: outcome.status, message: outcome.message };
  }

  /**
   * The message a request for this task would fail with because the task is too large to
   * compute here and not kept for this version, else null. Lets a page of many tasks (an
   * outlet profile) fail before it queues the others, which would keep the worker busy
   * after the page has already answered 503.
   */
  async refusal(task: PageTask, version: string): Promise<string | null> {
    const message = (await this.options.refuse?.(task)) ?? null;
    if (message === null) return null;
    const entry = this.entries.get(JSON.stringify(task));
    if (entry?.version === version && entry.outcome?.ok) return null;
    return (await this.options.kept?.read(task, version)) === undefined ? message : null;
  }

  close(): Promise<void> {
    return this.runner.close();
  }

  private start(task: PageTask, version: string): Entry {
    const entry: Entry = {
      version,
      startedAt: Date.now(),
      outcome: null,
      done: this.compute(task, version).catch((error: unknown): Outcome => ({
        ok: false,
        status: 500,
        message: error instanceof Error ? error.message : String(error),
      })),
    };
    void entry.done.then((outcome) => {
      entry.outcome = outcome;
    });
    return entry;
  }

  private async compute(task: PageTask, version: string): Promise<Outcome> {
    const kept = this.options.kept;
    const value = await kept?.read(task, version);
    if (value !== undefined) return { ok: true, value };
    const refusal = (await this.options.refuse?.(task)) ?? null;
    if (refusal !== null) return { ok: false, status: 503, message: refusal };
    const outcome = await this.runner.run(task);
    if (outcome.ok && kept) {
      // Not keeping it costs the next process a computation, not this page: say so, go on.
      await kept.keep(task, version, outcome.value as TaskValue<PageTask>).catch((error) => {
        console.warn(`parallax: could not keep ${describeTask(task)}: ${String(error)}`);
      });
    }
    return outcome;
  }
}

/** Runs tasks on the request thread: for tests and tools over an in-memory database. */
export class InlineRunner implements TaskRunner {
  constructor(private readonly compute: (task: PageTask) => Promise<unknown>) {}

  async run(task: PageTask): Promise<Outcome> {
    try {
      return { ok: true, value: await this.compute(task) };
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      return {
        ok: false,
        status: typeof status === 'number' ? status : 500,
        message: error instanceof Error ? error.message : String(error),
      };
    }
  }

  async close(): Promise<void> {}
}

export interface WorkerRunnerOptions {
  /** The SQLite file the worker opens (its own connection). */
  database: string;
  /** A task still running after this long is stopped and reported as failed (ms). */
  budgetMs: number;
  /** The worker is ended after this long without a task, giving its memory back (ms). */
  idleMs: number;
  /** The worker's heap bound (MB): a task needing more fails instead of swelling the server. */
  memoryMb: number;
}

interface Queued {
  task: PageTask;
  resolve: (outcome: Outcome) => void;
}

/**
 * One worker thread, one task at a time, in order: on a 2-core machine a second worker
 * would only slow the request thread. The worker starts on demand and ends when idle.
 */
export class WorkerRunner implements TaskRunner {
  private worker: Worker | null = null;
  private readonly queue: Queued[] = [];
  private current: (Queued & { budget: NodeJS.Timeout }) | null = null;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly options: WorkerRunnerOptions) {}

  run(task: PageTask): Promise<Outcome> {
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      this.next();
    });
  }

  async close(): Promise<void> {
    for (const queued of this.queue.splice(0)) {
      queued.resolve({ ok: false, status: 503, message: 'The server is stopping.' });
    }
    this.finish({ ok: false, status: 503, message: 'The server is stopping.' });
    await this.stop();
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const queued = this.queue.shift()!;
    const worker = this.worker ?? this.spawn();
    const budget = setTimeout(() => {
      const seconds = Math.round(this.options.budgetMs / 1000);
      this.finish({
        ok: false,
        status: 503,
        message: `Computing ${describeTask(queued.task)} took longer than ${seconds} s and was stopped. The story is too large for this page on this machine; its CSV exports (npm run export) hold the same sentences and scores.`,
      });
      void this.stop().then(() => this.next());
    }, this.options.budgetMs);
    budget.unref();
    this.current = { ...queued, budget };
    worker.postMessage(queued.task);
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { database: this.options.database },
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
    });
    worker.unref();
    worker.on('message', (outcome: Outcome) => {
      this.finish(outcome);
      this.next();
      this.idleLater();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `Computing ${this.current ? describeTask(this.current.task) : 'this page'} needed more than its ${this.options.memoryMb} MB of memory and was stopped. The story is too large for this page on this machine; its CSV exports (npm run export) hold the same sentences and scores.`
          : `The page computation failed: ${error.message}`;
      this.finish({ ok: false, status: 503, message });
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.finish({
        ok: false,
        status: 500,
        message: 'The page computation stopped unexpectedly.',
      });
      this.next();
    });
    this.worker = worker;
    return worker;
  }

  private finish(outcome: Outcome): void {
    const current = this.current;
    if (!current) return;
    clearTimeout(current.budget);
    this.current = null;
    current.resolve(outcome);
  }

  private idleLater(): void {
    if (this.current || this.queue.length > 0) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.stop(), this.options.idleMs);
    this.idle.unref();
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
