import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Opaque page cursors: base64url of `{ k, h }` where `k` is the last item's sort key and `h` a
 * checksum of the key and its scope (route and filters), so the cursor stays short. A cursor that was altered, cut, or
 * made for other filters decodes to `null`, which the api answers with 400: paging on with a
 * cursor from another query would silently skip or repeat items.
 *
 * The checksum is not a secret: forging a cursor only lets a client start at a position it could
 * reach anyway. It catches accidental damage (copy/paste, truncation, a flipped character), and
 * needs no key, so any api replica reads any other's cursors.
 */
export type SortKey = readonly (string | number)[];

const envelope = z.object({
  k: z.array(z.union([z.string(), z.number()])),
  h: z.string(),
});

const checksum = (scope: string, key: SortKey): string =>
  createHash('sha256')
    .update(JSON.stringify([scope, key]))
    .digest('base64url')
    .slice(0, 16);

export function encodeCursor(scope: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ k: key, h: checksum(scope, key) }), 'utf8').toString(
    'base64url',
  );
}

/** The sort key, or null when the cursor is not one this api made for `scope`. */
export function decodeCursor(scope: string, cursor: string): SortKey | null {
  const bytes = Buffer.from(cursor, 'base64url');
  // Base64url decoding is lenient (stray characters, spare bits): only the canonical text counts.
  if (bytes.toString('base64url') !== cursor) return null;
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) return null;
  const { k, h } = parsed.data;
  if (h !== checksum(scope, k)) return null;
  return k;
}

/** A scope string from the route name and its filters, in a fixed order. */
export function cursorScope(route: string, filters: Record<string, string | undefined>): string {
  return [
    route,
    ...Object.keys(filters)
      .sort()
      .map((name) => `${name}=${filters[name] ?? ''}`),
  ].join('|');
}
