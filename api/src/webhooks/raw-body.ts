import type { IncomingMessage } from 'node:http';

/** A request whose body bytes were kept as received, for signature verification. */
export interface WithRawBody {
  rawBody?: Buffer;
}

/** body-parser `verify` hook: keeps the bytes the signature was computed over. */
export function keepRawBody(
  request: IncomingMessage & WithRawBody,
  _response: unknown,
  body: Buffer,
): void {
  request.rawBody = body;
}
