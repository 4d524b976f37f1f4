import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { quarantinePageSchema, syncStatusSchema, type SyncStatus } from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { silentLogger } from '../testing/silent-logger';
import { startTestApp } from '../testing/test-app';
import { bearerHeaders } from '../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { JobQueue } from './job-queue';
import { parseJobsSettings } from './jobs-env';

/** Reads server-sent events off a live HTTP response, one `{ type, data }` at a time. */
class EventReader {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  async next(type: string): Promise<unknown> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
        const data = lines
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (event === type) return JSON.parse(data);
        continue;
      }
      const { value, done } = await this.reader.read();
      if (done) throw new Error('the event stream ended');
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }
}

const countsOf = (status: SyncStatus, queue: string) =>
  status.queues.find((entry) => entry.queue === queue)?.counts;

describe('GET /api/sync/events and /api/sync/quarantine', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let baseUrl: string;
  const server = () => app.getHttpServer() as Server;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await startTestApp(database.url);
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(server().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('streams the sync status now and again when a job is queued', async () => {
    const abort = new AbortController();
    const response = await fetch(`${baseUrl}/api/sync/events`, {
      headers: { ...(await bearerHeaders(app)), accept: 'text/event-stream' },
      signal: abort.signal,
    });
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      if (response.body === null) throw new Error('no body');
      const events = new EventReader(response.body.getReader());
      const first = syncStatusSchema.parse(await events.next('status'));
      expect(countsOf(first, 'sync-jira')?.created).toBe(0);
      const queue = await JobQueue.start(
        database.url,
        parseJobsSettings({}),
        silentLogger(),
        false,
      );
      try {
        await queue.enqueue({ queue: 'sync-jira', data: { project: 'PAY' } });
        const changed = syncStatusSchema.parse(await events.next('status'));
        expect(countsOf(changed, 'sync-jira')?.created).toBe(1);
        expect(changed.jobs[0]).toMatchObject({ queue: 'sync-jira', scope: 'project:PAY' });
      } finally {
        await queue.stop({ timeout: 1000 });
      }
    } finally {
      abort.abort();
    }
  }, 30_000);

  it('is for admins only', async () => {
    await request(server())
      .get('/api/sync/events')
      .set(await bearerHeaders(app, 'director'))
      .expect(403);
    await request(server())
      .get('/api/sync/quarantine')
      .set(await bearerHeaders(app, 'director'))
      .expect(403);
  });

  it('lists quarantined records newest first, page by page, filtered by source', async () => {
    const dataSource = app.get(DataSource);
    for (const [index, source] of (['jira', 'github', 'jira'] as const).entries()) {
      await dataSource.query(
        `INSERT INTO quarantined_record (id, source, kind, source_id, reason, raw_payload_id, quarantined_at)
         VALUES ($1, $2, 'issue', $3, $4, NULL, $5)`,
        [
          `${source}:issue:${index}`,
          source,
          String(index),
          `malformed payload ${index}`,
          // Microseconds: the page key must keep them, or records would repeat across pages.
          `2026-01-0${1 + index}T00:00:00.123456Z`,
        ],
      );
    }
    const admin = await bearerHeaders(app);
    const first = quarantinePageSchema.parse(
      (await request(server()).get('/api/sync/quarantine?limit=2').set(admin).expect(200)).body,
    );
    expect(first.total).toBe(3);
    expect(first.items.map((item) => item.id)).toEqual(['jira:issue:2', 'github:issue:1']);
    expect(first.items[0]).toMatchObject({ reason: 'malformed payload 2', rawPayloadId: null });
    expect(first.nextCursor).not.toBeNull();
    const second = quarantinePageSchema.parse(
      (
        await request(server())
          .get(`/api/sync/quarantine?limit=2&cursor=${first.nextCursor ?? ''}`)
          .set(admin)
          .expect(200)
      ).body,
    );
    expect(second.items.map((item) => item.id)).toEqual(['jira:issue:0']);
    expect(second.nextCursor).toBeNull();
    const jira = quarantinePageSchema.parse(
      (await request(server()).get('/api/sync/quarantine?source=jira').set(admin).expect(200)).body,
    );
    expect(jira.items.map((item) => item.id)).toEqual(['jira:issue:2', 'jira:issue:0']);
    expect(jira.total).toBe(2);
    // A cursor made for another filter is refused rather than skipping records.
    await request(server())
      .get(`/api/sync/quarantine?source=jira&cursor=${first.nextCursor ?? ''}`)
      .set(admin)
      .expect(400);
  });
});
