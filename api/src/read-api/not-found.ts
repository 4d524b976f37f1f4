import { NotFoundException } from '@nestjs/common';

/** The edge's translation of "no such item" (a service answers null) into a 404 in the shared error shape. */
export function orNotFound<T>(value: T | null, what: string): T {
  if (value === null)
    throw new NotFoundException({ code: 'not_found', message: `${what} is not known here` });
  return value;
}
