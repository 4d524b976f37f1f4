import { parseTraceArguments } from './trace-arguments';

describe('parseTraceArguments', () => {
  it('reads --repo and --fix in both spellings, resolving the repo from where npm was run', () => {
    expect(parseTraceArguments(['--repo', 'shop', '--fix=HEAD~1'], '/home/me')).toEqual({
      ok: true,
      value: { repo: '/home/me/shop', fix: 'HEAD~1' },
    });
    expect(parseTraceArguments(['--fix', 'abc', '--repo=/srv/x.git'], '/home/me')).toEqual({
      ok: true,
      value: { repo: '/srv/x.git', fix: 'abc' },
    });
  });

  it('explains what is wrong', () => {
    expect(parseTraceArguments(['--repo', '/x'], '/')).toEqual({
      ok: false,
      message: 'missing --fix',
    });
    expect(parseTraceArguments(['--fix'], '/')).toEqual({
      ok: false,
      message: '--fix needs a value',
    });
    expect(parseTraceArguments(['--verbose'], '/')).toEqual({
      ok: false,
      message: 'unexpected argument: --verbose',
    });
  });
});
