/**
 * The stdio reader (server/src/lsp/transport.ts) fed chunks directly: frames cut anywhere, several
 * in one chunk, UTF-8 split inside a character, header fields in any case; what is answered
 * (ParseError, InvalidRequest) and what ends the stream; and that it keeps no chunk alive.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { type Message, StreamMessageReader } from 'vscode-languageserver-protocol/node';
import {
  classify,
  createStdioTransport,
  type Decoded,
  FrameDecoder,
  MAX_BODY_BYTES,
  routeConsoleTo,
  StdioMessageReader,
  transportOf,
  UnreadableStreamError,
} from '../../server/src/lsp/transport';
import { frame } from './harness';

const ParseError = -32700;
const InvalidRequest = -32600;

const hover = (id: number, uri = 'untitled:x.form4'): Message =>
  ({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 0 } } }) as Message;

/** Feeds `chunks` one after the other; everything decoded, in order. */
function decode(chunks: readonly Uint8Array[], decoder = new FrameDecoder()): Decoded[] {
  return chunks.flatMap((c) => decoder.push(c));
}

function messages(decoded: readonly Decoded[]): Message[] {
  return decoded.map((d) => {
    assert.equal(d.kind, 'message', JSON.stringify(d));
    return (d as { message: Message }).message;
  });
}

/** `bytes` cut at the given offsets. */
function cut(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = [...new Set(at)].filter((p) => p > 0 && p < bytes.length).sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let start = 0;
  for (const p of [...points, bytes.length]) {
    pieces.push(bytes.subarray(start, p));
    start = p;
  }
  return pieces;
}

function fatalReason(decoded: readonly Decoded[]): string {
  const last = decoded.at(-1);
  assert.equal(last?.kind, 'fatal', `a fatal result, got ${JSON.stringify(decoded)}`);
  return (last as { reason: string }).reason;
}

function rejectedCodes(decoded: readonly Decoded[]): (number | undefined)[] {
  return decoded.filter((d) => d.kind === 'rejected').map((d) => (d as { response: { error?: { code: number } } }).response.error?.code);
}

