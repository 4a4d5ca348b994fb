// A browser's side of the write forms, for HTTP tests: it keeps the CSRF cookie the server
// sets, reads the token out of a form page, and posts forms (urlencoded or multipart) the
// way a browser would, without following redirects so tests see the 303.

export interface Sent {
  status: number;
  location: string | null;
  html: string;
}

export interface UploadFile {
  name: string;
  bytes: Uint8Array | string;
  type?: string;
}

export class FormSession {
  private cookie = '';

  constructor(readonly base: string) {}

  /** GETs a page, keeps any cookie it sets, and returns it with its form's CSRF token. */
  async open(path: string): Promise<Sent & { token: string }> {
    const response = await fetch(this.base + path, { headers: this.headers() });
    this.keep(response);
    const html = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return { status: response.status, location: null, html, token };
  }

  /** Posts urlencoded fields (the CSRF token is one of them when the test wants it). */
  async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
    return this.send(path, new URLSearchParams(fields), headers);
  }

  /** A browser's next step after a post: the page a 303 points to (any other answer as it is). */
  async follow(sent: Sent): Promise<Sent> {
    if (sent.status !== 303 || sent.location === null) return sent;
    const page = await this.open(sent.location);
    return { status: page.status, location: null, html: page.html };
  }

  /** Posts a multipart form with files, as the upload forms do. */
  async upload(
    path: string,
    fields: Record<string, string>,
    files: UploadFile[],
    field = 'files',
  ): Promise<Sent> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files) {
      form.append(field, new Blob([file.bytes], { type: file.type ?? 'text/plain' }), file.name);
    }
    return this.send(path, form, {});
  }

  private async send(
    path: string,
    body: URLSearchParams | FormData,
    headers: Record<string, string>,
  ): Promise<Sent> {
    const response = await fetch(this.base + path, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { ...this.headers(), ...headers },
    });
    this.keep(response);
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: await response.text(),
    };
  }

  private headers(): Record<string, string> {
    return this.cookie ? { cookie: this.cookie } : {};
  }

  private keep(response: Response): void {
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
  }
}

/** The text of the error page's message, or of the form's problems. */
export function message(html: string): string {
  const found =
    /class="error-message">([^<]*)</.exec(html)?.[1] ??
    /class="form-problems"[\s\S]*?<ul>([\s\S]*?)<\/ul>/.exec(html)?.[1] ??
    '';
  return unescape(found.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Undoes Handlebars' escaping, to compare page text with plain strings. */
export function unescape(html: string): string {
  const entities: Record<string, string> = {
    '&amp;': '&',
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&#x27;': "'",
    '&#x60;': '`',
    '&#x3D;': '=',
  };
  return html.replace(/&(?:amp|lt|gt|quot|#x27|#x60|#x3D);/g, (e) => entities[e] ?? e);
}
