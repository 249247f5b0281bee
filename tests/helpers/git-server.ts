/**
 * A real git server for tests and the bench: Node's `http` on 127.0.0.1 in front of Debian's
 * `git http-backend` (CGI), with basic auth. Clone, fetch and push work for `git` and
 * isomorphic-git alike. Every child process is async, so the server runs in the test's own
 * process; never call `spawnSync`/`execFileSync` while a request may be in flight.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** What the server tells `onRequest` about a request before serving it. */
export interface GitRequestInfo {
  /** The repository's name as in `url(name)` (without `.git`). */
  readonly repo: string;
  /** `git-upload-pack` (clone, fetch) or `git-receive-pack` (push). */
  readonly service: string | null;
  readonly method: string;
  /** True for the request that carries a push's pack (a POST to `git-receive-pack`). */
  readonly isPush: boolean;
  readonly user: string | null;
}

/** Options of {@link startGitServer}. */
export interface GitServerOptions {
  /** Bare repositories to create: name → a folder to seed the first commit from, or `null` (empty). */
  readonly repos?: Readonly<Record<string, string | null>>;
  /** Accepted users (name → password). Without any, every request is served without auth. */
  readonly users?: Readonly<Record<string, string>>;
  /** Awaited before each authorised request is served (e.g. to move the remote meanwhile). */
  readonly onRequest?: (request: GitRequestInfo) => Promise<void> | void;
}

/** A running server. */
export interface GitServer {
  /** The folder holding the bare repositories (`<name>.git`). */
  readonly root: string;
  /** The repository's smart-HTTP URL (no credentials in it). */
  url(repo: string): string;
  /** The bare repository's folder. */
  repoDir(repo: string): string;
  /** Creates another bare repository, seeded from a folder when given. */
  createRepo(repo: string, seedFolder?: string | null): Promise<string>;
  /** Closes the port: connections are refused (an offline remote) until {@link goOnline}. */
  goOffline(): Promise<void>;
  /** Listens again on the same port. */
  goOnline(): Promise<void>;
  /** Every request served so far (authorised or not), for assertions. */
  readonly requests: readonly GitRequestInfo[];
  /** Stops the server and removes its repositories. */
  stop(): Promise<void>;
}

/** Runs `git` with async I/O; rejects with its stderr on a non-zero exit. */
export function runGit(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: options.cwd,
      env: { ...process.env, ...gitIdentity, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    // A command that reads no input may exit before its stdin is closed.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(new Error(`git ${args.join(' ')} failed (${code}): ${Buffer.concat(err).toString('utf8')}`));
    });
    child.stdin.end(options.input ?? '');
  });
}

/** A fixed identity so that seeding needs no global git configuration. */
const gitIdentity = {
  GIT_AUTHOR_NAME: 'Seed',
  GIT_AUTHOR_EMAIL: 'seed@example.com',
  GIT_COMMITTER_NAME: 'Seed',
  GIT_COMMITTER_EMAIL: 'seed@example.com',
};

/**
 * Creates `<root>/<name>.git`, a bare repository on branch `main` that accepts pushes over HTTP;
 * with `seedFolder`, its first commit holds that folder's files.
 */
export async function createBareRepo(
  root: string,
  name: string,
  seedFolder?: string | null,
): Promise<string> {
  const dir = path.join(root, `${name}.git`);
  await runGit(['init', '--quiet', '--bare', '--initial-branch=main', dir]);
  await runGit(['config', 'http.receivepack', 'true'], { cwd: dir });
  if (seedFolder) {
    const env = { GIT_DIR: dir, GIT_WORK_TREE: seedFolder };
    await runGit(['add', '-A'], { cwd: seedFolder, env });
    await runGit(['commit', '--quiet', '-m', 'First articles'], { cwd: seedFolder, env });
    await rm(path.join(dir, 'index'), { force: true });
  }
  return dir;
}

/** Starts the server on a random port of 127.0.0.1. */
export async function startGitServer(options: GitServerOptions = {}): Promise<GitServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'folio-git-server-'));
  for (const [name, seed] of Object.entries(options.repos ?? {})) await createBareRepo(root, name, seed);
  const users = options.users ?? {};
  const requests: GitRequestInfo[] = [];
  const sockets = new Set<Socket>();

  const server = http.createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const repoMatch = /^\/([^/]+)\.git(\/.*)?$/.exec(url.pathname);
    const service = url.searchParams.get('service') ?? (/\/(git-[a-z-]+)$/.exec(url.pathname)?.[1] || null);
    const user = authorisedUser(request.headers.authorization);
    const info: GitRequestInfo = {
      repo: repoMatch?.[1] ?? '',
      service,
      method: request.method ?? 'GET',
      isPush: request.method === 'POST' && service === 'git-receive-pack',
      user,
    };
    requests.push(info);
    if (Object.keys(users).length > 0 && user === null) {
      request.resume();
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' });
      response.end('Authentication required.\n');
      return;
    }
    if (!repoMatch) {
      request.resume();
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found.\n');
      return;
    }
    await options.onRequest?.(info);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REMOTE_USER: user ?? 'anonymous',
      REMOTE_ADDR: '127.0.0.1',
      REQUEST_METHOD: request.method ?? 'GET',
      PATH_INFO: url.pathname,
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      ...gitIdentity,
    };
    if (request.headers['content-length']) env.CONTENT_LENGTH = request.headers['content-length'];
    if (request.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = request.headers['content-encoding'];
    const protocol = request.headers['git-protocol'];
    if (typeof protocol === 'string') env.HTTP_GIT_PROTOCOL = protocol;
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => undefined);
    request.pipe(child.stdin);
    child.stderr.resume();
    await pipeCgiResponse(child.stdout, response);
  }

  function authorisedUser(header: string | undefined): string | null {
    const match = /^Basic\s+(.+)$/i.exec(header ?? '');
    if (!match) return null;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const name = decoded.slice(0, colon);
    return Object.prototype.hasOwnProperty.call(users, name) && users[name] === decoded.slice(colon + 1)
      ? name
      : null;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  let listening = true;

  async function close(): Promise<void> {
    if (!listening) return;
    listening = false;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  }

  return {
    root,
    requests,
    url: (repo) => `http://127.0.0.1:${port}/${repo}.git`,
    repoDir: (repo) => path.join(root, `${repo}.git`),
    createRepo: (repo, seedFolder) => createBareRepo(root, repo, seedFolder),
    goOffline: close,
    async goOnline() {
      if (listening) return;
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
      listening = true;
    },
    async stop() {
      await close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Turns a CGI program's output (headers, a blank line, the body) into the HTTP response. */
function pipeCgiResponse(output: NodeJS.ReadableStream, response: http.ServerResponse): Promise<void> {
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    let headerDone = false;
    output.on('data', (chunk: Buffer) => {
      if (headerDone) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf('\r\n\r\n');
      const lf = head.indexOf('\n\n');
      const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf : lf;
      if (end < 0) return;
      const separator = end === crlf ? 4 : 2;
      const lines = head.subarray(0, end).toString('latin1').split(/\r?\n/);
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        if (colon < 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500;
        else headers[name] = value;
      }
      headerDone = true;
      response.writeHead(status, headers);
      const rest = head.subarray(end + separator);
      if (rest.length > 0) response.write(rest);
    });
    output.on('end', () => {
      if (!headerDone) response.writeHead(502);
      response.end();
      resolve();
    });
    output.on('error', reject);
  });
}
