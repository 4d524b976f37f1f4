import { discoverFields } from './field-discovery';

const field = (id: string, name: string, custom?: string, type = 'any') => ({
  id,
  name,
  custom: true,
  schema: { type, ...(custom === undefined ? {} : { custom }) },
});

describe('discoverFields', () => {
  it('finds fields by schema type first, then by name', () => {
    const catalog = discoverFields([
      { id: 'summary', name: 'Summary', custom: false },
      field('customfield_10020', 'Sprints (team)', 'com.pyxis.greenhopper.jira:gh-sprint', 'array'),
      field('customfield_10014', 'Epic Link', 'com.pyxis.greenhopper.jira:gh-epic-link'),
      field(
        'customfield_10016',
        'Story point estimate',
        'com.pyxis.greenhopper.jira:jsw-story-points',
        'number',
      ),
      field('customfield_10050', 'Acceptance Criteria', undefined, 'string'),
    ]);
    expect(catalog.ids).toEqual({
      storyPoints: 'customfield_10016',
      sprint: 'customfield_10020',
      epicLink: 'customfield_10014',
      acceptanceCriteria: 'customfield_10050',
    });
    expect(catalog.names.sprint).toBe('Sprints (team)');
  });

  it('prefers the numeric one of same-named story points fields, and applies overrides', () => {
    const fields = [
      field('customfield_1', 'Story Points', undefined, 'string'),
      field('customfield_2', 'Story Points', undefined, 'number'),
      field('customfield_3', 'AC text', undefined, 'string'),
    ];
    expect(discoverFields(fields).ids.storyPoints).toBe('customfield_2');
    expect(discoverFields(fields).ids.acceptanceCriteria).toBeNull();
    const overridden = discoverFields(fields, { acceptanceCriteria: 'customfield_3' });
    expect(overridden.ids.acceptanceCriteria).toBe('customfield_3');
    expect(overridden.names.acceptanceCriteria).toBe('AC text');
  });
});
