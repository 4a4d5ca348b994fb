import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeChunks, firstInvalidUtf8, UnreadableText } from '../../ingest/decode.js';

async function decode(chunks: Uint8Array[]): Promise<string> {
  let text = '';
  async function* source() {
    yield* chunks;
  }
  for await (const part of decodeChunks(source())) text += part;
  return text;
}

async function reasonFor(chunks: Uint8Array[]): Promise<string> {
  try {
    await decode(chunks);
  } catch (error) {
    assert.ok(error instanceof UnreadableText);
    return error.reason;
  }
  assert.fail('expected UnreadableText');
}

test('a character split across chunks decodes whole', async () => {
  const bytes = Buffer.from('China’s foreign minister');
  for (let cut = 1; cut < bytes.length; cut++) {
    assert.equal(
      await decode([bytes.subarray(0, cut), bytes.subarray(cut)]),
      'China’s foreign minister',
    );
  }
});

test('CRLF split across chunks becomes one LF', async () => {
  assert.equal(await decode([Buffer.from('One.\r'), Buffer.from('\nTwo.\r')]), 'One.\nTwo.\n');
});

test('the byte offset of invalid UTF-8 is exact across chunk boundaries', async () => {
  const bytes = Buffer.concat([
    Buffer.from('Blinken’s trip '),
    Buffer.from([0xe2, 0x80, 0x41]),
    Buffer.from(' more'),
  ]);
  const expected = Buffer.byteLength('Blinken’s trip ');
  for (let cut = 1; cut < bytes.length; cut++) {
    const reason = await reasonFor([bytes.subarray(0, cut), bytes.subarray(cut)]);
    assert.equal(reason, `not UTF-8 (invalid byte sequence at byte ${expected})`, `cut at ${cut}`);
  }
});

test('a truncated sequence at the end of the file is invalid', async () => {
  assert.equal(
    await reasonFor([Buffer.from([0x41, 0x42, 0xe2, 0x80])]),
    'not UTF-8 (invalid byte sequence at byte 2)',
  );
});

test('the validator agrees with the WHATWG decoder on overlongs, surrogates and range', () => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const cases = [
    [0xc0, 0x80],
    [0xe0, 0x80, 0x80],
    [0xed, 0xa0, 0x80],
    [0xf4, 0x90, 0x80, 0x80],
    [0xf5],
    [0xe4, 0xb8, 0xad],
    [0xf0, 0x9f, 0x98, 0x80],
  ];
  for (const bytes of cases) {
    let valid = true;
    try {
      decoder.decode(new Uint8Array(bytes));
    } catch {
      valid = false;
    }
    assert.equal(firstInvalidUtf8(new Uint8Array(bytes)) === -1, valid, bytes.join(','));
  }
});
