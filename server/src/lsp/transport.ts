/**
 * The stdio transport: a strict reader of the LSP base protocol (header fields, CRLF, a blank
 * line, then exactly Content-Length bytes of UTF-8 JSON), and what the server does with a frame it
 * cannot read.
 *
 * A stream of frames has no way back into sync: once a header is missing, malformed, or its
 * Content-Length is wrong, where the next message starts is unknowable, and reading on would
 * answer pieces of messages or nothing at all (vscode-jsonrpc's reader keeps the bad bytes and
 * never answers again: issue 8). So:
 *
 * - a frame that is well delimited but whose body cannot be used (not UTF-8, not JSON, not a
 *   JSON-RPC message) is answered with ParseError or InvalidRequest, as JSON-RPC says, and the
 *   server reads on: the next frame starts where this one's length said;
 * - a frame whose length cannot be known or is evidently wrong (no Content-Length, a value that is
 *   not a number of bytes, two that disagree, over the size limit, header bytes that cannot be a
 *   header, a body that runs into the next header) ends the session: one line on stderr naming
 *   the problem, and exit code 1, so that the editor restarts the server instead of talking to a
 *   deaf one.
 *
 * Blank lines between frames carry no data and are skipped. `--node-ipc` and `--socket` do not
 * come here: their messages arrive already framed.
 */
