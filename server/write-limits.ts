// How much a write may send, and the body parsers that hold it to that: forms (urlencoded
// or JSON) and uploads (multer, files kept in memory). Anything larger is refused with
// 413 and a page that says what the limit is; nothing of it is read further or stored.
//
// Not here: who may write (access.ts), what the fields mean (form-input.ts).

import express from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { HttpError } from './http-error.js';

export interface WriteLimits {
  /** Largest form body: the paste form's text and metadata. */
  formBytes: number;
  /** Largest uploaded file. */
  fileBytes: number;
  /** Most files in one upload. */
  files: number;
}

export const DEFAULT_WRITE_LIMITS: WriteLimits = {
  // An article of 2,000,000 characters (ingest's limit) is rare; 2 MB of pasted text is a
  // long book chapter.
  formBytes: 2 * 1024 * 1024,
  fileBytes: 5 * 1024 * 1024,
  files: 10,
};

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Parses a urlencoded or JSON form body up to the limit; larger is a 413 with the limit named. */
export function formBody(limits: WriteLimits): RequestHandler[] {
  const tooLarge = (error: unknown, next: NextFunction) => {
    if ((error as { type?: unknown } | null)?.type === 'entity.too.large') {
      return next(
        new HttpError(
          413,
          `The form sent more than this server accepts (${describeBytes(limits.formBytes)}). ` +
            'Nothing was stored. Split a long text into several articles, or upload it as a file.',
        ),
      );
    }
    next(error);
  };
  const parsers = [
    express.urlencoded({ extended: false, limit: limits.formBytes, parameterLimit: 50 }),
    express.json({ limit: limits.formBytes }),
  ];
  return parsers.map(
    (parse) => (req: Request, res: Response, next: NextFunction) =>
      parse(req, res, (error?: unknown) => (error ? tooLarge(error, next) : next())),
  );
}

/** Receives up to `files` files of the form field `field` into memory, with their limits. */
export function uploadBody(limits: WriteLimits, field: string): RequestHandler {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: limits.fileBytes,
      files: limits.files,
      fields: 30,
      fieldSize: 64 * 1024,
      parts: limits.files + 30,
    },
  }).array(field, limits.files);
  return (req, res, next) =>
    upload(req, res, (error: unknown) => {
      if (!(error instanceof multer.MulterError)) return next(error);
      const nothing = 'Nothing was stored.';
      switch (error.code) {
        case 'LIMIT_FILE_SIZE':
          return next(
            new HttpError(
              413,
              `A file is larger than this server accepts (${describeBytes(limits.fileBytes)} per file). ${nothing} ` +
                'Split it, or add it on the command line (npm run ingest).',
            ),
          );
        case 'LIMIT_FILE_COUNT':
          return next(
            new HttpError(
              413,
              `Too many files: at most ${limits.files} in one upload. ${nothing} Send them in several uploads.`,
            ),
          );
        case 'LIMIT_UNEXPECTED_FILE':
          return next(
            new HttpError(400, `Files go in the “${field}” field of the form. ${nothing}`),
          );
        default:
          return next(
            new HttpError(
              413,
              `The upload is larger than this server accepts (${error.message}). ${nothing}`,
            ),
          );
      }
    });
}
