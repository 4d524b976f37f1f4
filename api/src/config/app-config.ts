import { isAbsolute, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { existsSync, readFileSync } from 'node:fs';
import { teamsConfigSchema, toFieldIssues, type TeamsConfig } from '@rework-radar/shared';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { parseAnalysisConfig, type AnalysisConfig } from '../analysis/core/analysis-config';
import { jobsEnvShape, jobsSettingsOf, type JobsSettings } from '../jobs/jobs-env';
import { ConfigError, configErrorOf, withoutEmptyValues } from './config-error';

export { ConfigError } from './config-error';

/**
 * The configuration contract from product.md ("Contracts"), validated once at start.
 * Empty strings count as unset, the way `.env` files usually leave optional values.
 */

const optionalText = z.string().trim().min(1).optional();

const commaList = (pattern: RegExp, message: string) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0),
    )
    .pipe(z.array(z.string().regex(pattern, message)));

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
  .transform((value) => value.replace(/\/+$/, ''));

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z
  .object({
    PORT: z.coerce
      .number({ error: 'expected a port number' })
      .int('expected a whole port number')
      .min(1, 'expected a port between 1 and 65535')
      .max(65535, 'expected a port between 1 and 65535')
      .default(3000),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/, error: 'expected a postgres:// or postgresql:// URL' })
      .optional(),
    DATA_DIR: z.string().default('.data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
    ANALYSIS_CONFIG: optionalText,
    TEAMS_FILE: optionalText,
    WEB_DIST_DIR: optionalText,

    GITHUB_TOKEN: optionalText,
    GITHUB_APP_ID: z.coerce
      .number()
      .int()
      .positive('expected the numeric GitHub App id')
      .optional(),
    GITHUB_APP_PRIVATE_KEY: optionalText,
    GITHUB_APP_INSTALLATION_ID: z.coerce
      .number()
      .int()
      .positive('expected the numeric installation id')
      .optional(),
    GITHUB_API_URL: httpUrl.default('https://api.github.com'),
    GITHUB_ORG: optionalText,
    GITHUB_REPOS: commaList(
      /^[\w.-]+\/[\w.-]+$/,
      'expected owner/name entries separated by commas',
    ).default([]),
    GITHUB_WEBHOOK_SECRET: optionalText,

    JIRA_BASE_URL: httpUrl.optional(),
    JIRA_EMAIL: z.email('expected the email of the Jira account').optional(),
    JIRA_API_TOKEN: optionalText,
    JIRA_PAT: optionalText,
    JIRA_DEPLOYMENT: z
      .enum(['cloud', 'datacenter'], { error: 'expected cloud or datacenter' })
      .optional(),
    JIRA_PROJECTS: commaList(
      /^[A-Z][A-Z0-9_]+$/,
      'expected Jira project keys (e.g. ENG) separated by commas',
    ).default([]),
    JIRA_JQL: optionalText,
    JIRA_WEBHOOK_SECRET: optionalText,
    JIRA_WEBHOOK_VERIFICATION: z
      .enum(['hmac', 'query', 'either'], { error: 'expected hmac, query or either' })
      .default('either'),

    DEMO: booleanFlag.optional(),
    ADMIN_EMAIL: z.email('expected an email address').optional(),
    ADMIN_PASSWORD: z.string().min(12, 'expected at least 12 characters').optional(),
    // Several keys, comma-separated, during a rotation: the first seals, all of them open.
    SECRETS_KEY: commaList(
      /^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/,
      'expected 32 bytes as 64 hex characters or base64 (several keys: comma-separated, newest first)',
    ).default([]),
    // Express's trust proxy setting: behind a reverse proxy, which hops to believe for the client
    // address (sign-in rate limits) and for HTTPS (Secure cookies). e.g. `1`, `loopback`, `10.0.0.0/8`.
    TRUST_PROXY: z
      .string()
      .trim()
      .regex(
        /^(\d+|true|false|[\w.:/, -]+)$/,
        'expected a hop count, true/false, or addresses/subnets',
      )
      .optional(),
    SESSION_HOURS: z.coerce
      .number({ error: 'expected a number of hours' })
      .positive('expected a positive number of hours')
      .max(24 * 90, 'expected at most 90 days')
      .default(12),
    OIDC_ISSUER: httpUrl.optional(),
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_REDIRECT_URI: httpUrl.optional(),
    OIDC_DEFAULT_ROLE: z
      .enum(['vp', 'director', 'manager'], { error: 'expected vp, director or manager' })
      .optional(),
    ...jobsEnvShape,
  })
  .superRefine((env, context) => {
    const appVariables = [
      'GITHUB_APP_ID',
      'GITHUB_APP_PRIVATE_KEY',
      'GITHUB_APP_INSTALLATION_ID',
    ] as const;
    const appSet = appVariables.filter((name) => env[name] !== undefined);
    if (appSet.length > 0 && appSet.length < appVariables.length) {
      for (const name of appVariables.filter((variable) => env[variable] === undefined)) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: `required with ${appSet.join(', ')} (GitHub App authentication needs all three)`,
        });
      }
    }
    const jiraCredentials = env.JIRA_PAT !== undefined || env.JIRA_API_TOKEN !== undefined;
    if (env.JIRA_BASE_URL !== undefined && !jiraCredentials) {
      context.addIssue({
        code: 'custom',
        path: ['JIRA_API_TOKEN'],
        message:
          'JIRA_BASE_URL is set: give JIRA_EMAIL + JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)',
      });
    }
    if (env.JIRA_API_TOKEN !== undefined && env.JIRA_EMAIL === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['JIRA_EMAIL'],
        message: 'required with JIRA_API_TOKEN',
      });
    }
    if (jiraCredentials && env.JIRA_BASE_URL === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['JIRA_BASE_URL'],
        message: 'required with Jira credentials',
      });
    }
    const oidcVariables = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_REDIRECT_URI'] as const;
    const oidcSet = oidcVariables.filter((name) => env[name] !== undefined);
    if (oidcSet.length > 0 && oidcSet.length < oidcVariables.length) {
      for (const name of oidcVariables.filter((variable) => env[variable] === undefined)) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: `required with ${oidcSet.join(', ')} (OpenID Connect sign-in needs all three)`,
        });
      }
    }
    if ((env.ADMIN_EMAIL === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      const missing = env.ADMIN_EMAIL === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD';
      context.addIssue({
        code: 'custom',
        path: [missing],
        message: 'ADMIN_EMAIL and ADMIN_PASSWORD go together',
      });
    }
  });

