import { cursorScope, decodeCursor, encodeCursor } from './cursor';

describe('page cursors', () => {
  const scope = cursorScope('pull-requests', { repo: 'github:acme/api', state: undefined });

  it('round-trips the sort key for the same scope', () => {
    const cursor = encodeCursor(scope, ['github:acme/api', 42]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(scope, cursor)).toEqual(['github:acme/api', 42]);
  });

  it('refuses a cursor made for other filters', () => {
    const cursor = encodeCursor(scope, ['github:acme/api', 42]);
    expect(
      decodeCursor(
        cursorScope('pull-requests', { repo: 'github:acme/web', state: undefined }),
        cursor,
      ),
    ).toBeNull();
    expect(
      decodeCursor(
        cursorScope('work-items', { repo: 'github:acme/api', state: undefined }),
        cursor,
      ),
    ).toBeNull();
  });

  it('refuses every single-character alteration and every truncation', () => {
    const cursor = encodeCursor(scope, ['github:acme/api', 42]);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let index = 0; index < cursor.length; index += 1) {
      for (const replacement of alphabet) {
        if (replacement === cursor[index]) continue;
        const altered = cursor.slice(0, index) + replacement + cursor.slice(index + 1);
        expect(decodeCursor(scope, altered)).toBeNull();
      }
      if (index > 0) expect(decodeCursor(scope, cursor.slice(0, index))).toBeNull();
    }
  });

  it('refuses a re-encoded cursor whose key was edited without the checksum', () => {
    const cursor = encodeCursor(scope, ['github:acme/api', 42]);
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      k: unknown[];
    };
    decoded.k[1] = 7;
    expect(
      decodeCursor(scope, Buffer.from(JSON.stringify(decoded)).toString('base64url')),
    ).toBeNull();
  });

  it('refuses text that is not JSON or not the envelope', () => {
    expect(decodeCursor(scope, 'garbage')).toBeNull();
    expect(decodeCursor(scope, Buffer.from('[1,2]').toString('base64url'))).toBeNull();
  });

  it('orders scope filters by name, so the same query always gives the same scope', () => {
    expect(cursorScope('r', { b: '2', a: '1' })).toBe(cursorScope('r', { a: '1', b: '2' }));
  });
});
