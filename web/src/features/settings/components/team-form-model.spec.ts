import type { TeamMember } from '@rework-radar/shared';
import { build } from '../../../testing/build';
import { emptyMemberRow, formToUpdate, teamToForm, type MemberRow } from './team-form-model';

const member = (overrides: Partial<TeamMember>): TeamMember => ({
  personId: 'person:github:ann',
  displayName: 'Ann',
  githubLogins: [],
  jiraAccountIds: [],
  from: null,
  to: null,
  ...overrides,
});

const row = (overrides: Partial<MemberRow>): MemberRow => ({ ...emptyMemberRow(), ...overrides });

const membersOf = (rows: MemberRow[]) =>
  formToUpdate({ name: 'Team', members: rows, repositories: '', jiraProjects: '' }).members;

describe('team form model', () => {
  it('names a resolved member again by its GitHub login and Jira account, not a bare person id', () => {
    const team = build.team({
      name: 'Payments',
      repositories: ['acme/pay', 'acme/ledger'],
      jiraProjects: ['PAY', 'BILL'],
      members: [
        member({
          githubLogins: ['ann', 'ann-old'],
          jiraAccountIds: ['acc-ann', 'acc-ann-2'],
          from: '2026-01-01T00:00:00.000Z',
        }),
      ],
    });
    const form = teamToForm(team);
    expect(form.members).toEqual([
      expect.objectContaining({
        displayName: 'Ann',
        github: 'ann',
        jiraAccountId: 'acc-ann',
        email: '',
        personId: '',
        from: '2026-01-01',
        to: '',
      }),
    ]);
    expect(formToUpdate(form)).toEqual({
      name: 'Payments',
      members: [{ github: 'ann', jiraAccountId: 'acc-ann', from: '2026-01-01' }],
      repositories: ['acme/pay', 'acme/ledger'],
      jiraProjects: ['PAY', 'BILL'],
    });
  });

  it('keeps the person id of a resolved member with no GitHub or Jira account', () => {
    const team = build.team({
      members: [
        member({ personId: 'person:x', displayName: 'Xi', to: '2026-07-01T00:00:00.000Z' }),
      ],
    });
    const form = teamToForm(team);
    expect(form.members[0]).toMatchObject({ displayName: 'Xi', personId: 'person:x', github: '' });
    expect(formToUpdate(form).members).toEqual([{ personId: 'person:x', to: '2026-07-01' }]);
  });

  it('keeps an unmatched member whole: every account and date it was configured with', () => {
    const form = teamToForm(
      build.team({
        unresolved: ['github:bo', 'email:cy@acme.test'],
        unresolvedMembers: [
          { github: 'bo', jiraAccountId: 'acc-2', from: '2026-02-01' },
          { email: 'cy@acme.test', to: '2026-03-01T00:00:00.000Z' },
        ],
      }),
    );
    expect(formToUpdate(form).members).toEqual([
      { github: 'bo', jiraAccountId: 'acc-2', from: '2026-02-01' },
      { email: 'cy@acme.test', to: '2026-03-01' },
    ]);
  });

  it('leaves out rows that name no account, even with dates', () => {
    expect(
      membersOf([
        row({ github: '  ', jiraAccountId: '', from: '2026-01-01' }),
        row({ email: 'cy@acme.test' }),
      ]),
    ).toEqual([{ email: 'cy@acme.test' }]);
  });

  it('writes the accounts of one row as one member, trimmed, without the empty ones', () => {
    expect(
      membersOf([row({ github: ' bo ', jiraAccountId: ' acc-2 ', email: ' ', to: '2026-07-01' })]),
    ).toEqual([{ github: 'bo', jiraAccountId: 'acc-2', to: '2026-07-01' }]);
  });

  it('trims the name, splits lists and upper-cases project keys', () => {
    expect(
      formToUpdate({
        name: ' Core ',
        members: [],
        repositories: 'acme/core, acme/api\nacme/web',
        jiraProjects: 'core ops',
      }),
    ).toEqual({
      name: 'Core',
      members: [],
      repositories: ['acme/core', 'acme/api', 'acme/web'],
      jiraProjects: ['CORE', 'OPS'],
    });
  });
});
