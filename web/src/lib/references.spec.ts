import { pullRequestLabel, pullRequestUrl, sourceLinkName, workItemUrl } from './references';

const urls = [
  'https://github.acme.example/acme/pay/pull/12',
  'https://jira.acme.example/browse/PAY-7',
];

describe('references', () => {
  it('reads pull request ids as people write them', () => {
    expect(pullRequestLabel('github:acme/pay#12')).toBe('acme/pay#12');
    expect(pullRequestLabel('something else')).toBe('something else');
  });

  it('finds the address of a pull request or work item among known links, and names it', () => {
    expect(pullRequestUrl('github:acme/pay#12', urls)).toBe(urls[0]);
    expect(pullRequestUrl('github:acme/pay#1', urls)).toBeUndefined();
    expect(workItemUrl('PAY-7', urls)).toBe(urls[1]);
    expect(workItemUrl('PAY-70', urls)).toBeUndefined();
    expect(sourceLinkName(urls[0]!)).toBe('Open acme/pay#12 on GitHub');
    expect(sourceLinkName(urls[1]!)).toBe('Open PAY-7 in Jira');
    expect(sourceLinkName('https://example.test/x')).toBe('Open source');
  });
});
