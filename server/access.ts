// Who may write: every POST form (adding, editing, deleting articles, re-analysis) needs a
// CSRF token, by double submit (csrf-csrf: an HMAC-signed token in an HttpOnly, SameSite
// cookie, repeated in the form's `_csrf` field or an X-CSRF-Token header), so another site
// cannot make a researcher's browser write. When the server listens beyond this machine,
// writes also need the operator's token (PARALLAX_OPERATOR_TOKEN), compared in constant
// time; server/main.ts refuses to start in that mode without one.
//
// Not here: body parsing and size limits (the routes that write set them), reads (GET
// pages need neither token).

import cookieParser from 'cookie-parser';
import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpError } from './http-error.js';

/** Form field and header names a write may carry its tokens in. */
export const CSRF_FIELD = '_csrf';
export const OPERATOR_FIELD = 'operator_token';
export const OPERATOR_HEADER = 'x-parallax-operator-token';

/** Shorter tokens are refused at start: a guessable token protects nothing. */
export const MIN_OPERATOR_TOKEN_LENGTH = 16;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for the addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host.trim().toLowerCase());
}

/**
 * The operator token writes need when listening on `host`: null on a loopback address,
 * else the token. Throws with what to do when the mode needs a token and has none (or a
 * short one).
 */
export function operatorTokenFor(host: string, token: string | undefined): string | null {
  if (isLoopbackHost(host)) return null;
  if (token === undefined || token.trim() === '') {
    throw new Error(
      `listening on ${host} lets other machines reach the forms that add, edit and delete ` +
        `articles; set PARALLAX_OPERATOR_TOKEN to a secret of at least ` +
        `${MIN_OPERATOR_TOKEN_LENGTH} characters (writes must then send it), or listen on 127.0.0.1`,
    );
  }
  if (token.trim().length < MIN_OPERATOR_TOKEN_LENGTH) {
    throw new Error(
      `PARALLAX_OPERATOR_TOKEN is too short to protect writes: use at least ${MIN_OPERATOR_TOKEN_LENGTH} characters`,
    );
  }
  return token.trim();
}

/** What every write form prints: the CSRF token, and whether to ask for the operator's. */
export interface WriteFields {
  csrfToken: string;
  needsOperatorToken: boolean;
}

export interface WriteAccess {
  /** Reads the cookies the CSRF check needs; mounted once for the whole app. */
  cookies: RequestHandler;
  /** Refuses a write (403) without a valid CSRF token, or without the operator token when one is set. */
  check: RequestHandler;
  /** The fields a form needs; sets the CSRF cookie when the browser has none yet. */
  fields(req: Request, res: Response): WriteFields;
}

export function writeAccess(operatorToken: string | null): WriteAccess {
  // A secret per process: a form opened before a restart asks to be reloaded.
  const secret = randomBytes(32).toString('hex');
  const csrf = doubleCsrf({
    getSecret: () => secret,
    // No sessions: the token is bound to this server's secret, not to a login.
    getSessionIdentifier: () => '',
    // Not the __Host- prefix: it needs a Secure cookie, and the server is usually plain
    // HTTP on 127.0.0.1.
    cookieName: 'parallax_csrf',
    cookieOptions: { sameSite: 'strict', path: '/', secure: false, httpOnly: true },
    getCsrfTokenFromRequest: (req) => bodyField(req, CSRF_FIELD) ?? req.get('x-csrf-token'),
  });
  const expected = operatorToken === null ? null : digest(operatorToken);

  return {
    cookies: cookieParser(),
    check: (req: Request, _res: Response, next: NextFunction) => {
      if (!csrf.validateRequest(req)) {
        return next(
          new HttpError(
            403,
            'This form has expired or was not sent from this site: its security token is ' +
              'missing or wrong. Go back, reload the page and send the form again.',
          ),
        );
      }
      if (expected !== null) {
        const given = bodyField(req, OPERATOR_FIELD) ?? req.get(OPERATOR_HEADER);
        // Digests of equal length, so the comparison takes the same time whatever is sent.
        if (given === undefined || !timingSafeEqual(digest(given.trim()), expected)) {
          return next(
            new HttpError(
              403,
              'Changes on this server need the operator’s token: enter it in the form (or ' +
                `send it in the ${OPERATOR_HEADER} header). Ask whoever runs this server for it.`,
            ),
          );
        }
      }
      next();
    },
    fields: (req, res) => ({
      csrfToken: csrf.generateCsrfToken(req, res, {
        cookieOptions: { secure: req.secure },
      }),
      needsOperatorToken: expected !== null,
    }),
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** A string field of a parsed form or JSON body, if there is one. */
export function bodyField(req: Request, name: string): string | undefined {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || !Object.hasOwn(body, name)) return undefined;
  const value: unknown = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
