import { z } from 'zod';

/** Every list route answers at most this many items per page (`limit` up to 500, product contract). */
export const maxPageLimit = 500;
export const defaultPageLimit = 100;

/**
 * `?limit=`: a query string value, so it arrives as text. Whole numbers 1..500 only; `limit=0`
 * or `limit=501` is refused (400) rather than clamped, so a client never silently gets less.
 */
export const pageLimitSchema = z.coerce
  .number({ error: 'limit must be a whole number from 1 to 500' })
  .int('limit must be a whole number from 1 to 500')
  .min(1, 'limit must be at least 1')
  .max(maxPageLimit, `limit must be at most ${maxPageLimit}`)
  .default(defaultPageLimit);

/**
 * `?cursor=`: opaque to clients (the api encodes the last item's sort key in base64url). Only its
 * alphabet and size are checked here; the api decodes it and refuses a tampered one (400).
 */
export const pageCursorSchema = z
  .string()
  .min(1, 'cursor must not be empty')
  .max(512, 'cursor is too long')
  .regex(/^[A-Za-z0-9_-]+$/, 'cursor is not one this api handed out');

/**
 * One page of a list: the items in the route's stable order, and the cursor for the next page
 * (`null` on the last page). Pass `nextCursor` back as `?cursor=` with the same filters.
 */
export function paginated<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });
}

export interface Paginated<Item> {
  items: Item[];
  nextCursor: string | null;
}