import { format } from 'node:util';
import {
  AbstractMessageReader,
  type DataCallback,
  Disposable,
  Emitter,
  ErrorCodes,
  type Event,
  type Message,
  type MessageReader,
  type ResponseMessage,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** A header longer than this is not a header: real ones are under 100 bytes. */
export const MAX_HEADER_BYTES = 8 * 1024;
/** The largest body the server accepts. A draft is a few kilobytes; a 50 MB one is checked. */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** A message that was framed correctly but cannot be used, and the answer it gets. */
export interface Rejected {
  readonly response: ResponseMessage;
  /** What was wrong, for the log. */
  readonly reason: string;
}

/** What a run of bytes completes: a message, a rejected frame, or the end of the readable stream. */
export type Decoded =
  | { readonly kind: 'message'; readonly message: Message }
  | ({ readonly kind: 'rejected' } & Rejected)
  | { readonly kind: 'fatal'; readonly reason: string };

/** The stream can no longer be read: the reason is written to stderr before the server exits. */
export class UnreadableStreamError extends Error {
  override readonly name = 'UnreadableStreamError';
}

const CR = 0x0d;
const LF = 0x0a;
const COLON = 0x3a;

/** RFC 9110 `tchar`: the bytes a header field name is made of. */
const TOKEN = new Uint8Array(256);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") TOKEN[c.charCodeAt(0)] = 1;

/** Bytes allowed in a header field value: visible ASCII, space and tab. */
function isValueByte(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === 0x09;
}

type HeaderState =
  /** Before a header block: blank lines (CR, LF) between frames are skipped. */
  | 'between'
  /** Reading a field name. */
  | 'name'
  /** Reading a field value. */
  | 'value'
  /** A CR ended a field value; LF must follow. */
  | 'value-cr'
  /** A field line has ended: another field, or the blank line. */
  | 'line-start'
  /** A CR began the blank line; LF must follow. */
  | 'end-cr';

/**
 * Turns bytes into messages. Pure (no streams, no timers): feed it chunks cut anywhere, it
 * returns what they complete. After a fatal result it returns nothing more.
 */
export class FrameDecoder {
  private state: HeaderState = 'between';
  /** The bytes of the header field line being read (a header is short, and copied: no chunk is kept). */
  private line: number[] = [];
  private fields: [name: string, value: string][] = [];
  private headerBytes = 0;
  /** The body being read: its bytes, how many have arrived, and what its header said. */
  private body: { bytes: Buffer | undefined; filled: number; readonly length: number; readonly charset: string | undefined } | undefined;
  /** The body just read was framed but not JSON: if garbage follows, its length was probably short. */
  private afterUnparsableBody = false;
  private failed = false;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly maxBodyBytes = MAX_BODY_BYTES,
    private readonly maxHeaderBytes = MAX_HEADER_BYTES,
  ) {}

  /** Bytes held for a message not complete yet. */
  get bufferedBytes(): number {
    return this.line.length + (this.body?.filled ?? 0);
  }

  /** Bytes of memory held (the body's buffer is allocated once, at its length). */
  get retainedBytes(): number {
    return this.line.length + (this.body?.bytes?.byteLength ?? 0);
  }

  push(chunk: Uint8Array): Decoded[] {
    const out: Decoded[] = [];
    let at = 0;
    while (at < chunk.length && !this.failed) {
      if (this.body) {
        at = this.readBody(chunk, at, out);
      } else {
        at = this.readHeader(chunk, at, out);
      }
    }
    return out;
  }

  /** The input has ended. A fatal result when it ended in the middle of a message. */
  end(): Decoded | undefined {
    if (this.failed) return undefined;
    if (this.body || this.state !== 'between') {
      return this.fail(`the input ended in the middle of a message (${this.body ? `${this.body.filled} of its ${this.body.length} body bytes` : 'in its header'})`);
    }
    return undefined;
  }

  private fail(reason: string): Decoded {
    this.failed = true;
    this.line = [];
    this.fields = [];
    this.body = undefined;
    return { kind: 'fatal', reason };
  }

  /** Reads header bytes from `chunk` at `at`; returns where it stopped. */
  private readHeader(chunk: Uint8Array, at: number, out: Decoded[]): number {
    let i = at;
    for (; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (this.state === 'between') {
        if (byte === CR || byte === LF) continue;
        this.state = 'name';
      }
      if (++this.headerBytes > this.maxHeaderBytes) {
        out.push(this.fail(`a message header is longer than ${this.maxHeaderBytes} bytes (${this.snippet(chunk, i)})`));
        return chunk.length;
      }
      switch (this.state) {
        case 'name':
        case 'line-start':
          if (this.state === 'line-start' && byte === CR) {
            this.state = 'end-cr';
          } else if (byte === LF) {
            out.push(this.fail(`a header line ends in LF without CR (${this.snippet(chunk, i)}); header lines end in CRLF`));
            return chunk.length;
          } else if (TOKEN[byte]) {
            this.state = 'name';
            this.line.push(byte);
          } else if (byte === COLON && this.state === 'name' && this.line.length > 0) {
            this.line.push(byte);
            this.state = 'value';
          } else {
            out.push(this.fail(this.unexpected(chunk, i)));
            return chunk.length;
          }
          break;
        case 'value':
          if (byte === CR) {
            this.state = 'value-cr';
          } else if (byte === LF) {
            out.push(this.fail(`a header line ends in LF without CR (${this.snippet(chunk, i)}); header lines end in CRLF`));
            return chunk.length;
          } else if (isValueByte(byte)) {
            this.line.push(byte);
          } else {
            out.push(this.fail(`a header value holds byte 0x${byte.toString(16).padStart(2, '0')} (${this.snippet(chunk, i)})`));
            return chunk.length;
          }
          break;
        case 'value-cr':
        case 'end-cr':
          if (byte !== LF) {
            out.push(this.fail(`a CR in a message header is not followed by LF (${this.snippet(chunk, i)})`));
            return chunk.length;
          }
          if (this.state === 'value-cr') {
            this.endField();
            this.state = 'line-start';
          } else {
            const next = this.endHeader();
            if (next) {
              out.push(next);
              if (next.kind === 'fatal') return chunk.length;
            }
            return i + 1;
          }
          break;
      }
    }
    return i;
  }

  private endField(): void {
    const text = String.fromCharCode(...this.line);
    this.line = [];
    const colon = text.indexOf(':');
    this.fields.push([text.slice(0, colon).toLowerCase(), text.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '')]);
  }

  /** The header is complete: start its body (or fail). */
  private endHeader(): Decoded | undefined {
    const fields = this.fields;
    this.fields = [];
    this.headerBytes = 0;
    this.state = 'between';
    const lengths = [...new Set(fields.filter(([name]) => name === 'content-length').map(([, value]) => value))];
    if (lengths.length === 0) return this.fail(`a message header has no Content-Length, so the length of its body is unknown (header: ${JSON.stringify(fields.map(([n, v]) => `${n}: ${v}`).join('; '))})`);
    if (lengths.length > 1) return this.fail(`a message header has two different Content-Length values (${lengths.map((v) => JSON.stringify(v)).join(', ')})`);
    const value = lengths[0] as string;
    if (!/^[0-9]+$/.test(value)) return this.fail(`Content-Length ${JSON.stringify(value)} is not a length in bytes`);
    const length = Number(value);
    if (length > this.maxBodyBytes) return this.fail(`Content-Length ${value} is over the limit of ${this.maxBodyBytes} bytes (${Math.round(this.maxBodyBytes / 1024 / 1024)} MiB)`);
    this.afterUnparsableBody = false;
    const type = fields.find(([name]) => name === 'content-type')?.[1];
    const charset = type === undefined ? undefined : /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(type)?.[1];
    this.body = { bytes: undefined, filled: 0, length, charset };
    if (length === 0) return this.finishBody(new Uint8Array(0));
    return undefined;
  }

  /** Reads body bytes from `chunk` at `at`; returns where it stopped. */
  private readBody(chunk: Uint8Array, at: number, out: Decoded[]): number {
    const body = this.body as NonNullable<FrameDecoder['body']>;
    const wanted = body.length - body.filled;
    const available = chunk.length - at;
    if (body.filled === 0 && available >= wanted) {
      // The whole body is in this chunk: read it in place.
      const decoded = this.finishBody(chunk.subarray(at, at + wanted));
      if (decoded) out.push(decoded);
      return at + wanted;
    }
    // The body spans chunks: one buffer of its length, filled as they arrive (the chunks
    // themselves are not kept, so a small remainder never holds a large chunk in memory).
    body.bytes ??= Buffer.allocUnsafeSlow(body.length);
    const take = Math.min(wanted, available);
    body.bytes.set(chunk.subarray(at, at + take), body.filled);
    body.filled += take;
    if (body.filled === body.length) {
      const decoded = this.finishBody(body.bytes);
      if (decoded) out.push(decoded);
    }
    return at + take;
  }

  private finishBody(bytes: Uint8Array): Decoded | undefined {
    const { length, charset } = this.body as NonNullable<FrameDecoder['body']>;
    this.body = undefined;
    if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
      return rejected(ErrorCodes.ParseError, null, `the body's charset ${JSON.stringify(charset)} is not supported: bodies are UTF-8`);
    }
    let text: string;
    try {
      text = this.utf8.decode(bytes);
    } catch {
      return rejected(ErrorCodes.ParseError, null, 'the body is not valid UTF-8');
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      // A JSON text cannot hold a raw CR LF inside a string: a header in the body is the next frame.
      if (/content-length[ \t]*:[ \t]*[0-9]+[ \t]*\r\n/i.test(text)) {
        return this.fail(`a message body runs into the next message's header: its Content-Length (${length}) is longer than its body`);
      }
      this.afterUnparsableBody = true;
      return rejected(ErrorCodes.ParseError, null, `the body is not valid JSON (${(error as Error).message})`);
    }
    return classify(value);
  }

  /** The reason for an unexpected byte where a header field was expected. */
  private unexpected(chunk: Uint8Array, i: number): string {
    const found = `expected a message header, found ${this.snippet(chunk, i)}`;
    return this.afterUnparsableBody ? `${found}; the message before it was not valid JSON either, so its Content-Length was probably shorter than its body` : found;
  }

  /** The start of the current header line and what follows, quoted, for a message. */
  private snippet(chunk: Uint8Array, i: number): string {
    const bytes = [...this.line.slice(0, 40), ...chunk.subarray(i, i + 40)].slice(0, 40);
    const text = JSON.stringify(String.fromCharCode(...bytes));
    return bytes.length === 40 ? `${text}…` : text;
  }
}

