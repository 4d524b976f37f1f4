import { findWorkItemKeys, type WorkItemKeyTexts } from './work-item-keys.js';

describe('findWorkItemKeys', () => {
  const cases: { name: string; texts: WorkItemKeyTexts; projectKeys?: string[]; keys: string[] }[] =
    [
      { name: 'a key in the title', texts: { title: 'ENG-42 Fix login' }, keys: ['ENG-42'] },
      { name: 'a key in brackets', texts: { title: '[OPS-7] rotate keys' }, keys: ['OPS-7'] },
      {
        name: 'keys in a body and a commit',
        texts: { body: 'Closes ENG-1, relates to ENG-2', commitMessages: ['ENG-3: wip'] },
        keys: ['ENG-1', 'ENG-2', 'ENG-3'],
      },
      {
        name: 'a browse URL',
        texts: { body: 'see https://acme.atlassian.net/browse/ENG-900' },
        keys: ['ENG-900'],
      },
      { name: 'UTF-8 is not a key', texts: { title: 'Decode UTF-8 names' }, keys: [] },
      { name: 'SHA-256 is not a key', texts: { body: 'hash with SHA-256' }, keys: [] },
      { name: 'ISO-8601 is not a key', texts: { body: 'dates as ISO-8601' }, keys: [] },
      {
        name: 'RFC-7231 and CVE-2024 are not keys',
        texts: { body: 'per RFC-7231, fixes CVE-2024' },
        keys: [],
      },
      { name: 'a version number is not a key', texts: { body: 'upgrade to node-20.1' }, keys: [] },
      { name: 'lower case prose is not a key', texts: { body: 'the eng-42 thing' }, keys: [] },
      { name: 'leading zero is not a key', texts: { title: 'ENG-042' }, keys: [] },
      {
        name: 'only known projects when given',
        texts: { title: 'ENG-1 and UTF-8 and ABC-3' },
        projectKeys: ['ENG'],
        keys: ['ENG-1'],
      },
      {
        name: 'a known key may look like a standard',
        texts: { title: 'ISO-12 audit' },
        projectKeys: ['ISO'],
        keys: ['ISO-12'],
      },
      {
        name: 'lower case branch with known keys',
        texts: { branch: 'feature/eng-42-login' },
        projectKeys: ['ENG'],
        keys: ['ENG-42'],
      },
      {
        name: 'lower case branch without known keys',
        texts: { branch: 'feature/eng-42-login' },
        keys: [],
      },
      { name: 'upper case branch', texts: { branch: 'ENG-5-quick-fix' }, keys: ['ENG-5'] },
      { name: 'glued to a word is not a key', texts: { body: 'fooENG-5 and x_ENG-6' }, keys: [] },
      {
        name: 'deduplicated in first-seen order',
        texts: { title: 'ENG-2', body: 'ENG-1 ENG-2' },
        keys: ['ENG-2', 'ENG-1'],
      },
    ];

  it.each(cases)('$name', ({ texts, projectKeys, keys }) => {
    const found = findWorkItemKeys(texts, projectKeys === undefined ? {} : { projectKeys });
    expect(found.map((match) => match.key)).toEqual(keys);
  });

  it('says where each key was seen', () => {
    const found = findWorkItemKeys(
      {
        title: 'ENG-1 login',
        branch: 'eng-1-login',
        body: 'ENG-1',
        commitMessages: ['ENG-1 a', 'ENG-1 b'],
      },
      { projectKeys: ['ENG'] },
    );
    expect(found).toEqual([{ key: 'ENG-1', sources: ['title', 'branch', 'body', 'commit'] }]);
  });
});