type ParsedEnv = z.infer<typeof envSchema>;

export interface GithubConnection {
  apiUrl: string;
  auth:
    | { kind: 'token'; token: string }
    | { kind: 'app'; appId: number; privateKey: string; installationId: number };
  org: string | undefined;
  repos: string[];
}

export interface JiraConnection {
  baseUrl: string;
  auth: { kind: 'basic'; email: string; apiToken: string } | { kind: 'pat'; token: string };
  deployment: 'cloud' | 'datacenter' | undefined;
  projects: string[];
  jql: string | undefined;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Absent for public clients (PKCE only). */
  clientSecret: string | undefined;
  /** This app's callback, as registered at the provider: `https://host/api/auth/oidc/callback`. */
  redirectUri: string;
  /** Role of a first-time OIDC user with no account; absent = an admin must create the account first. */
  defaultRole: 'vp' | 'director' | 'manager' | undefined;
}

export interface AppConfig {
  port: number;
  databaseUrl: string | undefined;
  /** Absolute path. */
  dataDir: string;
  logLevel: ParsedEnv['LOG_LEVEL'];
  webDistDir: string | undefined;
  github: GithubConnection | undefined;
  githubWebhookSecret: string | undefined;
  jira: JiraConnection | undefined;
  jiraWebhookSecret: string | undefined;
  /** How a Jira delivery proves itself: `X-Hub-Signature` HMAC, `?secret=` in the URL, or either. */
  jiraWebhookVerification: 'hmac' | 'query' | 'either';
  demo: boolean;
  admin: { email: string; password: string } | undefined;
  /** Keys that seal stored credentials, newest first; empty = the generated key under DATA_DIR. */
  secretsKeys: string[];
  /** Express `trust proxy`: false (default), a hop count, or addresses and subnets. */
  trustProxy: boolean | number | string;
  /** How long a browser session lasts without signing in again. */
  sessionHours: number;
  /** OpenID Connect sign-in, when configured. */
  oidc: OidcSettings | undefined;
  /** Rules, windows and weights of the analysis: defaults overlaid with the ANALYSIS_CONFIG file. */
  analysis: AnalysisConfig;
  /** Teams from the TEAMS_FILE YAML; undefined when teams are managed in the app only. */
  teams: TeamsConfig | undefined;
  /** The job queue's settings (WORKER_IN_API, JOBS_*), declared in `jobs/jobs-env.ts`. */
  jobs: JobsSettings;
}

