import { Agent, createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Upstream {
  readonly name: string;
  readonly port: number;
}

interface UpstreamState extends Upstream {
  /** Requests answered by this upstream. */
  answered: number;
  /** Not chosen until this time after it refused a connection or dropped a request. */
  downUntil: number;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'host']);
const MAX_BODY = 1024 * 1024;

function forwardHeaders(headers: IncomingHttpHeaders, clientIp: string, length: number): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  const prior = headers['x-forwarded-for'];
  out['x-forwarded-for'] = prior === undefined ? clientIp : `${String(prior)}, ${clientIp}`;
  out['x-forwarded-proto'] = 'http';
  out['host'] = headers.host ?? '127.0.0.1';
  out['content-length'] = String(length);
  return out;
}

/**
 * A small round-robin reverse proxy (Node's own http module) in front of several API instances, as nginx
 * or HAProxy would sit in production:
 * - an upstream that refuses a connection is skipped for a while and the request goes to the next one;
 * - a request the upstream dropped after receiving it (the process died mid-request) is resent to another
 *   upstream only when resending is safe: GET/HEAD, or a request carrying an `Idempotency-Key`, which the API
 *   deduplicates; anything else gets 502;
 * - with no upstream left it answers 503 with Retry-After, like the API does during an outage.
 * The body is buffered (the API accepts at most 64 KB), so it can be resent.
 */
export class ReverseProxy {
  readonly upstreams: UpstreamState[];
  /** Requests resent to another upstream after a refusal or a drop. */
  rerouted = 0;
  // Idle upstream sockets are closed before the API's own keep-alive timeout (5 s) would close them under us.
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  readonly #server: Server;
  #next = 0;
  readonly #downForMs: number;

  constructor(upstreams: ReadonlyArray<Upstream>, options: { downForMs?: number } = {}) {
    this.upstreams = upstreams.map((upstream) => ({ ...upstream, answered: 0, downUntil: 0 }));
    this.#downForMs = options.downForMs ?? 2000;
    this.#server = createServer((req, res) => void this.#handle(req, res));
    this.#server.keepAliveTimeout = 5000;
  }

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.#server.listen(port, '127.0.0.1', resolve));
    const address = this.#server.address();
    if (typeof address !== 'object' || address === null) throw new Error('proxy has no address');
    return address.port;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#agent.destroy();
  }

  /** Upstreams in the order to try: round-robin over healthy ones, then the ones marked down as a last resort. */
  #order(): UpstreamState[] {
    const now = Date.now();
    const start = this.#next++ % this.upstreams.length;
    const rotated = [...this.upstreams.slice(start), ...this.upstreams.slice(0, start)];
    return [...rotated.filter((u) => u.downUntil <= now), ...rotated.filter((u) => u.downUntil > now)];
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of req) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += buffer.length;
        if (size > MAX_BODY) {
          res.writeHead(413, { 'content-type': 'application/json' }).end('{"error":{"code":"payload_too_large","message":"Too large."}}');
          return;
        }
        chunks.push(buffer);
      }
    } catch {
      return; // The client went away.
    }
    const body = Buffer.concat(chunks);
    const resendable = req.method === 'GET' || req.method === 'HEAD' || req.headers['idempotency-key'] !== undefined;
    const headers = forwardHeaders(req.headers, req.socket.remoteAddress ?? '127.0.0.1', body.length);

    for (const [index, upstream] of this.#order().entries()) {
      if (index > 0) this.rerouted += 1;
      let outcome = await this.#forward(upstream, req, headers, body, res);
      // A kept-alive socket the upstream had just closed: that says nothing about the upstream; try it afresh.
      if (outcome === 'stale') outcome = resendable ? await this.#forward(upstream, req, headers, body, res) : 'dropped';
      if (outcome === 'done') return;
      upstream.downUntil = Date.now() + this.#downForMs;
      if (outcome === 'dropped' && !resendable) {
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":{"code":"bad_gateway","message":"The server went away."}}');
        return;
      }
    }
    if (!res.headersSent) {
      res
        .writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' })
        .end('{"error":{"code":"service_unavailable","message":"The service is temporarily unavailable. Please try again shortly."}}');
    }
  }

  /**
   * 'refused': nothing reached the upstream; 'dropped': it may have, but no response came; 'stale': the same
   * on a reused keep-alive socket (the usual race with the upstream's idle timeout); 'done': answered.
   */
  #forward(
    upstream: UpstreamState,
    req: IncomingMessage,
    headers: IncomingHttpHeaders,
    body: Buffer,
    res: ServerResponse,
  ): Promise<'refused' | 'dropped' | 'stale' | 'done'> {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (outcome: 'refused' | 'dropped' | 'stale' | 'done') => {
        if (!settled) {
          settled = true;
          resolve(outcome);
        }
      };
      const outgoing = httpRequest(
        { host: '127.0.0.1', port: upstream.port, method: req.method, path: req.url, headers, agent: this.#agent, timeout: 20_000 },
        (upstreamRes) => {
          upstream.answered += 1;
          const responseHeaders: IncomingHttpHeaders = {};
          for (const [name, value] of Object.entries(upstreamRes.headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) responseHeaders[name] = value;
          res.writeHead(upstreamRes.statusCode ?? 502, { ...responseHeaders, 'x-upstream': upstream.name });
          upstreamRes.pipe(res);
          upstreamRes.on('error', () => res.destroy());
          settle('done');
        },
      );
      outgoing.on('timeout', () => outgoing.destroy(new Error('upstream timeout')));
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        settle(error.code === 'ECONNREFUSED' ? 'refused' : outgoing.reusedSocket && error.code === 'ECONNRESET' ? 'stale' : 'dropped');
      });
      outgoing.end(body);
    });
  }
}
