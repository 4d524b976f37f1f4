import type { AppConfig } from '../config/app-config';
import type { LinkBase } from './detection/detected-rework';

/**
 * Links of the demo organisation point at reserved `.example` hosts: the simulators that served
 * its data are gone once it is loaded, and a made-up organisation has no real GitHub or Jira pages.
 */
export const demoLinkBase: LinkBase = {
  githubWebUrl: 'https://github.acme-corp.example',
  jiraBaseUrl: 'https://jira.acme-corp.example',
};

/**
 * Web links for evidence, explain rows and origins: the demo's hosts on the demo, else GitHub's
 * web host from the API URL (github.com, or the Enterprise host) and Jira's base URL. Every link
 * the product writes comes from here, so a re-analysis writes the links the first load wrote.
 */
export function linkBaseOf(config: Pick<AppConfig, 'github' | 'jira' | 'demo'>): LinkBase {
  if (config.demo) return demoLinkBase;
  const apiUrl = config.github?.apiUrl ?? 'https://api.github.com';
  const url = new URL(apiUrl);
  const githubWebUrl =
    url.hostname === 'api.github.com' ? 'https://github.com' : `${url.protocol}//${url.host}`;
  return { githubWebUrl, jiraBaseUrl: config.jira?.baseUrl ?? null };
}
