import type { ThrottlerOptions } from '@nestjs/throttler';

const addressOf = (request: Record<string, unknown>): string =>
  typeof request.ip === 'string' ? request.ip : 'unknown';

const emailOf = (request: Record<string, unknown>): string => {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
};

/**
 * Sign-in attempts are limited per client address and e-mail (guessing one account's password)
 * and per address alone (spraying many accounts); over the limit the answer is 429 with
 * Retry-After. Counters live in the process: several api instances each allow this much.
 */
export const signInThrottles: ThrottlerOptions[] = [
  {
    name: 'sign-in-per-account',
    ttl: 60_000,
    limit: 5,
    getTracker: (request) => Promise.resolve(`${addressOf(request)}|${emailOf(request)}`),
  },
  {
    name: 'sign-in-per-address',
    ttl: 60_000,
    limit: 30,
    getTracker: (request) => Promise.resolve(addressOf(request)),
  },
];
