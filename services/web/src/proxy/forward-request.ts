import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { EDGE_SECRET_HEADER, clientAddressOf, writeProblem } from '@claimflow/http-edge';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'host',
  'content-length',
]);

/** What a visitor may not tell a service: web alone names the client address, and vouches for it with the edge secret. */
const SET_BY_WEB = new Set(['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-real-ip', 'forwarded', EDGE_SECRET_HEADER]);

function forwardHeaders(
  headers: IncomingHttpHeaders,
  req: IncomingMessage,
  body: Buffer | null,
  edgeSecret: string | undefined,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k) && !SET_BY_WEB.has(k)) out[k] = v;
  if (body) out['content-length'] = String(body.length);
  else if (headers['content-length']) out['content-length'] = headers['content-length'];
  else if (headers['transfer-encoding']) out['transfer-encoding'] = headers['transfer-encoding'];
  out['x-forwarded-host'] = headers.host ?? '';
  // The client's address as this edge settled it (the socket, or the one trusted load balancer's word), never
  // the visitor's own X-Forwarded-For; the services believe it only with the edge secret beside it.
  out['x-forwarded-for'] = clientAddressOf(req);
  out['x-forwarded-proto'] = 'http';
  if (edgeSecret) out[EDGE_SECRET_HEADER] = edgeSecret;
  return out;
}

type ParsedRequest = IncomingMessage & { body?: unknown };

/**
 * web's own entry point parses no bodies; a harness that starts WebModule with the platform's body parsers has
 * had the body read already, and it is re-serialised then. Otherwise the body is still a stream and is piped as is.
 */
function bodyOf(req: ParsedRequest): Buffer | null {
  if (!req.readableEnded) return null;
  const b = req.body;
  if (b === undefined || b === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(b)) return b;
  return Buffer.from(typeof b === 'string' ? b : JSON.stringify(b));
}

export interface ForwardOptions {
  readonly service: string;
  readonly timeoutMs: number;
  readonly edgeSecret: string | undefined;
}

/**
 * Sends one browser request to a service and streams its answer back; an unreachable service is a 502.
 * web's entry point parses no bodies (nothing is read before the proxy's limit): the body is piped as it arrives.
 */
export function forwardRequest(req: ParsedRequest, res: ServerResponse, url: string, options: ForwardOptions): void {
  const { service, timeoutMs } = options;
  const body = bodyOf(req);
  const upstream = httpRequest(
    url,
    { method: req.method, headers: forwardHeaders(req.headers, req, body, options.edgeSecret), timeout: timeoutMs },
    (answer) => {
      const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !HOP_BY_HOP.has(k) || k === 'content-length'));
      res.writeHead(answer.statusCode ?? 502, headers as Record<string, string>);
      answer.pipe(res);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error(`${service} did not answer within ${timeoutMs} ms`)));
  upstream.on('error', (error) => {
    if (res.headersSent) return void res.destroy(error);
    writeProblem(res, 502, {
      code: 'SERVICE_UNAVAILABLE',
      service,
      message: `the ${service} service could not be reached: ${error.message}`,
    });
  });
  if (body) upstream.end(body);
  else req.pipe(upstream);
}
