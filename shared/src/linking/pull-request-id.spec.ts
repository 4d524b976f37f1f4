import { parsePullRequestId } from './pull-request-id.js';

describe('parsePullRequestId', () => {
  it('reads the repository and number of a domain id, with or without its source', () => {
    expect(parsePullRequestId('github:acme-corp/search.service#357')).toEqual({
      repo: 'acme-corp/search.service',
      number: 357,
    });
    expect(parsePullRequestId('acme/api#1')).toEqual({ repo: 'acme/api', number: 1 });
  });

  it('refuses what is not a pull request id', () => {
    expect(parsePullRequestId('SRCH-1051')).toBeNull();
    expect(parsePullRequestId('github:acme-corp#12')).toBeNull();
  });
});
