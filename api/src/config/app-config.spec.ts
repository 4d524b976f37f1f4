import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadEnvironment, parseConfig } from './app-config';

const base = '/srv/rework-radar';

function problemsOf(env: Record<string, string>): ConfigError['problems'] {
  try {
    parseConfig(env, base);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('parseConfig', () => {
  it('defaults to port 3000, the embedded engine under .data, and the demo organisation', () => {
    const config = parseConfig({}, base);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe('/srv/rework-radar/.data');
    expect(config.demo).toBe(true);
    expect(config.github).toBeUndefined();
    expect(config.jira).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    const config = parseConfig({ PORT: '', DATABASE_URL: '  ', GITHUB_TOKEN: '' }, base);
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.github).toBeUndefined();
  });

  it('names the variable, the expectation and the value for a bad port', () => {
    const problems = problemsOf({ PORT: 'eighty' });
    expect(problems).toEqual([
      { variable: 'PORT', message: 'expected a port number', received: 'eighty' },
    ]);
    expect(problemsOf({ PORT: '70000' })[0]?.message).toBe('expected a port between 1 and 65535');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL without echoing it', () => {
    const problems = problemsOf({ DATABASE_URL: 'mysql://user:secret@db/app' });
    expect(problems).toEqual([
      {
        variable: 'DATABASE_URL',
        message: 'expected a postgres:// or postgresql:// URL',
        received: undefined,
      },
    ]);
  });

  it('reports every problem at once, in one readable message', () => {
    try {
      parseConfig(
        { PORT: '0', JIRA_DEPLOYMENT: 'server', GITHUB_REPOS: 'acme/api,not a repo' },
        base,
      );
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('Invalid configuration:');
      expect(message).toContain('PORT: expected a port between 1 and 65535');
      expect(message).toContain('JIRA_DEPLOYMENT: expected cloud or datacenter');
      expect(message).toContain('GITHUB_REPOS: expected owner/name entries separated by commas');
    }
  });

  it('configures GitHub Enterprise by token, with repos trimmed and the base URL without a trailing slash', () => {
    const config = parseConfig(
      {
        GITHUB_TOKEN: 'ghp_x',
        GITHUB_API_URL: 'https://ghe.acme.test/api/v3/',
        GITHUB_REPOS: ' acme/api , acme/web ',
      },
      base,
    );
    expect(config.github).toEqual({
      apiUrl: 'https://ghe.acme.test/api/v3',
      auth: { kind: 'token', token: 'ghp_x' },
      org: undefined,
      repos: ['acme/api', 'acme/web'],
    });
    expect(config.demo).toBe(false);
  });

  it('needs all three GitHub App variables and names the missing ones', () => {
    const problems = problemsOf({ GITHUB_APP_ID: '12' });
    expect(problems.map((problem) => problem.variable).sort()).toEqual([
      'GITHUB_APP_INSTALLATION_ID',
      'GITHUB_APP_PRIVATE_KEY',
    ]);
  });

  it('restores newlines in a one-line GitHub App private key', () => {
    const config = parseConfig(
      {
        GITHUB_APP_ID: '12',
        GITHUB_APP_INSTALLATION_ID: '34',
        GITHUB_APP_PRIVATE_KEY: '-----BEGIN KEY-----\\nabc\\n-----END KEY-----',
      },
      base,
    );
    expect(config.github?.auth).toEqual({
      kind: 'app',
      appId: 12,
      installationId: 34,
      privateKey: '-----BEGIN KEY-----\nabc\n-----END KEY-----',
    });
  });

  it('configures Jira Cloud by email and API token, and Data Center by personal access token', () => {
    const cloud = parseConfig(
      {
        JIRA_BASE_URL: 'https://acme.atlassian.net',
        JIRA_EMAIL: 'bot@acme.test',
        JIRA_API_TOKEN: 't',
        JIRA_PROJECTS: 'ENG,OPS',
      },
      base,
    );
    expect(cloud.jira).toMatchObject({
      auth: { kind: 'basic', email: 'bot@acme.test', apiToken: 't' },
      projects: ['ENG', 'OPS'],
    });
    const dataCenter = parseConfig(
      { JIRA_BASE_URL: 'https://jira.acme.test', JIRA_PAT: 'p' },
      base,
    );
    expect(dataCenter.jira?.auth).toEqual({ kind: 'pat', token: 'p' });
  });

  it('refuses Jira without credentials, and an API token without its email', () => {
    expect(problemsOf({ JIRA_BASE_URL: 'https://acme.atlassian.net' })[0]?.variable).toBe(
      'JIRA_API_TOKEN',
    );
    expect(
      problemsOf({ JIRA_BASE_URL: 'https://acme.atlassian.net', JIRA_API_TOKEN: 't' }).map(
        (p) => p.variable,
      ),
    ).toEqual(['JIRA_EMAIL']);
  });

  it('lets DEMO be forced on beside real connections, and refuses a non-boolean', () => {
    expect(parseConfig({ GITHUB_TOKEN: 'x', DEMO: 'true' }, base).demo).toBe(true);
    expect(parseConfig({ DEMO: 'false' }, base).demo).toBe(false);
    expect(problemsOf({ DEMO: 'maybe' })[0]).toEqual({
      variable: 'DEMO',
      message: 'expected true or false',
      received: 'maybe',
    });
  });

  it('keeps an absolute DATA_DIR as given', () => {
    expect(parseConfig({ DATA_DIR: '/var/lib/rr' }, base).dataDir).toBe('/var/lib/rr');
  });
});

describe('loadEnvironment', () => {
  it('reads .env and lets the real environment win over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-env-'));
    writeFileSync(join(dir, '.env'), 'PORT=4100\nRR_ONLY_IN_FILE=from-file\n');
    process.env.PORT = '4200';
    try {
      const env = loadEnvironment(dir);
      expect(env.PORT).toBe('4200');
      expect(env.RR_ONLY_IN_FILE).toBe('from-file');
    } finally {
      delete process.env.PORT;
    }
  });
});

