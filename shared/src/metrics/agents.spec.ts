import {
  agentAuthoredShare,
  missingContextShareFor,
  reviewDepthFor,
  reworkShareFor,
} from './agents.js';
import { at, build, march } from './testing/build.js';

const inMarch = at('2026-03-10T00:00:00Z');
const pr = (id: string, isAgent: boolean, depthScore: number | null) =>
  build.pullRequest({ id, isAgent, depthScore, mergedAt: inMarch });
const data = build.dataset({
  pullRequests: [
    pr('a1', true, 20),
    pr('a2', true, 40),
    pr('a3', true, null),
    pr('h1', false, 60),
    pr('h2', false, 80),
    pr('h3', false, 70),
    pr('h4', false, 50),
  ],
  reworkItems: [
    build.reworkItem({
      id: 'k1',
      cause: 'missing_context',
      detectedAt: inMarch,
      originPrIds: ['a1'],
      originAuthoredByAgent: true,
    }),
    build.reworkItem({
      id: 'k2',
      cause: 'execution',
      detectedAt: inMarch,
      originPrIds: ['a1'],
      originAuthoredByAgent: true,
    }),
    build.reworkItem({
      id: 'k3',
      cause: 'execution',
      detectedAt: inMarch,
      originPrIds: ['h1'],
      originAuthoredByAgent: false,
    }),
    build.reworkItem({
      id: 'k4',
      cause: 'unknown',
      detectedAt: inMarch,
      originPrIds: ['h2'],
      originAuthoredByAgent: false,
    }),
    build.reworkItem({
      id: 'k5',
      cause: 'missing_context',
      detectedAt: inMarch,
      originWorkItemKeys: ['ENG-1'],
    }), // no origin PR
  ],
});

describe('agents (March 2026)', () => {
  it('agent-authored share of merged PRs', () => {
    expect(agentAuthoredShare(data, march)).toEqual({
      value: 3 / 7,
      universe: { count: 7, noun: 'pull requests' },
      excluded: [],
    });
  });

  it('rework share: PRs that became the origin of rework, agent vs human', () => {
    expect(reworkShareFor('agent')(data, march)).toMatchObject({
      value: 1 / 3,
      universe: { count: 3 },
    }); // a1 of a1-a3
    expect(reworkShareFor('human')(data, march)).toMatchObject({
      value: 2 / 4,
      universe: { count: 4 },
    }); // h1, h2 of h1-h4
  });

  it('missing-context share of rework, agent vs human, unknowns excluded', () => {
    // agent: k1 missing context of k1, k2 = 1/2
    expect(missingContextShareFor('agent')(data, march)).toMatchObject({
      value: 1 / 2,
      universe: { count: 2 },
    });
    // human: k3 execution (k4 unknown excluded) = 0/1; k5 has no origin PR
    expect(missingContextShareFor('human')(data, march)).toEqual({
      value: 0,
      universe: { count: 1, noun: 'rework items' },
      excluded: [
        { reason: 'origin has no pull request (authorship unknown)', count: 1 },
        { reason: 'cause unknown (left out of the denominator)', count: 1 },
      ],
    });
  });

  it('review depth on agent PRs vs human PRs', () => {
    // agent (20 + 40) / 2 = 30 (a3 unscored); human (60 + 80 + 70 + 50) / 4 = 65
    expect(reviewDepthFor('agent')(data, march)).toEqual({
      value: 30,
      universe: { count: 2, noun: 'pull requests' },
      excluded: [{ reason: 'no depth score', count: 1 }],
    });
    expect(reviewDepthFor('human')(data, march).value).toBe(65);
    expect(reviewDepthFor('agent')(build.dataset({}), march)).toMatchObject({
      value: null,
      reason: 'no scored agent-authored pull request merged in period',
    });
  });
});
