import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Hub-Signature-256`: `sha256=` + HMAC-SHA256 of the raw body, compared in constant time.
 * Same algorithm as @octokit/webhooks-methods, which publishes only an ESM "import" entry that
 * the api's Jest setup cannot resolve; see the report for the one-line preset change.
 */
export function signWebhook(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

export function verifyWebhookSignature(
  secret: string,
  rawBody: string,
  signature: string,
): boolean {
  const expected = Buffer.from(signWebhook(secret, rawBody));
  const received = Buffer.from(signature);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
