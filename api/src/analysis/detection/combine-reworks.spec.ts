import { combineReworks } from './combine-reworks';
import type { DetectedRework } from './detected-rework';

const item = (
  id: string,
  kind: DetectedRework['kind'],
  parts: Partial<DetectedRework> = {},
): DetectedRework => ({
  id,
  kind,
  repositoryId: null,
  reworkPullRequestIds: [],
  reworkWorkItemKeys: [],
  incidentId: null,
  originPullRequestIds: [],
  originWorkItemKeys: [],
  rule: kind,
  detection: { rules: [kind], facts: [`${id} found`], links: [] },
  occurredAt: new Date('2025-03-01T00:00:00Z'),
  endedAt: null,
  defectTexts: [],
  expectations: null,
  ...parts,
});

const bug = (key: string, story: string, parts: Partial<DetectedRework> = {}): DetectedRework =>
  item(`linked-bug:${key}:${story}`, 'linked-bug', {
    reworkWorkItemKeys: [key],
    originWorkItemKeys: [story],
    defectTexts: [{ key, text: `${key} is broken` }],
    ...parts,
  });

const idsOf = (items: readonly DetectedRework[]): string[] => items.map((entry) => entry.id);

describe('combineReworks', () => {
  it('folds a linked bug into the traced fix that names it, keeping both rules and facts', () => {
    const fix = item('follow-up-fix:pr-7', 'follow-up-fix', {
      reworkPullRequestIds: ['pr-7'],
      reworkWorkItemKeys: ['BUG-1'],
      originWorkItemKeys: ['ST-1'],
    });
    const combined = combineReworks({
      reverts: [],
      followUps: [fix],
      incidents: [],
      linkedBugs: [bug('BUG-1', 'ST-2')],
      reopens: [],
      absorbedFixIds: new Set(),
    });

    expect(idsOf(combined)).toEqual(['follow-up-fix:pr-7']);
    expect(combined[0]).toMatchObject({
      originWorkItemKeys: ['ST-1', 'ST-2'],
      detection: {
        rules: ['follow-up-fix', 'linked-bug'],
        facts: ['follow-up-fix:pr-7 found', 'linked-bug:BUG-1:ST-2 found'],
      },
      defectTexts: [{ key: 'BUG-1', text: 'BUG-1 is broken' }],
    });
  });

  it('gives a bug sharing a PR to the first host in order (incidents before fixes), and the same bug linked twice to that host again', () => {
    const incident = item('incident:INC-1', 'incident', {
      incidentId: 'INC-1',
      reworkPullRequestIds: ['pr-9'],
    });
    const fix = item('follow-up-fix:pr-9', 'follow-up-fix', { reworkPullRequestIds: ['pr-9'] });
    const combined = combineReworks({
      reverts: [],
      followUps: [fix],
      incidents: [incident],
      linkedBugs: [
        bug('BUG-2', 'ST-1', { reworkPullRequestIds: ['pr-9'] }),
        // Linked to a second story and found with no PR: it joins where BUG-2 already went.
        bug('BUG-2', 'ST-3'),
      ],
      reopens: [],
      absorbedFixIds: new Set(),
    });

    expect(idsOf(combined)).toEqual(['follow-up-fix:pr-9', 'incident:INC-1']);
    const host = combined.find((entry) => entry.id === 'incident:INC-1');
    expect(host?.reworkWorkItemKeys).toEqual(['BUG-2']);
    expect(host?.originWorkItemKeys).toEqual(['ST-1', 'ST-3']);
    expect(combined.find((entry) => entry.id === 'follow-up-fix:pr-9')?.originWorkItemKeys).toEqual(
      [],
    );
  });

  it('keeps a bug no host names, drops one that is itself an incident, and drops fixes an incident absorbed', () => {
    const incident = item('incident:INC-5', 'incident', { incidentId: 'INC-5' });
    const absorbed = item('follow-up-fix:pr-3', 'follow-up-fix', {
      reworkPullRequestIds: ['pr-3'],
    });
    const combined = combineReworks({
      reverts: [item('revert:pr-4', 'revert')],
      followUps: [absorbed],
      incidents: [incident],
      linkedBugs: [bug('BUG-3', 'ST-1'), item('linked-bug:INC-5', 'linked-bug')],
      reopens: [item('reopened:ST-9', 'reopened')],
      absorbedFixIds: new Set(['pr-3']),
    });

    expect(idsOf(combined)).toEqual([
      'incident:INC-5',
      'linked-bug:BUG-3:ST-1',
      'reopened:ST-9',
      'revert:pr-4',
    ]);
  });
});
