import { z } from 'zod';
import { toFieldIssues } from './errors.js';

describe('toFieldIssues', () => {
  it('names each failing field by its dotted path', () => {
    const schema = z.object({ repo: z.object({ owner: z.string() }), limit: z.number().max(500) });
    const result = schema.safeParse({ repo: { owner: 3 }, limit: 900 });
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = toFieldIssues(result.error);
    expect(issues.map((issue) => issue.field).sort()).toEqual(['limit', 'repo.owner']);
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true);
  });

  it('uses (root) for an error about the whole value', () => {
    const result = z.object({}).safeParse('not an object');
    expect(result.success).toBe(false);
    if (result.success) return;
    const issues = toFieldIssues(result.error);
    expect(issues.map((issue) => issue.field)).toEqual(['(root)']);
    expect(issues[0]?.message).toMatch(/object/i);
  });
});
