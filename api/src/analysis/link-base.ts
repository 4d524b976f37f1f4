import type { AppConfig } from '../config/app-config';
import type { LinkBase } from './detection/detected-rework';

/** Web links for evidence: GitHub's web host from the API URL (github.com, or the Enterprise host), Jira's base URL. */
export function linkBaseOf(config: Pick<AppConfig, 'github' | 'jira'>): LinkBase {
  const apiUrl = config.github?.apiUrl ?? 'https://api.github.com';
  const url = new URL(apiUrl);
  const githubWebUrl =
    url.hostname === 'api.github.com' ? 'https://github.com' : `${url.protocol}//${url.host}`;
  return { githubWebUrl, jiraBaseUrl: config.jira?.baseUrl ?? null };
}
