import { linkIncident, type DeploymentRecord, type IncidentRecord } from './incident-linking';

const incident: IncidentRecord = {
  id: 'OPS-77',
  startedAt: new Date('2024-04-10T03:00:00Z'),
  affectedRepos: ['acme/checkout'],
};
const deployments: DeploymentRecord[] = [
  {
    id: 'd1',
    repo: 'acme/checkout',
    deployedAt: new Date('2024-04-08T10:00:00Z'),
    status: 'success',
    changeRefs: ['github:acme/checkout#40'],
  },
  {
    id: 'd2',
    repo: 'acme/checkout',
    deployedAt: new Date('2024-04-09T15:00:00Z'),
    status: 'success',
    changeRefs: ['github:acme/checkout#41', 'github:acme/checkout#42'],
  },
  {
    id: 'd3',
    repo: 'acme/checkout',
    deployedAt: new Date('2024-04-09T22:00:00Z'),
    status: 'failure',
    changeRefs: ['github:acme/checkout#43'],
  },
  {
    id: 'd4',
    repo: 'acme/search',
    deployedAt: new Date('2024-04-10T01:00:00Z'),
    status: 'success',
    changeRefs: ['github:acme/search#9'],
  },
  {
    id: 'd5',
    repo: 'acme/checkout',
    deployedAt: new Date('2024-04-10T04:00:00Z'),
    status: 'success',
    changeRefs: ['github:acme/checkout#44'],
  },
];

describe('linkIncident', () => {
  it('prefers an explicit change link over any deployment', () => {
    const link = linkIncident(
      incident,
      [
        { kind: 'change', ref: 'github:acme/checkout#12', source: 'github-mention' },
        { kind: 'work_item', ref: 'PAY-1', source: 'jira-link:causes' },
      ],
      deployments,
      72,
    );
    expect(link).toMatchObject({
      rule: 'explicit-change',
      changeRefs: ['github:acme/checkout#12'],
      workItemKeys: ['PAY-1'],
      deployment: null,
    });
  });

  it('uses an explicit work item link when no change is named', () => {
    expect(
      linkIncident(
        incident,
        [{ kind: 'work_item', ref: 'PAY-1', source: 'jira-link:causes' }],
        deployments,
        72,
      ).rule,
    ).toBe('explicit-work-item');
  });

  it('otherwise blames the latest successful deployment of the affected repo before the start', () => {
    const link = linkIncident(incident, [], deployments, 72);
    expect(link.rule).toBe('deployment-window');
    expect(link.deployment).toEqual({
      id: 'd2',
      repo: 'acme/checkout',
      deployedAt: new Date('2024-04-09T15:00:00Z'),
      hoursBeforeIncident: 12,
    });
    expect(link.changeRefs).toEqual(['github:acme/checkout#41', 'github:acme/checkout#42']);
  });

  it('links nothing when the deployment is older than the window', () => {
    const link = linkIncident(incident, [], deployments, 6);
    expect(link.rule).toBe('none');
    expect(link.explanation).toContain('acme/checkout');
  });
});
