// The "still computing" answer of a page whose data a worker is computing
// (server/compute/page-jobs.ts): 202 with a page that says what is being computed and
// since when, and reloads itself through the Refresh header (the pages run no script, and
// the content security policy would refuse any); for JSON, 202 with Retry-After.

import type { Response } from 'express';
import type { LayoutModel, Renderer } from '../render.js';

/** Seconds between the page's automatic reloads. */
export const REFRESH_SECONDS = 2;

export interface ComputingPage extends LayoutModel {
  what: string;
  seconds: number;
  refreshSeconds: number;
  href: string;
}

export function computingPage(
  layout: LayoutModel,
  job: { what: string; startedAt: number },
  href: string,
  now = Date.now(),
): ComputingPage {
  return {
    ...layout,
    what: job.what,
    seconds: Math.max(0, Math.round((now - job.startedAt) / 1000)),
    refreshSeconds: REFRESH_SECONDS,
    href,
  };
}

/** Answers 202 with the page, reloading itself at the same address. */
export function sendComputing(
  res: Response,
  render: Renderer,
  layout: LayoutModel,
  job: { what: string; startedAt: number },
  href: string,
): void {
  res
    .status(202)
    .set('Refresh', String(REFRESH_SECONDS))
    .set('Cache-Control', 'no-store')
    .send(render('computing', computingPage(layout, job, href)));
}

/** The JSON form: 202, Retry-After, and what is being computed. */
export function sendComputingJson(res: Response, job: { what: string; startedAt: number }): void {
  res
    .status(202)
    .set('Retry-After', String(REFRESH_SECONDS))
    .set('Cache-Control', 'no-store')
    .json({
      status: 'computing',
      what: job.what,
      startedAt: new Date(job.startedAt).toISOString(),
      retryAfterSeconds: REFRESH_SECONDS,
    });
}
