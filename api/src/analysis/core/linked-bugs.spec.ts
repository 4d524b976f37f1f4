import { defaultAnalysisConfig as config } from './analysis-config';
import { detectLinkedBugs, type BugLink, type StoryRecord } from './linked-bugs';

const bug = { key: 'PAY-900', createdAt: new Date('2024-05-31T10:00:00Z') };
const options = {
  windowDays: 60,
  bugLinkTypes: config.classification.bugLinkTypes,
  bugIssueTypes: config.classification.bugIssueTypes,
};
const stories: StoryRecord[] = [
  { key: 'PAY-800', type: 'Story', resolvedAt: new Date('2024-05-21T10:00:00Z') },
  { key: 'PAY-810', type: 'Task', resolvedAt: new Date('2024-05-30T10:00:00Z') },
  { key: 'PAY-700', type: 'Story', resolvedAt: new Date('2024-03-01T10:00:00Z') },
  { key: 'PAY-820', type: 'Story', resolvedAt: null },
  { key: 'PAY-830', type: 'Story', resolvedAt: new Date('2024-06-02T10:00:00Z') },
  { key: 'PAY-840', type: 'Bug', resolvedAt: new Date('2024-05-20T10:00:00Z') },
  { key: 'PAY-850', type: 'Story', resolvedAt: new Date('2024-05-25T10:00:00Z') },
];
const link = (
  linkType: string,
  relation: string,
  otherKey: string,
  direction: BugLink['direction'] = 'inward',
): BugLink => ({ linkType, relation, otherKey, direction });

describe('detectLinkedBugs', () => {
  it('keeps causal and related stories finished within the window, causal first, with reasons for the rest', () => {
    const result = detectLinkedBugs(
      bug,
      [
        link('Relates', 'relates to', 'PAY-810', 'outward'),
        link('Causes', 'is caused by', 'PAY-800'),
        link('Causes', 'causes', 'PAY-850', 'outward'),
        link('Blocks', 'is blocked by', 'PAY-800'),
        link('Cloners', 'is cloned by', 'PAY-800'),
        link('Relates', 'relates to', 'PAY-700'),
        link('Relates', 'relates to', 'PAY-820'),
        link('Relates', 'relates to', 'PAY-830'),
        link('Relates', 'relates to', 'PAY-840'),
        link('Relates', 'relates to', 'OPS-1'),
      ],
      stories,
      options,
    );
    expect(result.origins).toEqual([
      {
        storyKey: 'PAY-800',
        linkType: 'Causes',
        relation: 'is caused by',
        strength: 'causal',
        daysBeforeBug: 10,
      },
      {
        storyKey: 'PAY-810',
        linkType: 'Relates',
        relation: 'relates to',
        strength: 'related',
        daysBeforeBug: 1,
      },
    ]);
    expect(result.excluded.map((entry) => `${entry.otherKey}:${entry.reason}`)).toEqual([
      'PAY-850:wrong_direction',
      'PAY-800:link_type_not_counted',
      'PAY-800:link_type_not_counted',
      'PAY-700:outside_window',
      'PAY-820:not_finished',
      'PAY-830:finished_after_bug',
      'PAY-840:is_a_bug',
      'OPS-1:story_unknown',
    ]);
  });

  it('counts Jira Service Management "Problem/Incident" links as causal', () => {
    const result = detectLinkedBugs(
      bug,
      [link('Problem/Incident', 'is caused by', 'PAY-850')],
      stories,
      options,
    );
    expect(result.origins[0]?.strength).toBe('causal');
  });
});
