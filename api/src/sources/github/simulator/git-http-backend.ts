import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, dirname, resolve } from 'node:path';

/**
 * Serves one repository over git's smart HTTP protocol by running `git http-backend` as a CGI
 * program, the way a web server in front of git does. Request and response bodies are streamed
 * (pack files can be large and are binary; the request body may be gzip-encoded by the client).
 */
export interface GitHttpBackendRequest {
  /** A bare repository, or a work tree whose `.git` holds the repository. */
  gitDir: string;
  /** What follows the repository in the URL: `/info/refs`, `/git-upload-pack`, ... */
  subPath: string;
  query: string;
}

const CRLF2 = Buffer.from('\r\n\r\n');
const LF2 = Buffer.from('\n\n');

/** Splits CGI output into its header block and the start of the body. */
function splitCgiHead(output: Buffer): { head: string; body: Buffer } | undefined {
  const crlf = output.indexOf(CRLF2);
  const lf = output.indexOf(LF2);
  if (crlf < 0 && lf < 0) return undefined;
  const useCrlf = crlf >= 0 && (lf < 0 || crlf < lf);
  const at = useCrlf ? crlf : lf;
  return {
    head: output.subarray(0, at).toString('latin1'),
    body: output.subarray(at + (useCrlf ? 4 : 2)),
  };
}

function parseCgiHead(head: string): { status: number; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]) || 500;
    else headers[name] = value;
  }
  return { status, headers };
}

export function serveGitHttpBackend(
  request: IncomingMessage,
  response: ServerResponse,
  target: GitHttpBackendRequest,
): void {
  // http-backend finds `<root>/<name>` as a bare repository or as a work tree with `.git` in it.
  const repoPath = resolve(target.gitDir);
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const optional = (key: string, value: string | undefined): Record<string, string> =>
    value === undefined ? {} : { [key]: value };
  const cgi = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      GIT_PROJECT_ROOT: dirname(repoPath),
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      REQUEST_METHOD: request.method ?? 'GET',
      PATH_INFO: `/${basename(repoPath)}${target.subPath}`,
      QUERY_STRING: target.query,
      CONTENT_TYPE: header('content-type') ?? '',
      REMOTE_ADDR: '127.0.0.1',
      ...optional('CONTENT_LENGTH', header('content-length')),
      ...optional('HTTP_CONTENT_ENCODING', header('content-encoding')),
      ...optional('GIT_PROTOCOL', header('git-protocol')),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  request.pipe(cgi.stdin);
  cgi.stdin.on('error', () => undefined);
  const stderr: Buffer[] = [];
  cgi.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let pending: Buffer = Buffer.alloc(0);
  let headSent = false;
  cgi.stdout.on('data', (chunk: Buffer) => {
    if (headSent) {
      response.write(chunk);
      return;
    }
    pending = Buffer.concat([pending, chunk]);
    const split = splitCgiHead(pending);
    if (split === undefined) return;
    const { status, headers } = parseCgiHead(split.head);
    response.writeHead(status, headers);
    headSent = true;
    if (split.body.length > 0) response.write(split.body);
  });
  cgi.on('error', (error) => {
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(`git http-backend failed: ${error.message}`);
  });
  cgi.on('close', (code) => {
    if (!headSent && !response.headersSent) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(
        `git http-backend exited ${String(code)}: ${Buffer.concat(stderr).toString('utf8')}`,
      );
      return;
    }
    response.end();
  });
}

/** `Authorization` as git (extraHeader or credentials), Octokit or curl send it: the token inside. */
export function tokenFromAuthorization(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const [scheme = '', credential = ''] = value.trim().split(/\s+/, 2);
  switch (scheme.toLowerCase()) {
    case 'bearer':
    case 'token':
      return credential || undefined;
    case 'basic': {
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      // GitHub takes the token as the password, whatever the user name (`x-access-token`).
      return colon < 0 ? undefined : decoded.slice(colon + 1) || undefined;
    }
    default:
      return undefined;
  }
}
