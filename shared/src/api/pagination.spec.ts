import { z } from 'zod';
import { pageCursorSchema, pageLimitSchema, paginated } from './pagination.js';

describe('pageLimitSchema', () => {
  it('defaults to 100 and reads query text as a number', () => {
    expect(pageLimitSchema.parse(undefined)).toBe(100);
    expect(pageLimitSchema.parse('1')).toBe(1);
    expect(pageLimitSchema.parse('500')).toBe(500);
  });

  it.each(['0', '501', '-3', '2.5', 'ten', ''])('refuses %j', (value) => {
    expect(pageLimitSchema.safeParse(value).success).toBe(false);
  });
});

describe('pageCursorSchema', () => {
  it('accepts base64url text and refuses anything else', () => {
    expect(pageCursorSchema.safeParse('eyJrIjpbMV19').success).toBe(true);
    expect(pageCursorSchema.safeParse('abc+/=').success).toBe(false);
    expect(pageCursorSchema.safeParse('').success).toBe(false);
    expect(pageCursorSchema.safeParse('a'.repeat(513)).success).toBe(false);
  });
});

describe('paginated', () => {
  it('wraps items and a nullable next cursor', () => {
    const schema = paginated(z.object({ n: z.number() }));
    expect(schema.parse({ items: [{ n: 1 }], nextCursor: null })).toEqual({
      items: [{ n: 1 }],
      nextCursor: null,
    });
    expect(schema.safeParse({ items: [{ n: 'x' }], nextCursor: null }).success).toBe(false);
    expect(schema.safeParse({ items: [] }).success).toBe(false);
  });
});
