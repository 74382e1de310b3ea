/**
 * The messages between the language server and its check worker (`checkWorker.ts`), and the
 * cancellation flags they share. Everything crossing is plain data: findings are already plain
 * objects with numeric spans, and a rule's failure travels as its stack text.
 */
import type { Finding, RuleSeverities } from '../service';

/** Slots in the shared cancellation array; job `n` uses slot `n % CANCEL_SLOTS`. */
export const CANCEL_SLOTS = 1024;

export interface CheckRequest {
  readonly type: 'check';
  readonly job: number;
  readonly uri: string;
  readonly kind: 'draft' | 'xml';
  readonly text: string;
  readonly rules: RuleSeverities;
}

/** The document was closed: the worker drops the parse it kept for the next edit. */
export interface ForgetRequest {
  readonly type: 'forget';
  readonly uri: string;
}

export type WorkerRequest = CheckRequest | ForgetRequest;

export type WorkerReply =
  | {
      readonly job: number;
      readonly status: 'done';
      readonly findings: readonly Finding[];
      readonly failures: readonly { readonly rule: string; readonly error: string }[];
      readonly holdingsChecked: number;
    }
  | { readonly job: number; readonly status: 'cancelled' }
  | { readonly job: number; readonly status: 'failed'; readonly error: string };