describe('job queue settings', () => {
  it('are read with the rest of the configuration, from .env too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-env-'));
    writeFileSync(join(dir, '.env'), 'WORKER_IN_API=false\nJOBS_SYNC_EVERY_MINUTES=15\n');
    const jobs = parseConfig(loadEnvironment(dir), dir).jobs;
    expect(jobs.workerInApi).toBe(false);
    expect(jobs.syncEveryMinutes).toBe(15);
  });

  it('let the api work jobs by default on the embedded database and on an external one', () => {
    expect(parseConfig({}, base).jobs.workerInApi).toBe(true);
    expect(parseConfig({ DATABASE_URL: 'postgres://db/app' }, base).jobs.workerInApi).toBe(true);
  });

  it('are reported with every other problem at once', () => {
    const problems = problemsOf({ PORT: '0', JOBS_SYNC_EVERY_MINUTES: 'hourly' });
    expect(problems.map((problem) => problem.variable)).toEqual([
      'PORT',
      'JOBS_SYNC_EVERY_MINUTES',
    ]);
  });
});

describe('ANALYSIS_CONFIG', () => {
  it('overlays the named JSON file on the analysis defaults, relative to the invocation directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-analysis-'));
    writeFileSync(join(dir, 'analysis.json'), JSON.stringify({ windows: { followUpFixDays: 14 } }));
    const config = parseConfig({ ANALYSIS_CONFIG: 'analysis.json' }, dir);
    expect(config.analysis.windows.followUpFixDays).toBe(14);
    expect(parseConfig({}, dir).analysis.windows.followUpFixDays).toBe(30);
  });

  it('stops start-up naming ANALYSIS_CONFIG when the file is missing or invalid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-analysis-'));
    expect(() => parseConfig({ ANALYSIS_CONFIG: 'missing.json' }, dir)).toThrow(
      /ANALYSIS_CONFIG: expected a readable JSON file/,
    );
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ windows: { followUpFixDays: -3 } }));
    expect(() => parseConfig({ ANALYSIS_CONFIG: 'bad.json' }, dir)).toThrow(
      /ANALYSIS_CONFIG: .*followUpFixDays/,
    );
  });
});

describe('TEAMS_FILE', () => {
  it('reads teams with their members, repositories and projects from YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-teams-'));
    writeFileSync(
      join(dir, 'teams.yaml'),
      [
        'teams:',
        '  - slug: payments',
        '    name: Payments',
        '    members:',
        '      - github: ada',
        '        from: 2026-01-01',
        '    repositories: [acme/billing]',
        '    jiraProjects: [PAY]',
      ].join('\n'),
    );
    const config = parseConfig({ TEAMS_FILE: 'teams.yaml' }, dir);
    expect(config.teams?.teams[0]).toMatchObject({
      slug: 'payments',
      repositories: ['acme/billing'],
    });
  });

  it('stops start-up naming TEAMS_FILE and the bad field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rr-teams-'));
    writeFileSync(join(dir, 'teams.yaml'), 'teams:\n  - name: No slug\n');
    expect(() => parseConfig({ TEAMS_FILE: 'teams.yaml' }, dir)).toThrow(
      /TEAMS_FILE: teams\.0\.slug/,
    );
    expect(() => parseConfig({ TEAMS_FILE: 'absent.yaml' }, dir)).toThrow(
      /TEAMS_FILE: expected a readable YAML file/,
    );
  });
});