describe('FrameDecoder: valid frames, however they are cut', () => {
  test('one frame in one chunk', () => {
    assert.deepEqual(messages(decode([frame(hover(1))])), [hover(1)]);
  });

  test('several frames in one chunk, in order', () => {
    const bytes = Buffer.concat([frame(hover(1)), frame(hover(2)), frame({ jsonrpc: '2.0', method: 'initialized', params: {} })]);
    assert.deepEqual(messages(decode([bytes])), [hover(1), hover(2), { jsonrpc: '2.0', method: 'initialized', params: {} }]);
  });

  test('three frames cut in two at every byte, and byte by byte', () => {
    const expected = [hover(1, 'untitled:é.form4'), hover(2), hover(3, 'untitled:😀.form4')];
    const bytes = Buffer.concat(expected.map((m) => frame(m)));
    for (let i = 1; i < bytes.length; i++) assert.deepEqual(messages(decode(cut(bytes, [i]))), expected, `cut at ${i}`);
    assert.deepEqual(messages(decode(cut(bytes, Array.from({ length: bytes.length }, (_, i) => i)))), expected);
  });

  test('multi-byte UTF-8 split inside a character keeps the text', () => {
    const text = 'Common Stock é € 😀 普通股 \u2028 end';
    const message = { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'untitled:u.form4', languageId: 'form4', version: 1, text } } };
    const bytes = frame(message);
    const start = bytes.indexOf(Buffer.from('é'));
    for (let i = start; i < start + Buffer.byteLength('é € 😀 普通股'); i++) {
      const [decoded] = messages(decode(cut(bytes, [i, i + 1, i + 2])));
      assert.equal((decoded as unknown as { params: { textDocument: { text: string } } }).params.textDocument.text, text, `cut at ${i}`);
    }
  });

  test('any messages, cut anywhere (property)', () => {
    const json = fc.jsonValue({ maxDepth: 3 }).map((v) => ({ jsonrpc: '2.0', method: 'form4/any', params: { v } }) as Message);
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), (sent, points) => {
        const bytes = Buffer.concat(sent.map((m) => frame(m)));
        const received = messages(decode(cut(bytes, points.map((p) => p % bytes.length))));
        // JSON round trip: -0 becomes 0, as it does on the wire.
        assert.deepEqual(received, JSON.parse(JSON.stringify(sent)));
      }),
      { numRuns: 300 },
    );
  });

  test('Content-Type present, header names in any case, spaces around values, other fields ignored', () => {
    const body = JSON.stringify(hover(1));
    const length = Buffer.byteLength(body);
    const headers = [
      `Content-Length: ${length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`,
      `content-type: application/vscode-jsonrpc; charset=UTF8\r\ncontent-length:${length}\r\n\r\n`,
      `CONTENT-LENGTH: \t${length} \r\nX-Trace-Id: abc-123\r\n\r\n`,
      `Content-Length: ${length}\r\nContent-Length: ${length}\r\n\r\n`,
      `Content-Length: 000${length}\r\n\r\n`,
      `Content-Type: application/vscode-jsonrpc\r\nContent-Length: ${length}\r\n\r\n`,
    ];
    for (const header of headers) assert.deepEqual(messages(decode([frame(body, header)])), [hover(1)], header);
  });

  test('blank lines between frames are skipped', () => {
    const bytes = Buffer.concat([Buffer.from('\r\n'), frame(hover(1)), Buffer.from('\r\n\r\n\n'), frame(hover(2)), Buffer.from('\n')]);
    const decoder = new FrameDecoder();
    assert.deepEqual(messages(decode([bytes], decoder)), [hover(1), hover(2)]);
    assert.equal(decoder.end(), undefined, 'ending after blank lines is a clean end');
  });

  test('a body with a byte order mark', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(hover(1)))]);
    assert.deepEqual(messages(decode([frame(body)])), [hover(1)]);
  });

  test('responses to the server’s own requests go through, even malformed ones (the connection fails the pending request)', () => {
    const bodies = [{ jsonrpc: '2.0', id: 4, result: null }, { jsonrpc: '2.0', id: 'a', error: { code: 1, message: 'no' } }, { jsonrpc: '2.0', id: 5 }, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'x' } }];
    assert.deepEqual(messages(decode(bodies.map((b) => frame(b)))), bodies);
  });
});

describe('FrameDecoder: frames that are answered, and reading goes on', () => {
  test('invalid JSON, an empty body, a body that is not UTF-8, another charset: ParseError with id null', () => {
    const decoded = decode([
      frame('{"jsonrpc": "2.0", "id": 7, "method": '),
      frame(''),
      frame(Buffer.from([0x7b, 0xff, 0x7d])),
      frame(JSON.stringify(hover(8)), `Content-Length: ${JSON.stringify(hover(8)).length}\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n`),
      frame(hover(9)),
    ]);
    assert.deepEqual(rejectedCodes(decoded), [ParseError, ParseError, ParseError, ParseError]);
    for (const d of decoded.slice(0, 4)) assert.equal((d as { response: { id: unknown } }).response.id, null);
    assert.deepEqual(decoded.at(-1), { kind: 'message', message: hover(9) });
  });

  test('JSON that is not JSON-RPC: InvalidRequest, with the id when it is usable', () => {
    const cases: [unknown, number | string | null][] = [
      [[1, 2], null],
      [[], null],
      [42, null],
      ['text', null],
      [null, null],
      [true, null],
      [{ hello: 1 }, null],
      [{ jsonrpc: '2.0', id: { a: 1 }, method: 'initialize' }, null],
      [{ jsonrpc: '2.0', id: null, method: 'initialize' }, null],
      [{ jsonrpc: '2.0', id: 3, method: 7 }, 3],
      [{ jsonrpc: '2.0', id: 'x', method: 'textDocument/hover', params: 5 }, 'x'],
      [{ jsonrpc: '2.0', method: 'textDocument/didOpen', params: 'text' }, null],
      [{ jsonrpc: '2.0', id: 6, method: 'textDocument/hover', params: null }, 6],
    ];
    for (const [value, id] of cases) {
      const decoded = classify(value);
      assert.equal(decoded.kind, 'rejected', JSON.stringify(value));
      const { response } = decoded as { response: { id: unknown; error: { code: number; message: string } } };
      assert.equal(response.error.code, InvalidRequest, JSON.stringify(value));
      assert.equal(response.id, id, JSON.stringify(value));
      assert.ok(response.error.message.length > 0);
    }
  });

  test('a request, a notification and params as an array are messages', () => {
    for (const value of [hover(1), { jsonrpc: '2.0', method: 'exit' }, { jsonrpc: '2.0', id: 2, method: 'x', params: [1, 2] }]) {
      assert.deepEqual(classify(value), { kind: 'message', message: value });
    }
  });
});

