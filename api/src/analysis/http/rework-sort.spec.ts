import {
  afterCursor,
  decodeReworkCursor,
  encodeReworkCursor,
  orderBy,
  sortPlan,
} from './rework-sort';

describe('rework sort and cursor', () => {
  it('orders by the field then the id, in one direction', () => {
    expect(orderBy(sortPlan('-confidence'))).toBe(
      'ORDER BY coalesce(a.confidence, 0) DESC, r.id DESC',
    );
    expect(afterCursor(sortPlan('effort'), '$1', '$2')).toBe(
      '(r.effort_lines, r.id) > ($1::double precision, $2)',
    );
  });

  it('round-trips a cursor for its own sort only', () => {
    const cursor = encodeReworkCursor({
      sort: 'detectedAt',
      value: '2025-01-02 03:04:05.123456+00',
      id: 'x|y',
    });
    expect(decodeReworkCursor(cursor, 'detectedAt')).toEqual({
      sort: 'detectedAt',
      value: '2025-01-02 03:04:05.123456+00',
      id: 'x|y',
    });
    expect(decodeReworkCursor(cursor, '-detectedAt')).toBeNull();
    expect(decodeReworkCursor('not-a-cursor', 'detectedAt')).toBeNull();
    expect(
      decodeReworkCursor(encodeReworkCursor({ sort: 'effort', value: 'abc', id: 'x' }), 'effort'),
    ).toBeNull();
  });
});
