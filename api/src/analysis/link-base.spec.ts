import { parseConfig } from '../config/app-config';
import { demoLinkBase, linkBaseOf } from './link-base';

const configOf = (env: Record<string, string>) => parseConfig(env, '/tmp');

describe('linkBaseOf', () => {
  it('links the demo to its reserved hosts, whatever writes the links (the loader, a re-analysis job, explain)', () => {
    expect(linkBaseOf(configOf({}))).toEqual(demoLinkBase);
  });

  it('links GitHub Enterprise to its web host and Jira to its base URL', () => {
    expect(
      linkBaseOf(
        configOf({
          GITHUB_TOKEN: 't',
          GITHUB_ORG: 'acme',
          GITHUB_API_URL: 'https://ghe.acme.test/api/v3',
          JIRA_BASE_URL: 'https://jira.acme.test',
          JIRA_PAT: 'p',
        }),
      ),
    ).toEqual({ githubWebUrl: 'https://ghe.acme.test', jiraBaseUrl: 'https://jira.acme.test' });
    expect(linkBaseOf(configOf({ GITHUB_TOKEN: 't', GITHUB_ORG: 'acme' }))).toEqual({
      githubWebUrl: 'https://github.com',
      jiraBaseUrl: null,
    });
  });
});
