import { expect, type APIRequestContext } from '@playwright/test';

/** The demo organisation loads in the background after start: wait until its status is ready. */
export async function waitForDemo(request: APIRequestContext): Promise<void> {
  await expect
    .poll(
      async () => {
        // While the demo is generated the server can be too busy to answer: keep asking.
        const answer = await request.get('/api/demo/status').catch(() => null);
        if (answer === null) return 'unreachable';
        const body = (await answer.json()) as { state: string; message: string | null };
        if (body.state === 'failed')
          throw new Error(`the demo failed to load: ${body.message ?? ''}`);
        return body.state;
      },
      { timeout: 290_000, intervals: [2_000] },
    )
    .toBe('ready');
}