function rejected(code: number, id: number | string | null, reason: string): Decoded {
  return { kind: 'rejected', reason, response: { jsonrpc: '2.0', id, error: { code, message: reason } } };
}

function isId(value: unknown): value is number | string {
  return typeof value === 'string' || typeof value === 'number';
}

/**
 * A parsed body as JSON-RPC 2.0 sees it: a request, notification or response goes on to the
 * connection; anything else is an Invalid Request, answered with its id when it has a usable one.
 */
export function classify(value: unknown): Decoded {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const what = Array.isArray(value) ? 'an array (LSP has no batches)' : value === null ? 'null' : `a ${typeof value}`;
    return rejected(ErrorCodes.InvalidRequest, null, `the body is ${what}, not a JSON-RPC message`);
  }
  const record = value as Record<string, unknown>;
  if ('method' in record) {
    const id = 'id' in record ? record['id'] : undefined;
    if (id !== undefined && !isId(id)) return rejected(ErrorCodes.InvalidRequest, null, 'the id of a request is a number or a string');
    if (typeof record['method'] !== 'string') return rejected(ErrorCodes.InvalidRequest, id ?? null, 'the method of a message is a string');
    const params = record['params'];
    if (params !== undefined && (typeof params !== 'object' || params === null)) {
      return rejected(ErrorCodes.InvalidRequest, id ?? null, `the params of ${record['method']} are an object or an array`);
    }
    return { kind: 'message', message: value as Message };
  }
  // Responses (to the server's own requests), even malformed ones: the connection fails the
  // request they answer rather than leave it pending.
  if ('id' in record && (isId(record['id']) || record['id'] === null)) return { kind: 'message', message: value as Message };
  return rejected(ErrorCodes.InvalidRequest, null, 'the body is an object with neither a method nor an id, not a JSON-RPC message');
}

