import { healthResponseSchema } from './health.js';

describe('healthResponseSchema', () => {
  const healthy = {
    status: 'ok',
    version: '0.1.0',
    uptimeSeconds: 3.2,
    checkedAt: '2026-11-22T07:00:00.000Z',
    database: {
      engine: 'embedded',
      reachable: true,
      serverVersion: 'PostgreSQL 17.6',
      migrations: {
        applied: 1,
        pending: 0,
        latest: 'InitialRawLayer1763800000000',
        upToDate: true,
      },
    },
  };

  it('accepts a healthy answer', () => {
    expect(healthResponseSchema.parse(healthy)).toEqual(healthy);
  });

  it('accepts an unreachable database with no migration state', () => {
    const down = {
      ...healthy,
      status: 'down',
      database: { engine: 'external', reachable: false, serverVersion: null, migrations: null },
    };
    expect(healthResponseSchema.safeParse(down).success).toBe(true);
  });

  it('refuses an unknown engine and a non-UTC timestamp', () => {
    expect(
      healthResponseSchema.safeParse({
        ...healthy,
        database: { ...healthy.database, engine: 'sqlite' },
      }).success,
    ).toBe(false);
    expect(healthResponseSchema.safeParse({ ...healthy, checkedAt: 'yesterday' }).success).toBe(
      false,
    );
  });
});
