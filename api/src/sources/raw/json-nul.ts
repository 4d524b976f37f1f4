/**
 * PostgreSQL's jsonb and text types cannot hold the NUL character (U+0000), so a payload that
 * carries one is refused at the edge with a clear reason instead of failing deep in a write.
 */
export function containsNulCharacter(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNulCharacter);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, item]) => key.includes('\u0000') || containsNulCharacter(item),
    );
  }
  return false;
}
