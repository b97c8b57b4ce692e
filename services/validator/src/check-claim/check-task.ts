import type { IntakeFormat } from '@claimflow/domain';
import type { RefDataSettings } from '@claimflow/refdata';

/** What the check pool asks a worker: a keyless check, or a synchronous validation of one canonical claim. */
export type CheckTask =
  | { readonly kind: 'check'; readonly format: IntakeFormat; readonly payload: unknown }
  | { readonly kind: 'validate'; readonly claim: unknown };

export interface TaskMessage {
  readonly id: number;
  readonly task: CheckTask;
}

/** A worker's reply: the answer as JSON text (serialised off the event loop), or the name of what failed. */
export type WorkerReply =
  | { readonly ready: true }
  | { readonly id: number; readonly ok: true; readonly status: number; readonly json: string }
  | { readonly id: number; readonly ok: false; readonly error: string };

export interface WorkerSettings {
  readonly refdata: RefDataSettings;
}
