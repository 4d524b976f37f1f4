import {
  exportFileName,
  parseCookieHeader,
  quarterlyExportQuerySchema,
  quarterlyPageUrl,
} from './export-request';

describe('quarterly export request', () => {
  it('opens the quarterly page with the same scope, on the app base URL only', () => {
    expect(
      quarterlyPageUrl('http://127.0.0.1:4000', { quarter: '2026-Q3', team: 'payments' }).href,
    ).toBe('http://127.0.0.1:4000/quarterly?quarter=2026-Q3&team=payments');
    expect(quarterlyPageUrl('http://127.0.0.1:4000/', { quarter: '2025-Q1' }).href).toBe(
      'http://127.0.0.1:4000/quarterly?quarter=2025-Q1',
    );
  });

  it('refuses a malformed quarter, a bad team slug and unknown parameters', () => {
    expect(quarterlyExportQuerySchema.safeParse({ quarter: '2026-Q5' }).success).toBe(false);
    expect(
      quarterlyExportQuerySchema.safeParse({ quarter: '2026-Q1', team: '../admin' }).success,
    ).toBe(false);
    expect(
      quarterlyExportQuerySchema.safeParse({ quarter: '2026-Q1', url: 'http://evil' }).success,
    ).toBe(false);
    expect(quarterlyExportQuerySchema.parse({ quarter: '2026-Q1' })).toEqual({
      quarter: '2026-Q1',
    });
  });

  it('names the file after the scope', () => {
    expect(exportFileName({ quarter: '2026-Q3' }, 'pdf')).toBe('quarterly-2026-Q3.pdf');
    expect(exportFileName({ quarter: '2026-Q3', team: 'core-api' }, 'png')).toBe(
      'quarterly-2026-Q3-core-api.png',
    );
  });

  it('reads the cookies the caller sent, values untouched', () => {
    expect(parseCookieHeader('rr_session=abc=def; theme=dark ; broken')).toEqual([
      { name: 'rr_session', value: 'abc=def' },
      { name: 'theme', value: 'dark' },
    ]);
    expect(parseCookieHeader(undefined)).toEqual([]);
  });
});
