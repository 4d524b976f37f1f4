import { build } from '../../../testing/build';
import { formToUpdate, teamToForm } from './team-form-model';

describe('team form model', () => {
  it('round-trips a team: members by person with their dates, unmatched entries kept', () => {
    const team = build.team({
      name: 'Payments',
      members: [
        {
          personId: 'person:github:ann',
          displayName: 'Ann',
          githubLogins: ['ann'],
          jiraAccountIds: ['acc-ann'],
          from: '2026-01-01T00:00:00.000Z',
          to: null,
        },
      ],
      unresolved: ['github:ghost', 'email:cy@acme.test'],
      repositories: ['acme/pay', 'acme/ledger'],
      jiraProjects: ['PAY'],
    });
    const form = teamToForm(team);
    expect(form.members.map((row) => [row.kind, row.value, row.displayName, row.from])).toEqual([
      ['person', 'person:github:ann', 'Ann', '2026-01-01'],
      ['github', 'ghost', '', ''],
      ['email', 'cy@acme.test', '', ''],
    ]);
    expect(formToUpdate(form)).toEqual({
      name: 'Payments',
      members: [
        { personId: 'person:github:ann', from: '2026-01-01' },
        { github: 'ghost' },
        { email: 'cy@acme.test' },
      ],
      repositories: ['acme/pay', 'acme/ledger'],
      jiraProjects: ['PAY'],
    });
  });

  it('drops empty rows, trims, splits lists and upper-cases project keys', () => {
    expect(
      formToUpdate({
        name: ' Core ',
        members: [
          { key: 'a', kind: 'github', value: ' bob ', displayName: '', from: '', to: '2026-07-01' },
          { key: 'b', kind: 'jira', value: '  ', displayName: '', from: '', to: '' },
        ],
        repositories: 'acme/core, acme/api\nacme/web',
        jiraProjects: 'core ops',
      }),
    ).toEqual({
      name: 'Core',
      members: [{ github: 'bob', to: '2026-07-01' }],
      repositories: ['acme/core', 'acme/api', 'acme/web'],
      jiraProjects: ['CORE', 'OPS'],
    });
  });
});
