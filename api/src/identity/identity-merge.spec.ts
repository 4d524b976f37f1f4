import type { DataSource } from 'typeorm';
import { createMigratedDataSource, type TestDatabase } from '../testing/test-database';
import { upsertIdentities } from './identity.store';
import { listUnmatchedIdentities, mergeIdentities } from './identity-merge';
import { planIdentityMerge, type MergeIdentity } from './identity-merge.plan';

const identity = (
  system: 'github' | 'jira',
  externalId: string,
  email: string | null,
  displayName: string | null = null,
): MergeIdentity => ({
  id: `${system}:${externalId}`,
  system,
  externalId,
  email,
  displayName,
  isBot: false,
  personId: null,
});

describe('planIdentityMerge', () => {
  it('joins by email (any case), then by the accounts a team member names, and leaves the rest alone', () => {
    const plan = planIdentityMerge(
      [
        identity('github', 'ana', 'Ana@acme.test'),
        identity('jira', 'acc-1', 'ana@acme.test', 'Ana Lima'),
        identity('github', 'bo', null),
        identity('jira', 'acc-2', null, 'Bo'),
        identity('jira', 'acc-3', null),
      ],
      [{ github: 'Bo', jiraAccountId: 'acc-2' }],
    );
    expect(
      plan.map(({ id, identityIds, matchedBy, displayName }) => ({
        id,
        identityIds,
        matchedBy,
        displayName,
      })),
    ).toEqual([
      {
        id: 'person:github:ana',
        identityIds: ['github:ana', 'jira:acc-1'],
        matchedBy: 'email',
        displayName: 'Ana Lima',
      },
      {
        id: 'person:github:bo',
        identityIds: ['github:bo', 'jira:acc-2'],
        matchedBy: 'mapping',
        displayName: 'Bo',
      },
      {
        id: 'person:jira:acc-3',
        identityIds: ['jira:acc-3'],
        matchedBy: 'none',
        displayName: 'acc-3',
      },
    ]);
  });

  it('joins a GitHub account to the Jira account with the email a team member gives, and two persons an earlier merge kept apart', () => {
    const plan = planIdentityMerge(
      [
        { ...identity('github', 'dee', null), personId: 'person:github:dee' },
        { ...identity('jira', 'acc-9', 'dee@acme.test', 'Dee'), personId: 'person:jira:acc-9' },
        identity('github', 'eli', null),
        identity('jira', 'acc-7', 'Eli@Acme.test', 'Eli'),
      ],
      [
        { github: 'dee', jiraAccountId: 'acc-9' },
        { github: 'ELI', email: 'eli@acme.test' },
      ],
    );
    expect(plan.map(({ id, identityIds, matchedBy }) => ({ id, identityIds, matchedBy }))).toEqual([
      {
        id: 'person:github:dee',
        identityIds: ['github:dee', 'jira:acc-9'],
        matchedBy: 'mapping',
      },
      {
        id: 'person:github:eli',
        identityIds: ['github:eli', 'jira:acc-7'],
        matchedBy: 'mapping',
      },
    ]);
  });

  it('keeps an existing person id', () => {
    const plan = planIdentityMerge([
      { ...identity('jira', 'acc-1', 'a@x.test'), personId: 'person:legacy' },
      identity('github', 'a', 'a@x.test'),
    ]);
    expect(plan).toHaveLength(1);
    expect(plan[0]?.id).toBe('person:legacy');
  });
});

describe('mergeIdentities', () => {
  let dataSource: DataSource;
  let database: TestDatabase;
  beforeAll(async () => ({ dataSource, database } = await createMigratedDataSource()));
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('links GitHub and Jira identities to persons, lists the unmatched, and is stable when run again', async () => {
    const input = (id: string, email: string | null, name: string | null) => ({
      id: `x:${id}`,
      externalId: id,
      displayName: name,
      email,
      isBot: false,
      rawPayloadId: null,
    });
    await upsertIdentities(
      dataSource.manager,
      'github',
      [input('ana', 'ana@acme.test', null), input('bo', null, null), input('cy', null, null)].map(
        (row) => ({ ...row, id: `github:${row.externalId}` }),
      ),
    );
    await upsertIdentities(
      dataSource.manager,
      'jira',
      [input('acc-1', 'ana@acme.test', 'Ana'), input('acc-2', null, 'Bo')].map((row) => ({
        ...row,
        id: `jira:${row.externalId}`,
      })),
    );

    const report = await mergeIdentities(dataSource.manager, [
      { github: 'bo', jiraAccountId: 'acc-2' },
    ]);
    expect(report).toEqual({
      persons: 3,
      matchedByEmail: 1,
      matchedByMapping: 1,
      unmatchedIdentities: 1,
    });
    const links: { id: string; person_id: string | null }[] = await dataSource.query(
      `SELECT id, person_id FROM identity ORDER BY id`,
    );
    expect(links).toEqual([
      { id: 'github:ana', person_id: 'person:github:ana' },
      { id: 'github:bo', person_id: 'person:github:bo' },
      { id: 'github:cy', person_id: 'person:github:cy' },
      { id: 'jira:acc-1', person_id: 'person:github:ana' },
      { id: 'jira:acc-2', person_id: 'person:github:bo' },
    ]);
    expect((await listUnmatchedIdentities(dataSource.manager)).map((row) => row.id)).toEqual([
      'github:cy',
    ]);

    expect(
      await mergeIdentities(dataSource.manager, [{ github: 'bo', jiraAccountId: 'acc-2' }]),
    ).toEqual(report);
    expect(await dataSource.query(`SELECT id, person_id FROM identity ORDER BY id`)).toEqual(links);
  });
});