/** Reads LSP frames from a stream (stdin) with {@link FrameDecoder}. */
export class StdioMessageReader extends AbstractMessageReader implements MessageReader {
  private readonly decoder: FrameDecoder;
  private readonly rejectedEmitter = new Emitter<Rejected>();
  private shutdown = false;
  private stopped = false;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    options: { readonly maxBodyBytes?: number } = {},
  ) {
    super();
    this.decoder = new FrameDecoder(options.maxBodyBytes);
  }

  /** A frame was read but could not be used: the response tells the client. */
  get onRejected(): Event<Rejected> {
    return this.rejectedEmitter.event;
  }

  /** Whether a `shutdown` request has been read (the exit code when the input then ends is 0). */
  get shutdownRequested(): boolean {
    return this.shutdown;
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer | string): void => {
      if (this.stopped) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (const decoded of this.decoder.push(bytes)) {
        if (decoded.kind === 'message') {
          const message = decoded.message as { id?: unknown; method?: unknown };
          if (message.method === 'shutdown' && message.id !== undefined) this.shutdown = true;
          callback(decoded.message);
        } else if (decoded.kind === 'rejected') {
          this.rejectedEmitter.fire(decoded);
        } else {
          this.stop();
          this.fireError(new UnreadableStreamError(decoded.reason));
        }
        if (this.stopped) return;
      }
    };
    const onEnd = (): void => {
      if (this.stopped) return;
      const decoded = this.decoder.end();
      this.stop();
      if (decoded?.kind === 'fatal') this.fireError(new UnreadableStreamError(decoded.reason));
      else this.fireClose();
    };
    const onError = (error: Error): void => {
      if (this.stopped) return;
      this.stop();
      this.fireError(new UnreadableStreamError(`the input cannot be read: ${error.message}`));
    };
    this.readable.on('data', onData);
    this.readable.on('end', onEnd);
    this.readable.on('close', onEnd);
    this.readable.on('error', onError);
    this.detach = () => {
      this.readable.off('data', onData);
      this.readable.off('end', onEnd);
      this.readable.off('close', onEnd);
      this.readable.off('error', onError);
    };
    return Disposable.create(() => this.stop());
  }

  private detach: () => void = () => undefined;

  /** Stops reading: nothing after a fatal frame is delivered. */
  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.detach();
    this.readable.pause();
  }

  override dispose(): void {
    this.stop();
    this.rejectedEmitter.dispose();
    super.dispose();
  }
}