describe('FrameDecoder: frames after which the stream cannot be read', () => {
  const body = JSON.stringify(hover(5));
  const fatal = (header: string, bytes: Buffer = frame(body, header), decoder = new FrameDecoder()): string => {
    const decoded = decode([bytes, frame(hover(6))], decoder);
    const reason = fatalReason(decoded);
    // Nothing after: not the next frame either, however well formed.
    assert.deepEqual(decoder.push(frame(hover(7))), []);
    assert.equal(decoder.end(), undefined);
    assert.equal(decoder.retainedBytes, 0);
    return reason;
  };

  test('no Content-Length', () => {
    assert.match(fatal('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'), /^a message header has no Content-Length, so the length of its body is unknown/);
    assert.match(fatal('\r\n', Buffer.from(`X: 1\r\n\r\n${body}`)), /no Content-Length/);
  });

  test('a Content-Length that is not a number of bytes', () => {
    for (const value of ['-5', 'abc', '', '1.5', '1e3', '0x10', '+5', '5 5', '５']) {
      assert.match(fatal(`Content-Length: ${value}\r\n\r\n`), value === '５' ? /header value holds byte|not a length/ : /is not a length in bytes$/, value);
    }
  });

  test('two Content-Length values that disagree', () => {
    assert.equal(fatal('Content-Length: 5\r\ncontent-length: 6\r\n\r\n'), 'a message header has two different Content-Length values ("5", "6")');
  });

  test('a Content-Length over the limit, at once (nothing is buffered for it)', () => {
    const decoder = new FrameDecoder(1000);
    const decoded = decoder.push(Buffer.from('Content-Length: 1001\r\n\r\n{'));
    assert.equal(fatalReason(decoded), 'Content-Length 1001 is over the limit of 1000 bytes (0 MiB)');
    assert.match(fatal('Content-Length: 2147483648\r\n\r\n'), new RegExp(`^Content-Length 2147483648 is over the limit of ${MAX_BODY_BYTES} bytes \\(256 MiB\\)$`));
    assert.match(fatal('Content-Length: 99999999999999999999999\r\n\r\n'), /over the limit/);
  });

  test('header lines that do not end in CRLF', () => {
    assert.match(fatal(`Content-Length: ${body.length}\n\n`), /^a header line ends in LF without CR \("Content-Length: \d+\\n/);
    assert.match(fatal(`Content-Length: ${body.length}\r\n\n`), /ends in LF without CR/);
    assert.match(fatal(`Content-Length: ${body.length}\rX`), /a CR in a message header is not followed by LF/);
    assert.match(fatal(`Content-Length: ${body.length}\r\n\rX`), /a CR in a message header is not followed by LF/);
  });

  test('a header not followed by the blank line: the body is where a header should be', () => {
    assert.match(fatal(`Content-Length: ${body.length}\r\n`), /^expected a message header, found "\{\\"jsonrpc\\":\\"2.0\\",\\"id\\":5,\\"method\\":\\"textDo"…$/);
  });

  test('garbage before a frame, and header lines that are not fields', () => {
    assert.match(fatal('', Buffer.concat([Buffer.from([0x00, 0xff]), frame(body)])), /^expected a message header, found "\\u0000ÿContent-Length/);
    assert.match(fatal('', Buffer.concat([Buffer.from('hello there'), frame(body)])), /^expected a message header, found "hello there/);
    assert.match(fatal(': 5\r\n\r\n'), /^expected a message header, found ": 5\\r\\n/);
    assert.match(fatal('Content Length: 5\r\n\r\n'), /^expected a message header, found "Content Length/);
    assert.match(fatal('Content-Length\r\n\r\n'), /^expected a message header, found "Content-Length\\r/);
    assert.match(fatal('Content-Length: 5\x01\r\n\r\n'), /^a header value holds byte 0x01/);
  });

  test('a header that does not end within the limit', () => {
    assert.match(fatal('', Buffer.from(`X-Padding: ${'a'.repeat(9000)}`)), /^a message header is longer than 8192 bytes \("X-Padding: aaa/);
    const decoder = new FrameDecoder(MAX_BODY_BYTES, 64);
    assert.match(fatal('', Buffer.from(`Content-Length: 5\r\nX-Padding: ${'a'.repeat(60)}\r\n\r\n`), decoder), /longer than 64 bytes/);
  });

  test('a Content-Length shorter than the body: its body is a ParseError, then the rest is not a header', () => {
    const decoded = decode([frame(body, `Content-Length: ${body.length - 10}\r\n\r\n`)]);
    assert.deepEqual(rejectedCodes(decoded), [ParseError]);
    assert.equal(fatalReason(decoded), `expected a message header, found "entation\\":5}"; the message before it was not valid JSON either, so its Content-Length was probably shorter than its body`.replace('entation\\":5}', body.slice(-10).replace(/"/g, '\\"')));
  });

  test('a Content-Length shorter than the body, the rest arriving later', () => {
    const decoder = new FrameDecoder();
    const bytes = frame(body, `Content-Length: ${body.length - 10}\r\n\r\n`);
    const first = decoder.push(bytes.subarray(0, bytes.length - 10));
    assert.deepEqual(rejectedCodes(first), [ParseError]);
    assert.match(fatalReason(decoder.push(bytes.subarray(bytes.length - 10))), /probably shorter than its body$/);
  });

  test('a Content-Length longer than the body, running into the next frame', () => {
    assert.equal(fatal(`Content-Length: ${body.length + 30}\r\n\r\n`), `a message body runs into the next message's header: its Content-Length (${body.length + 30}) is longer than its body`);
  });

  test('the input ends inside a header or a body', () => {
    const inHeader = new FrameDecoder();
    assert.deepEqual(inHeader.push(Buffer.from('Content-Len')), []);
    assert.deepEqual(inHeader.end(), { kind: 'fatal', reason: 'the input ended in the middle of a message (in its header)' });
    const inBody = new FrameDecoder();
    assert.deepEqual(inBody.push(frame(body).subarray(0, 30)), []);
    assert.match((inBody.end() as { reason: string }).reason, /^the input ended in the middle of a message \(\d+ of its \d+ body bytes\)$/);
    assert.equal(new FrameDecoder().end(), undefined);
  });
});

describe('FrameDecoder: memory', () => {
  test('a small remainder of a large chunk does not keep the chunk', () => {
    const next = frame(hover(2));
    const big = Buffer.concat([frame({ jsonrpc: '2.0', method: 'form4/big', params: { text: 'x'.repeat(1024 * 1024) } }), next.subarray(0, next.length - 5)]);
    const decoder = new FrameDecoder();
    assert.equal(decoder.push(big).length, 1);
    assert.ok(decoder.retainedBytes <= next.length, `retains ${decoder.retainedBytes} bytes`);
    assert.deepEqual(messages(decoder.push(next.subarray(next.length - 5))), [hover(2)]);
    assert.equal(decoder.retainedBytes, 0);
    assert.equal(decoder.bufferedBytes, 0);
  });

  test('a large body across many chunks holds one buffer of its length, released when it is complete', () => {
    const text = 'y'.repeat(3 * 1024 * 1024);
    const bytes = frame({ jsonrpc: '2.0', method: 'form4/big', params: { text } });
    const decoder = new FrameDecoder();
    const pieces = cut(bytes, Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => i * 65536));
    let seen = 0;
    for (const [i, piece] of pieces.entries()) {
      const out = decoder.push(piece);
      if (i < pieces.length - 1) {
        assert.deepEqual(out, []);
        assert.ok(decoder.retainedBytes <= bytes.length, `retains ${decoder.retainedBytes}`);
      } else {
        seen = out.length;
        assert.equal((out[0] as unknown as { message: { params: { text: string } } }).message.params.text.length, text.length);
      }
    }
    assert.equal(seen, 1);
    assert.equal(decoder.retainedBytes, 0);
  });
});

describe('StdioMessageReader', () => {
  test('delivers messages, reports rejected frames, notes shutdown, and closes at the end', async () => {
    const input = new PassThrough();
    const reader = new StdioMessageReader(input);
    const got: Message[] = [];
    const rejected: number[] = [];
    let closed = false;
    reader.onRejected((r) => rejected.push(r.response.error?.code ?? 0));
    reader.onClose(() => {
      closed = true;
    });
    reader.listen((m) => got.push(m));
    input.write(frame(hover(1)));
    input.write(frame('nope'));
    assert.equal(reader.shutdownRequested, false);
    input.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
    input.end();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(got, [hover(1), { jsonrpc: '2.0', id: 2, method: 'shutdown' }]);
    assert.deepEqual(rejected, [ParseError]);
    assert.equal(reader.shutdownRequested, true);
    assert.equal(closed, true);
  });

  test('after an unreadable frame: one error, then nothing is delivered', async () => {
    const input = new PassThrough();
    const reader = new StdioMessageReader(input);
    const got: Message[] = [];
    const errors: Error[] = [];
    reader.onError((e) => errors.push(e));
    reader.listen((m) => got.push(m));
    input.write(Buffer.concat([frame(hover(1)), Buffer.from('Content-Length: x\r\n\r\n'), frame(hover(2))]));
    input.write(frame(hover(3)));
    input.end();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(got, [hover(1)]);
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof UnreadableStreamError);
    assert.equal(errors[0]?.message, 'Content-Length "x" is not a length in bytes');
  });
});

describe('createStdioTransport', () => {
  function harness(): { input: PassThrough; output: PassThrough; logs: string[]; exits: number[]; answers: Message[]; until: (done: () => boolean, what: string) => Promise<void> } {
    const input = new PassThrough();
    const output = new PassThrough();
    const logs: string[] = [];
    const exits: number[] = [];
    const answers: Message[] = [];
    new StreamMessageReader(output).listen((m) => answers.push(m));
    // Waits for what the test expects to have happened (a real signal, not a delay); a generous
    // deadline fails the test instead of hanging it.
    const until = async (done: () => boolean, what: string): Promise<void> => {
      const deadline = Date.now() + 10_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`not within 10 s: ${what}; logs ${JSON.stringify(logs)}, exits ${JSON.stringify(exits)}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    return { input, output, logs, exits, answers, until };
  }

  test('a rejected frame is answered on the output and logged; the end without shutdown exits 1', async () => {
    const h = harness();
    const { reader } = createStdioTransport({ input: h.input, output: h.output, log: (l) => h.logs.push(l), exit: (c) => h.exits.push(c) });
    reader.listen(() => undefined);
    h.input.write(frame('{'));
    await h.until(() => h.answers.length === 1 && h.logs.length === 1, 'the answer and its log line');
    // JSON.parse's own words vary with the Node version.
    assert.equal(h.answers.length, 1);
    const answer = h.answers[0] as unknown as { id: unknown; error: { code: number; message: string } };
    assert.equal(answer.id, null);
    assert.equal(answer.error.code, ParseError);
    assert.match(answer.error.message, /^the body is not valid JSON \(.+\)$/);
    assert.deepEqual(h.logs, [`form4-language-server: answered ParseError to a message it cannot use: ${answer.error.message}`]);
    assert.deepEqual(h.exits, []);
    h.input.end();
    await h.until(() => h.exits.length > 0, 'the exit');
    assert.deepEqual(h.exits, [1]);
  });

  test('an unreadable frame: one line, after the answers already sent, then exit 1', async () => {
    const h = harness();
    const { reader } = createStdioTransport({ input: h.input, output: h.output, log: (l) => h.logs.push(l), exit: (c) => h.exits.push(c) });
    reader.listen(() => undefined);
    h.input.write(Buffer.concat([frame('[]'), Buffer.from('Content-Length: -5\r\n\r\n')]));
    await h.until(() => h.answers.length === 1 && h.exits.length > 0, 'the answer and the exit');
    assert.equal(h.answers.length, 1);
    assert.deepEqual(h.logs.slice(1), ["form4-language-server: exiting, the editor's messages cannot be read any further: Content-Length \"-5\" is not a length in bytes"]);
    assert.deepEqual(h.exits, [1]);
    h.input.end();
    // The reader has stopped reading, so the end never arrives as an event: give the streams a few
    // turns of the event loop to deliver it, if they would, before asserting it changed nothing.
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(h.exits, [1], 'exits once');
  });

  test('the end after a shutdown request exits 0', async () => {
    const h = harness();
    const { reader } = createStdioTransport({ input: h.input, output: h.output, log: (l) => h.logs.push(l), exit: (c) => h.exits.push(c) });
    reader.listen(() => undefined);
    h.input.end(frame({ jsonrpc: '2.0', id: 1, method: 'shutdown' }));
    await h.until(() => h.exits.length > 0, 'the exit');
    assert.deepEqual(h.exits, [0]);
    assert.deepEqual(h.logs, []);
  });
});

describe('transportOf and routeConsoleTo', () => {
  test('the first transport named on the command line, as vscode-languageserver reads it', () => {
    assert.equal(transportOf(['--stdio']), 'stdio');
    assert.equal(transportOf(['--clientProcessId=5', '--stdio']), 'stdio');
    assert.equal(transportOf(['--node-ipc', '--clientProcessId=5']), 'node-ipc');
    assert.equal(transportOf(['--socket=6009']), 'socket');
    assert.equal(transportOf(['--socket', '6009']), 'socket');
    assert.equal(transportOf(['--pipe=/tmp/x']), 'pipe');
    assert.equal(transportOf(['--node-ipc', '--stdio']), 'node-ipc');
    assert.equal(transportOf(['--clientProcessId=5']), undefined);
    assert.equal(transportOf([]), undefined);
  });

  test('console output goes to the client log, not to stdout', () => {
    const saved = { ...console };
    const logged: string[] = [];
    try {
      routeConsoleTo({ log: (m) => logged.push(`log ${m}`), info: (m) => logged.push(`info ${m}`), warn: (m) => logged.push(`warn ${m}`), error: (m) => logged.push(`error ${m}`) });
      console.log('a', 1, { b: 2 });
      console.warn('w');
      console.error('e %d', 3);
      console.info('i');
    } finally {
      Object.assign(console, saved);
    }
    assert.deepEqual(logged, ['log a 1 { b: 2 }', 'warn w', 'error e 3', 'info i']);
  });
});
