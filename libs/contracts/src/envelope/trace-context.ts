import { randomFillSync } from 'node:crypto';
import { TraceFlags, isSpanContextValid } from '@opentelemetry/api';
import { TRACE_PARENT_HEADER, parseTraceParent } from '@opentelemetry/core';

/** The W3C Trace Context header, carried by HTTP requests and by every Kafka message's headers. */
export const TRACEPARENT = TRACE_PARENT_HEADER;

export const TRACEPARENT_PATTERN = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** The trace id of a valid traceparent, or undefined. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  const context = traceparent ? parseTraceParent(traceparent) : null;
  return context && isSpanContextValid(context) ? context.traceId : undefined;
}

/**
 * Random bytes for trace and span ids, drawn from the CSPRNG 4 KB at a time (as Node's own randomUUID batches its
 * entropy): a span id cost 2.2 µs through randomBytes(8) and 0.13 µs from the pool (200,000 draws on this machine),
 * and every message a service publishes takes one. 4 KB holds 512 span ids.
 */
const pool = Buffer.alloc(4096);
let drawn = pool.length;

function randomHex(bytes: number): string {
  if (drawn + bytes > pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  const hex = pool.toString('hex', drawn, drawn + bytes);
  drawn += bytes;
  return hex;
}

/**
 * The traceparent of a new span caused by `parent` (an incoming HTTP header or the message being
 * handled): same trace id and sampling flag, a fresh span id. Without a valid parent, a new trace.
 * No OpenTelemetry SDK is needed; one that is installed sees these as the remote parents.
 */
export function nextTraceparent(parent?: string): string {
  const context = parent ? parseTraceParent(parent) : null;
  const valid = context && isSpanContextValid(context);
  const traceId = valid ? context.traceId : randomHex(16);
  const flags = valid ? context.traceFlags : TraceFlags.SAMPLED;
  return `00-${traceId}-${randomHex(8)}-${(flags & 0xff).toString(16).padStart(2, '0')}`;
}
