import { pullRequestLabel, sourceLinkName } from './references';

const urls = [
  'https://github.acme.example/acme/pay/pull/12',
  'https://jira.acme.example/browse/PAY-7',
];

describe('references', () => {
  it('reads pull request ids as people write them', () => {
    expect(pullRequestLabel('github:acme/pay#12')).toBe('acme/pay#12');
    expect(pullRequestLabel('something else')).toBe('something else');
  });

  it('names a link by where it goes', () => {
    expect(sourceLinkName(urls[0]!)).toBe('Open acme/pay#12 on GitHub');
    expect(sourceLinkName(urls[1]!)).toBe('Open PAY-7 in Jira');
    expect(sourceLinkName('https://example.test/x')).toBe('Open source');
  });
});
