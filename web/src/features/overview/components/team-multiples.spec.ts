import { sharedAxisMax } from './team-multiples';

describe('team small multiples', () => {
  it('share one value axis per metric: the largest value of any team, whatever the others lack', () => {
    const teams = [
      [
        { label: '2025-10', points: 40, rework: 3 },
        { label: '2025-11', points: null, rework: 1 },
      ],
      [{ label: '2025-10', points: 95, rework: null }],
      [],
    ];
    expect(sharedAxisMax(teams, 'points')).toBe(95);
    expect(sharedAxisMax(teams, 'rework')).toBe(3);
    expect(sharedAxisMax(teams, 'missing')).toBeUndefined();
  });
});
