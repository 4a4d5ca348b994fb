/**
 * Bytes → text for every reader: refuses binary files and invalid UTF-8 with the byte
 * offset of the problem, decodes UTF-8 (BOM stripped) and UTF-16 with a BOM, and
 * normalizes CRLF / lone CR to LF. Works on a whole buffer and on a stream of chunks,
 * so large CSV/JSONL files never sit in memory whole.
 *
 * Deliberately not here: guessing legacy encodings (Windows-1252, Latin-1) — a file
 * that is not UTF-8 is reported, never silently mis-decoded.
 */
import { TextDecoder } from 'node:util';

/** A file that cannot be read as text; `reason` is what the researcher sees. */
export class UnreadableText extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function sniffEncoding(head: Uint8Array): Encoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

const BINARY =
  'binary file (contains NUL bytes; if it is UTF-16 text without a byte-order mark, save it as UTF-8)';

/**
 * Decode a stream of byte chunks into text chunks with LF line ends.
 * Throws UnreadableText on NUL bytes or invalid byte sequences. The UTF-8 BOM (and the
 * UTF-16 BOM) is dropped, so offsets count from the first character of content.
 */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let encoding: Encoding = 'utf-8';
  let chunkStart = 0;
  let previous: Uint8Array = new Uint8Array(0);
  let heldCR = false;

  const normalize = (text: string, final: boolean): string => {
    let out = heldCR ? '\r' + text : text;
    heldCR = !final && out.endsWith('\r');
    if (heldCR) out = out.slice(0, -1);
    if (encoding !== 'utf-8' && out.includes('\0')) throw new UnreadableText(BINARY);
    return out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
  };

  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (!decoder) {
      encoding = sniffEncoding(chunk);
      decoder = new TextDecoder(encoding, { fatal: true });
    }
    if (encoding === 'utf-8' && chunk.indexOf(0) !== -1) throw new UnreadableText(BINARY);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw invalidAt(encoding, chunkStart, previous, chunk);
    }
    chunkStart += chunk.length;
    previous = chunk;
    const out = normalize(text, false);
    if (out) yield out;
  }
  if (!decoder) return;
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw invalidAt(encoding, chunkStart, previous, new Uint8Array(0));
  }
  const out = normalize(rest, true);
  if (out) yield out;
}

/** Decode a whole buffer (an upload, a per-article file) the same way as a stream. */
export async function decodeWhole(bytes: Uint8Array): Promise<string> {
  let text = '';
  for await (const part of decodeChunks(once(bytes))) text += part;
  return text;
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

function invalidAt(
  encoding: Encoding,
  chunkStart: number,
  previous: Uint8Array,
  chunk: Uint8Array,
) {
  if (encoding !== 'utf-8') return new UnreadableText(`not valid ${encoding.toUpperCase()} text`);
  // The previous chunk decoded cleanly, so the only bytes it can still owe are an
  // unfinished sequence at its end; scan from there to find where the error starts.
  const tail = unfinishedTail(previous);
  const joined = new Uint8Array(tail.length + chunk.length);
  joined.set(tail, 0);
  joined.set(chunk, tail.length);
  const at = firstInvalidUtf8(joined);
  const offset = chunkStart - tail.length + (at === -1 ? 0 : at);
  return new UnreadableText(`not UTF-8 (invalid byte sequence at byte ${offset})`);
}

/** Length of the UTF-8 sequence a lead byte starts; 0 for a byte that cannot lead. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function unfinishedTail(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) !== 0x80) {
      return sequenceLength(byte) > back ? bytes.subarray(bytes.length - back) : new Uint8Array(0);
    }
  }
  return new Uint8Array(0);
}

/**
 * Index of the first byte of the first invalid (or truncated) UTF-8 sequence, or -1.
 * Same rules as the WHATWG decoder: no overlong forms, no surrogates, nothing past U+10FFFF.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = sequenceLength(lead);
    if (length === 1) {
      i++;
      continue;
    }
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1] ?? 0;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}