/** Variables whose values must never be echoed in an error message. */
const secretVariables = new Set([
  'GITHUB_TOKEN',
  'GITHUB_APP_PRIVATE_KEY',
  'GITHUB_WEBHOOK_SECRET',
  'JIRA_API_TOKEN',
  'JIRA_PAT',
  'JIRA_WEBHOOK_SECRET',
  'ADMIN_PASSWORD',
  'SECRETS_KEY',
  'OIDC_CLIENT_SECRET',
  'DATABASE_URL',
]);

/**
 * Validates the environment and shapes it for the app.
 * @param baseDir directory that a relative DATA_DIR is resolved against
 */
export function parseConfig(env: Record<string, string | undefined>, baseDir: string): AppConfig {
  const cleaned = withoutEmptyValues(env);
  const result = envSchema.safeParse(cleaned);
  if (!result.success) throw configErrorOf(result.error.issues, cleaned, secretVariables);
  const parsed = result.data;
  const analysis = readAnalysisConfig(parsed.ANALYSIS_CONFIG, baseDir);
  const teams =
    parsed.TEAMS_FILE === undefined ? undefined : readTeamsFile(parsed.TEAMS_FILE, baseDir);
  const github = githubConnection(parsed);
  const jira = jiraConnection(parsed);
  return {
    port: parsed.PORT,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: isAbsolute(parsed.DATA_DIR) ? parsed.DATA_DIR : resolve(baseDir, parsed.DATA_DIR),
    logLevel: parsed.LOG_LEVEL,
    webDistDir: parsed.WEB_DIST_DIR,
    github,
    githubWebhookSecret: parsed.GITHUB_WEBHOOK_SECRET,
    jira,
    jiraWebhookSecret: parsed.JIRA_WEBHOOK_SECRET,
    jiraWebhookVerification: parsed.JIRA_WEBHOOK_VERIFICATION,
    demo: parsed.DEMO ?? (github === undefined && jira === undefined),
    admin:
      parsed.ADMIN_EMAIL !== undefined && parsed.ADMIN_PASSWORD !== undefined
        ? { email: parsed.ADMIN_EMAIL, password: parsed.ADMIN_PASSWORD }
        : undefined,
    secretsKeys: parsed.SECRETS_KEY,
    sessionHours: parsed.SESSION_HOURS,
    trustProxy: trustProxySetting(parsed.TRUST_PROXY),
    oidc:
      parsed.OIDC_ISSUER !== undefined &&
      parsed.OIDC_CLIENT_ID !== undefined &&
      parsed.OIDC_REDIRECT_URI !== undefined
        ? {
            issuer: parsed.OIDC_ISSUER,
            clientId: parsed.OIDC_CLIENT_ID,
            clientSecret: parsed.OIDC_CLIENT_SECRET,
            redirectUri: parsed.OIDC_REDIRECT_URI,
            defaultRole: parsed.OIDC_DEFAULT_ROLE,
          }
        : undefined,
    analysis,
    teams,
    jobs: jobsSettingsOf(parsed),
  };
}

