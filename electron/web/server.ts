import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eventNames, type Envelope, type FolioApi, type FolioEventSource } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import type { ErrorPayload } from '../../shared/errors';
import { injectCspNonce, isolationHeaders } from '../../shared/csp';
import { assetHeaders, readLibraryAsset } from '../library';

/** Options of {@link startWebServer}. */
export interface WebServerOptions {
  /** The service to expose (the same object the desktop app binds to IPC). */
  readonly service: FolioApi & FolioEventSource;
  /** Folder of the built renderer (`out/renderer`). */
  readonly rendererDir: string;
  /** Port to listen on; 0 (default) picks a free one. */
  readonly port?: number;
  /** Real path of the library root (or a getter, as it changes), for the route `/asset/<token>/<path>`. */
  readonly libraryRoot: string | (() => string);
  /** Fixed token, for tests; default: 32 random bytes. */
  readonly token?: string;
}

/** A running browser-mode server. */
export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** The address to open, token included. */
  readonly openUrl: string;
  close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024 * 1024;
const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built renderer and the library service over HTTP on 127.0.0.1 only:
 * `POST /api/<method>` with a JSON body, and `GET /api/events` as Server-Sent Events. Every API
 * request must carry the per-run token (`Authorization: Bearer …`, or `?token=` for
 * EventSource); `Host` must be this server and `Origin`, when present, this origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const rendererDir = path.resolve(options.rendererDir);
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const unsubscribers = eventNames.map((event) =>
    options.service.on(event, (payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of sseClients) client.write(frame);
    }),
  );

  function allowedHosts(): string[] {
    return [`127.0.0.1:${port}`, `localhost:${port}`];
  }

  function hasValidToken(req: IncomingMessage, url: URL): boolean {
    const header = req.headers.authorization;
    const given = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('token');
    if (!given) return false;
    const givenBytes = Buffer.from(given);
    return givenBytes.length === tokenBytes.length && timingSafeEqual(givenBytes, tokenBytes);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const host = req.headers.host ?? '';
    if (!allowedHosts().includes(host)) return sendError(res, 403, 'FORBIDDEN', 'Unknown host.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().some((h) => origin === `http://${h}`)) {
      return sendError(res, 403, 'FORBIDDEN', 'Requests from other sites are refused.');
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/asset/')) return serveAsset(url.pathname, res);
    if (url.pathname.startsWith('/api/')) {
      if (!hasValidToken(req, url)) {
        return sendError(res, 401, 'UNAUTHORIZED', 'A valid token is required.');
      }
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      if (req.method !== 'POST') return sendError(res, 405, 'INVALID_ARGUMENT', 'Use POST.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, 415, 'INVALID_ARGUMENT', 'The body must be JSON.');
      }
      let input: unknown;
      try {
        input = JSON.parse(await readBody(req));
      } catch {
        return sendError(res, 400, 'INVALID_ARGUMENT', 'The body is not valid JSON.');
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const envelope = await dispatch(options.service, method, input);
      return sendJson(res, envelope.ok ? 200 : statusFor(envelope.error), envelope);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'INVALID_ARGUMENT', 'Only GET is served here.');
    }
    return serveStatic(url.pathname, res);
  }

  // Images for the preview: `/asset/<token>/<library path>`. The token sits in the path so that
  // relative image URLs resolve against a `<base>` in the preview frame.
  async function serveAsset(pathname: string, res: ServerResponse): Promise<void> {
    const [given = '', ...rest] = pathname.slice('/asset/'.length).split('/');
    const givenBytes = Buffer.from(given);
    if (givenBytes.length !== tokenBytes.length || !timingSafeEqual(givenBytes, tokenBytes)) {
      return sendError(res, 401, 'UNAUTHORIZED', 'A valid token is required.');
    }
    let relative: string;
    try {
      relative = rest.map((segment) => decodeURIComponent(segment)).join('/');
    } catch {
      relative = '';
    }
    const root = typeof options.libraryRoot === 'function' ? options.libraryRoot() : options.libraryRoot;
    const asset = relative ? await readLibraryAsset(root, relative) : null;
    if (!asset) {
      res.writeHead(404, { ...assetHeaders, 'Content-Type': 'text/plain' });
      res.end('Not found');
      return;
    }
    res.writeHead(200, { ...assetHeaders, 'Content-Type': asset.type, 'Content-Length': asset.bytes.length });
    res.end(asset.bytes);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    sseClients.add(res);
    res.on('close', () => sseClients.delete(res));
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const target = path.resolve(rendererDir, relative);
    if (!target.startsWith(rendererDir + path.sep) || relative.includes('\0')) {
      return sendError(res, 404, 'NOT_FOUND', 'Not found.');
    }
    const info = await stat(target).catch(() => null);
    if (!info?.isFile()) return sendError(res, 404, 'NOT_FOUND', 'Not found.');
    const type = mimeTypes[path.extname(target)] ?? 'application/octet-stream';
    res.setHeader('Cache-Control', 'no-cache');
    for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
    if (path.extname(target) === '.html') {
      const html = injectCspNonce(await readFile(target, 'utf8'), randomBytes(16).toString('base64'));
      res.writeHead(200, { 'Content-Type': type });
      res.end(html);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': info.size });
    createReadStream(target).pipe(res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'Something went wrong inside Folio.');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    token,
    openUrl: `${url}/#token=${token}`,
    async close() {
      for (const off of unsubscribers) off();
      for (const client of sseClients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function statusFor(error: ErrorPayload): number {
  switch (error.code) {
    case 'INVALID_ARGUMENT':
    case 'INVALID_NAME':
    case 'UNKNOWN_METHOD':
      return 400;
    case 'OUTSIDE_LIBRARY':
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
    case 'ALREADY_EXISTS':
      return 409;
    case 'INTERNAL':
      return 500;
    default:
      return 422;
  }
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, code: ErrorPayload['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}
