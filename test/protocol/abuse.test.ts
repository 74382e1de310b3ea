/**
 * The server under abuse, over stdio, byte for byte: malformed frames, invalid JSON, messages
 * that are not JSON-RPC, unknown methods. Each is answered as the base protocol and JSON-RPC say,
 * or, when the stream can no longer be read (a frame whose length is missing or wrong), the
 * server says so in one line on stderr and exits non-zero so that the editor restarts it. After
 * every case a valid request proves which: it is answered, or the server has exited. A server
 * that does neither within a few seconds is hung, and fails the test.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Exited, frame, type Outcome, RawClient, SUITE } from './harness';

const ParseError = -32700;
const InvalidRequest = -32600;
const MethodNotFound = -32601;

/** A valid request body (rules documentation: answered with a string). */
const REQUEST = JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'form4/rulesDocumentation' });

function exitedOf(outcome: Outcome, what: string): Exited {
  assert.ok('exited' in outcome, `after ${what} the server answered and went on reading a stream that is out of sync: ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome.exited;
}

function answeredOf(outcome: Outcome, what: string): void {
  assert.ok('answered' in outcome, `after ${what} the server exited instead of going on: ${JSON.stringify(outcome)}`);
  assert.equal(outcome.answered.result, null, 'the probe (hover on a document never opened) is answered null');
}

/** Writes `bytes` to a fresh server; it must exit non-zero with one stderr line matching `reason`. */
async function exitsOn(what: string, bytes: Buffer, reason: RegExp): Promise<RawClient> {
  const client = await RawClient.start();
  try {
    client.write(bytes);
    const exited = exitedOf(await client.answersOrExits(), what);
    assert.notEqual(exited.exitCode, 0, `exit code after ${what}`);
    assert.notEqual(exited.exitCode, null, `the server exited by itself (not by signal ${String(exited.signal)})`);
    // One line says why it exits, the last one (lines before it are the frames it answered).
    const lines = exited.stderr.split('\n').filter((l) => l.trim() !== '');
    assert.equal(lines.filter((l) => l.includes('exiting')).length, 1, `one line says why, got:\n${exited.stderr}`);
    assert.match(lines.at(-1) as string, /^form4-language-server: exiting, /);
    assert.match(lines.at(-1) as string, reason);
    return client;
  } finally {
    client.kill();
  }
}

describe('abuse over stdio: frames the stream cannot be read past', SUITE, () => {
  test('a header without Content-Length', async () => {
    await exitsOn('a header without Content-Length', frame(REQUEST, 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n'), /no Content-Length/);
  });

  test('Content-Length: -5', async () => {
    await exitsOn('Content-Length: -5', frame(REQUEST, 'Content-Length: -5\r\n\r\n'), /Content-Length "-5" is not a length/);
  });

  test('Content-Length: abc', async () => {
    await exitsOn('Content-Length: abc', frame(REQUEST, 'Content-Length: abc\r\n\r\n'), /Content-Length "abc" is not a length/);
  });

  test('Content-Length: 1.5e2, 0x40 and an empty value are not lengths either', async () => {
    for (const value of ['1.5e2', '0x40', '']) {
      await exitsOn(`Content-Length: ${value}`, frame(REQUEST, `Content-Length: ${value}\r\n\r\n`), /is not a length in bytes/);
    }
  });

  test('two Content-Length headers that disagree', async () => {
    const bytes = frame(REQUEST, `Content-Length: ${REQUEST.length}\r\nContent-Length: ${REQUEST.length + 1}\r\n\r\n`);
    await exitsOn('two Content-Length headers', bytes, /two different Content-Length/);
  });

  test('a Content-Length shorter than the body', async () => {
    const client = await exitsOn('a Content-Length 10 bytes short', frame(REQUEST, `Content-Length: ${REQUEST.length - 10}\r\n\r\n`), /expected a message header.*shorter than its body/);
    // The truncated body itself was framed: it got its ParseError before the rest showed the real problem.
    assert.deepEqual(client.nullIdResponses().map((r) => r.error?.code), [ParseError]);
  });

  test('a Content-Length longer than the body, followed by more frames', async () => {
    const next = Buffer.concat([frame({ jsonrpc: '2.0', id: 50, method: 'form4/rulesDocumentation' }), frame({ jsonrpc: '2.0', id: 51, method: 'form4/rulesDocumentation' })]);
    const client = await exitsOn('a Content-Length 30 bytes long', Buffer.concat([frame(REQUEST, `Content-Length: ${REQUEST.length + 30}\r\n\r\n`), next]), /runs into the next message's header.*longer than its body/);
    // The messages swallowed were not answered as if nothing had happened.
    assert.equal(client.received.filter((m) => 'id' in m && (m.id === 50 || m.id === 51 || m.id === 5)).length, 0);
  });

  test('a header line not followed by the blank line', async () => {
    await exitsOn('a header without CRLF CRLF', frame(REQUEST, `Content-Length: ${REQUEST.length}\r\n`), /expected a message header, found "\{/);
  });

  test('header lines ending in LF alone', async () => {
    await exitsOn('LF-only header lines', frame(REQUEST, `Content-Length: ${REQUEST.length}\n\n`), /ends in LF without CR/);
  });

  test('a header that never ends (no CRLF within 8 KiB)', async () => {
    await exitsOn('an endless header line', Buffer.from(`X-Padding: ${'a'.repeat(9000)}`, 'latin1'), /longer than 8192 bytes/);
  });

  test('a huge Content-Length (2 GB): refused at once, nothing is buffered', async () => {
    await exitsOn('Content-Length: 2147483648', frame(REQUEST, 'Content-Length: 2147483648\r\n\r\n'), /Content-Length 2147483648 is over the limit/);
  });

  test('garbage bytes before a frame', async () => {
    await exitsOn('binary garbage', Buffer.concat([Buffer.from([0x00, 0xff, 0x13, 0x37]), frame(REQUEST)]), /expected a message header, found "\\u0000/);
    await exitsOn('text garbage', Buffer.concat([Buffer.from('hello there', 'latin1'), frame(REQUEST)]), /expected a message header|no Content-Length/);
  });

  test('the input ends in the middle of a message', async () => {
    const client = await RawClient.start();
    try {
      client.write(frame(REQUEST).subarray(0, 30));
      client.endInput();
      const exited = await client.waitForExit();
      assert.equal(exited.exitCode, 1);
      assert.match(exited.stderr, /^form4-language-server: .*the input ended in the middle of a message/);
    } finally {
      client.kill();
    }
  });
});

describe('abuse over stdio: what is answered, and the server goes on', SUITE, () => {
  test('invalid JSON in a well-framed body: a ParseError with id null', async () => {
    const client = await RawClient.start();
    try {
      client.write(frame('{"jsonrpc": "2.0", "id": 7, "method": '));
      answeredOf(await client.answersOrExits(), 'invalid JSON');
      assert.deepEqual(client.nullIdResponses().map((r) => r.error?.code), [ParseError]);
      assert.deepEqual(await client.stop(), { exitCode: 0, signal: null, stderr: client.stderr });
    } finally {
      client.kill();
    }
  });

  test('an empty body and a body that is not UTF-8: ParseErrors, and the server goes on', async () => {
    const client = await RawClient.start();
    try {
      client.write(frame(''));
      client.write(frame(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])));
      answeredOf(await client.answersOrExits(), 'an empty body');
      assert.deepEqual(client.nullIdResponses().map((r) => r.error?.code), [ParseError, ParseError]);
    } finally {
      client.kill();
    }
  });

  test('JSON that is not a JSON-RPC message: InvalidRequest, with the id when there is one', async () => {
    const client = await RawClient.start();
    try {
      for (const body of ['[1, 2, 3]', '[]', '42', '"initialize"', 'null', '{"hello": 1}', '{"jsonrpc": "2.0", "id": {"a": 1}, "method": "initialize"}']) client.write(frame(body));
      client.write(frame('{"jsonrpc": "2.0", "id": 3, "method": 7}'));
      answeredOf(await client.answersOrExits(), 'non-JSON-RPC bodies');
      assert.deepEqual(client.nullIdResponses().map((r) => r.error?.code), Array(7).fill(InvalidRequest));
      assert.equal((await client.response(3)).error?.code, InvalidRequest);
    } finally {
      client.kill();
    }
  });

  test('an unknown request: MethodNotFound; an unknown notification: ignored', async () => {
    const client = await RawClient.start();
    try {
      const unknown = client.request('form4/noSuchRequest', {});
      const dollar = client.request('$/noSuchRequest', {});
      client.send({ jsonrpc: '2.0', method: 'form4/noSuchNotification', params: {} });
      client.send({ jsonrpc: '2.0', method: '$/noSuchNotification', params: {} });
      assert.equal((await client.response(unknown)).error?.code, MethodNotFound);
      assert.equal((await client.response(dollar)).error?.code, MethodNotFound);
      answeredOf(await client.answersOrExits(), 'unknown methods');
      // Nothing answered the notifications.
      assert.equal(client.received.filter((m) => 'id' in m && m.id === null).length, 0);
    } finally {
      client.kill();
    }
  });

  test('requests for a document never opened get empty answers', async () => {
    const client = await RawClient.start();
    try {
      const textDocument = { uri: 'file:///nowhere/never-opened.form4' };
      const position = { line: 2, character: 3 };
      const hover = client.request('textDocument/hover', { textDocument, position });
      const symbols = client.request('textDocument/documentSymbol', { textDocument });
      const diagnostics = client.request('textDocument/diagnostic', { textDocument });
      client.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { ...textDocument, version: 2 }, contentChanges: [{ text: 'x' }] } });
      client.send({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument } });
      assert.equal((await client.response(hover)).result, null);
      assert.deepEqual((await client.response(symbols)).result, []);
      assert.deepEqual((await client.response(diagnostics)).result, { kind: 'full', items: [] });
      answeredOf(await client.answersOrExits(), 'requests for a document never opened');
    } finally {
      client.kill();
    }
  });

  test('a request whose params are not an object is answered, and the server goes on', async () => {
    const client = await RawClient.start();
    try {
      const id = client.request('textDocument/hover', 5);
      const answer = await client.response(id);
      assert.ok(answer.error !== undefined || answer.result === null, JSON.stringify(answer));
      answeredOf(await client.answersOrExits(), 'params that are not an object');
    } finally {
      client.kill();
    }
  });
});

describe('framing over stdio that is valid, however it is cut', SUITE, () => {
  test('a frame written one byte at a time, several frames in one write, blank lines between them', async () => {
    const client = await RawClient.start();
    try {
      const first = frame({ jsonrpc: '2.0', id: 100, method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:é€😀.form4' }, position: { line: 0, character: 0 } } });
      for (const byte of first) {
        client.write(Buffer.from([byte]));
        await new Promise((resolve) => setImmediate(resolve));
      }
      assert.equal((await client.response(100)).result, null);
      const several = [101, 102, 103].map((id) => frame({ jsonrpc: '2.0', id, method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:x.form4' }, position: { line: 0, character: 0 } } }));
      client.write(Buffer.concat([several[0] as Buffer, Buffer.from('\r\n'), several[1] as Buffer, Buffer.from('\r\n\r\n'), several[2] as Buffer]));
      for (const id of [101, 102, 103]) assert.equal((await client.response(id)).result, null);
    } finally {
      client.kill();
    }
  });

  test('Content-Type present, header names in any case, extra headers ignored', async () => {
    const client = await RawClient.start();
    try {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 200, method: 'textDocument/hover', params: { textDocument: { uri: 'untitled:x.form4' }, position: { line: 0, character: 0 } } });
      const length = Buffer.byteLength(body);
      client.write(frame(body, `content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH: ${length}\r\nX-Whatever: 1\r\n\r\n`));
      assert.equal((await client.response(200)).result, null);
      client.write(frame(body.replace('200', '201'), `Content-Length:${length}\r\nContent-Type: application/vscode-jsonrpc; charset=utf8\r\n\r\n`));
      assert.equal((await client.response(201)).result, null);
    } finally {
      client.kill();
    }
  });

  test('the input closed without shutdown: exit code 1; after shutdown: 0', async () => {
    for (const shutdown of [false, true]) {
      const client = await RawClient.start();
      try {
        if (shutdown) await client.response(client.request('shutdown'));
        client.endInput();
        const exited = await client.waitForExit();
        assert.equal(exited.exitCode, shutdown ? 0 : 1);
        assert.equal(exited.stderr, '');
      } finally {
        client.kill();
      }
    }
  });
});
