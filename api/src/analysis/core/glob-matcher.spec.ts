import { globMatcher } from './glob-matcher';

describe('globMatcher', () => {
  it('matches paths, dot files included, and reuses the compiled matcher for the same list', () => {
    const isCritical = globMatcher(['**/payments/**', '**/*.sql']);
    expect(
      ['src/payments/charge.ts', '.github/payments/x.yml', 'db/001.sql'].map(isCritical),
    ).toEqual([true, true, true]);
    expect(isCritical('src/cart.ts')).toBe(false);
    expect(globMatcher(['**/payments/**', '**/*.sql'])).toBe(isCritical);
    expect(globMatcher(['**/*.sql'])('src/payments/charge.ts')).toBe(false);
  });
});
