// The error a route throws to answer with a status and a message meant for the reader
// (404 for an unknown story, 400 for a bad parameter). The app's error handler turns it
// into the error page; anything else thrown is a 500 whose details are logged, not shown.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Headers the answer carries (Retry-After on a 503). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