export interface StdioTransport {
  readonly reader: StdioMessageReader;
  readonly writer: StreamMessageWriter;
}

export interface StdioOptions {
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  /** Where the reasons go (stdout is the protocol's). */
  readonly log?: (line: string) => void;
  readonly exit?: (code: number) => void;
  readonly maxBodyBytes?: number;
}

const NAME = 'form4-language-server';

/**
 * The reader and writer for `--stdio`, wired: a rejected frame is answered and logged; an
 * unreadable stream is logged in one line and the process exits with 1 (after the answers already
 * on their way are written, for at most two seconds); the input's end exits as vscode-languageserver
 * does, with 0 after a shutdown request and 1 otherwise.
 */
export function createStdioTransport(options: StdioOptions = {}): StdioTransport {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const reader = new StdioMessageReader(input, { maxBodyBytes: options.maxBodyBytes });
  const writer = new StreamMessageWriter(output);
  let answers: Promise<unknown> = Promise.resolve();
  reader.onRejected(({ response, reason }) => {
    log(`${NAME}: answered ${response.error?.code === ErrorCodes.ParseError ? 'ParseError' : 'InvalidRequest'} to a message it cannot use: ${reason}`);
    answers = Promise.all([answers, writer.write(response).catch(() => undefined)]);
  });
  let ending = false;
  reader.onError((error) => {
    if (ending) return;
    ending = true;
    log(`${NAME}: exiting, the editor's messages cannot be read any further: ${error.message}`);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((resolve) => {
      timer = setTimeout(resolve, 2_000);
    });
    void Promise.race([answers, late]).then(() => {
      clearTimeout(timer);
      exit(1);
    });
  });
  reader.onClose(() => {
    if (ending) return;
    ending = true;
    exit(reader.shutdownRequested ? 0 : 1);
  });
  return { reader, writer };
}

/** The transport the command line asks for, as vscode-languageserver reads it: the first one named. */
export function transportOf(argv: readonly string[]): 'stdio' | 'node-ipc' | 'socket' | 'pipe' | undefined {
  for (const arg of argv) {
    if (arg === '--stdio') return 'stdio';
    if (arg === '--node-ipc') return 'node-ipc';
    const name = arg.split('=')[0];
    if (name === '--socket') return 'socket';
    if (name === '--pipe') return 'pipe';
  }
  return undefined;
}

/**
 * Over stdio, stdout is the protocol: `console` output there would corrupt it. Routes it to the
 * client's log instead, as vscode-languageserver does for its own stdio connections.
 */
export function routeConsoleTo(logger: { error(message: string): void; warn(message: string): void; info(message: string): void; log(message: string): void }): void {
  const text = (args: unknown[]): string => format(...args);
  console.log = (...args: unknown[]) => logger.log(text(args));
  console.info = (...args: unknown[]) => logger.info(text(args));
  console.debug = (...args: unknown[]) => logger.log(text(args));
  console.warn = (...args: unknown[]) => logger.warn(text(args));
  console.error = (...args: unknown[]) => logger.error(text(args));
  console.trace = (...args: unknown[]) => logger.log(`Trace: ${text(args)}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`);
  console.dir = (item: unknown) => logger.log(format('%O', item));
}
