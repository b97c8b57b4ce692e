import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';

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

type ParsedRequest = IncomingMessage & { body?: unknown; originalUrl?: string; ip?: string };

/**
 * The platform's body parsers run before any Nest middleware, so a JSON or X12 body may already
 * have been read; it is re-serialised then. Any other body is still a stream and is piped as is.
 */
function bodyOf(req: ParsedRequest): Buffer | null {
  if (!req.readableEnded) return null;
  const b = req.body;
  if (b === undefined || b === null) return Buffer.alloc(0);
  if (Buffer.isBuffer(b)) return b;
  return Buffer.from(typeof b === 'string' ? b : JSON.stringify(b));
}

function forwardHeaders(headers: IncomingHttpHeaders, req: ParsedRequest, body: Buffer | null): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
  if (body) out['content-length'] = String(body.length);
  else if (headers['content-length']) out['content-length'] = headers['content-length'];
  else if (headers['transfer-encoding']) out['transfer-encoding'] = headers['transfer-encoding'];
  out['x-forwarded-host'] = headers.host ?? '';
  // The client's address as this edge sees it (never a browser's own X-Forwarded-For): the services'
  // per-address rate limits count visitors, not the proxy.
  out['x-forwarded-for'] = req.ip ?? req.socket.remoteAddress ?? '';
  out['x-forwarded-proto'] = 'http';
  return out;
}

/** Sends one browser request to a service and streams its answer back; an unreachable service is a 502. */
export function forwardRequest(req: ParsedRequest, res: ServerResponse, url: string, service: string, timeoutMs: number): void {
  const body = bodyOf(req);
  const upstream = httpRequest(
    url,
    { method: req.method, headers: forwardHeaders(req.headers, req, body), timeout: timeoutMs },
    (answer) => {
      const headers = Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !HOP_BY_HOP.has(k) || k === 'content-length'));
      res.writeHead(answer.statusCode ?? 502, headers as Record<string, string>);
      answer.pipe(res);
    },
  );
  upstream.on('timeout', () => upstream.destroy(new Error(`${service} did not answer within ${timeoutMs} ms`)));
  upstream.on('error', (error) => {
    if (res.headersSent) return void res.destroy(error);
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({ code: 'SERVICE_UNAVAILABLE', service, message: `the ${service} service could not be reached: ${error.message}` }),
    );
  });
  if (body) upstream.end(body);
  else req.pipe(upstream);
}