function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function readTeamsFile(path: string, baseDir: string): TeamsConfig {
  const file = isAbsolute(path) ? path : resolve(baseDir, path);
  let document: unknown;
  try {
    document = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([
      {
        variable: 'TEAMS_FILE',
        message: `expected a readable YAML file (${reason})`,
        received: path,
      },
    ]);
  }
  const result = teamsConfigSchema.safeParse(document);
  if (!result.success) {
    throw new ConfigError(
      toFieldIssues(result.error).map((issue) => ({
        variable: 'TEAMS_FILE',
        message: `${issue.field}: ${issue.message}`,
        received: undefined,
      })),
    );
  }
  return result.data;
}

function readAnalysisConfig(path: string | undefined, baseDir: string): AnalysisConfig {
  if (path === undefined) return parseAnalysisConfig({});
  const file = isAbsolute(path) ? path : resolve(baseDir, path);
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([
      {
        variable: 'ANALYSIS_CONFIG',
        message: `expected a readable JSON file (${reason})`,
        received: path,
      },
    ]);
  }
  try {
    return parseAnalysisConfig(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError([{ variable: 'ANALYSIS_CONFIG', message: reason, received: path }]);
  }
}

function githubConnection(env: ParsedEnv): GithubConnection | undefined {
  const target = { apiUrl: env.GITHUB_API_URL, org: env.GITHUB_ORG, repos: env.GITHUB_REPOS };
  if (
    env.GITHUB_APP_ID !== undefined &&
    env.GITHUB_APP_PRIVATE_KEY !== undefined &&
    env.GITHUB_APP_INSTALLATION_ID !== undefined
  ) {
    return {
      ...target,
      auth: {
        kind: 'app',
        appId: env.GITHUB_APP_ID,
        // Keys pasted into one-line env values usually carry literal "\n".
        privateKey: env.GITHUB_APP_PRIVATE_KEY.replace(/\\n/g, '\n'),
        installationId: env.GITHUB_APP_INSTALLATION_ID,
      },
    };
  }
  if (env.GITHUB_TOKEN !== undefined)
    return { ...target, auth: { kind: 'token', token: env.GITHUB_TOKEN } };
  return undefined;
}

function jiraConnection(env: ParsedEnv): JiraConnection | undefined {
  if (env.JIRA_BASE_URL === undefined) return undefined;
  const auth: JiraConnection['auth'] | undefined =
    env.JIRA_PAT !== undefined
      ? { kind: 'pat', token: env.JIRA_PAT }
      : env.JIRA_EMAIL !== undefined && env.JIRA_API_TOKEN !== undefined
        ? { kind: 'basic', email: env.JIRA_EMAIL, apiToken: env.JIRA_API_TOKEN }
        : undefined;
  if (auth === undefined) return undefined;
  return {
    baseUrl: env.JIRA_BASE_URL,
    auth,
    deployment: env.JIRA_DEPLOYMENT,
    projects: env.JIRA_PROJECTS,
    jql: env.JIRA_JQL,
  };
}

/**
 * Where the user ran the command: npm sets INIT_CWD, so `npm run sync -w api` from the
 * repository root resolves `.env` and `.data` against the root, like `npm start` does.
 */
export function invocationDir(): string {
  return process.env.INIT_CWD ?? process.cwd();
}

/** Reads `.env` from the invocation directory; real environment variables win over it. */
export function loadEnvironment(baseDir = invocationDir()): Record<string, string | undefined> {
  const envFile = resolve(baseDir, '.env');
  const fromFile = existsSync(envFile) ? parseDotenv(readFileSync(envFile)) : {};
  return { ...fromFile, ...process.env };
}

export function loadConfig(): AppConfig {
  const baseDir = invocationDir();
  return parseConfig(loadEnvironment(baseDir), baseDir);
}
