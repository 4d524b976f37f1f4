import { ConfigError } from '../config/config-error';
import { parseJobsSettings } from './jobs-env';

function problemsOf(env: Record<string, string>): ConfigError['problems'] {
  try {
    parseJobsSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the job settings to be refused');
}

describe('parseJobsSettings', () => {
  it('lets the api work jobs by default, whatever the database: npm start is the whole product', () => {
    expect(parseJobsSettings({}).workerInApi).toBe(true);
    expect(parseJobsSettings({ DATABASE_URL: 'postgres://db/app' }).workerInApi).toBe(true);
    expect(parseJobsSettings({ WORKER_IN_API: '' }).workerInApi).toBe(true);
  });

  it('leaves the jobs to separate workers with WORKER_IN_API=false', () => {
    expect(parseJobsSettings({ WORKER_IN_API: 'false' }).workerInApi).toBe(false);
    expect(parseJobsSettings({ WORKER_IN_API: '0' }).workerInApi).toBe(false);
    expect(problemsOf({ WORKER_IN_API: 'sometimes' })).toEqual([
      { variable: 'WORKER_IN_API', message: 'expected true or false', received: 'sometimes' },
    ]);
  });

  it('syncs every 60 minutes by default, as often as JOBS_SYNC_EVERY_MINUTES says, and never with 0 or off', () => {
    expect(parseJobsSettings({}).syncEveryMinutes).toBe(60);
    expect(parseJobsSettings({ JOBS_SYNC_EVERY_MINUTES: '15' }).syncEveryMinutes).toBe(15);
    expect(parseJobsSettings({ JOBS_SYNC_EVERY_MINUTES: '0' }).syncEveryMinutes).toBeNull();
    expect(parseJobsSettings({ JOBS_SYNC_EVERY_MINUTES: 'off' }).syncEveryMinutes).toBeNull();
    expect(parseJobsSettings({ JOBS_SYNC_EVERY_MINUTES: ' OFF ' }).syncEveryMinutes).toBeNull();
  });

  it('refuses a JOBS_SYNC_EVERY_MINUTES that is not whole minutes up to a week, naming it', () => {
    for (const value of ['hourly', '-5', '1.5']) {
      expect(problemsOf({ JOBS_SYNC_EVERY_MINUTES: value })).toEqual([
        {
          variable: 'JOBS_SYNC_EVERY_MINUTES',
          message: 'expected whole minutes (1 to 10080), or 0 or off',
          received: value,
        },
      ]);
    }
    expect(problemsOf({ JOBS_SYNC_EVERY_MINUTES: '20000' })[0]?.message).toBe(
      'expected at most 10080 minutes (a week)',
    );
    expect(() => parseJobsSettings({ JOBS_SYNC_EVERY_MINUTES: 'hourly' })).toThrow(
      'JOBS_SYNC_EVERY_MINUTES: expected whole minutes (1 to 10080), or 0 or off (got "hourly")',
    );
  });

  it('keeps the retry, poll and stop defaults, and names a bad one', () => {
    expect(parseJobsSettings({})).toMatchObject({
      retryLimit: 20,
      retryDelaySeconds: 5,
      pollSeconds: 2,
      orphanGraceSeconds: 10,
      stopTimeoutSeconds: 30,
    });
    expect(problemsOf({ JOBS_POLL_SECONDS: '0.1' }).map((problem) => problem.variable)).toEqual([
      'JOBS_POLL_SECONDS',
    ]);
  });
});
