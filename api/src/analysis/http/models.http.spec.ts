import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { apiErrorSchema, reworkDetailSchema } from '@rework-radar/shared';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../database/data-source-options';
import { runMigrations } from '../../database/migration-runner';
import { startTestApp } from '../../testing/test-app';
import { bearerHeaders } from '../../testing/test-auth';
import { createTestDatabase, type TestDatabase } from '../../testing/test-database';
import { defaultAnalysisConfig, attributeCause, type Signal } from '../core';
import { evidenceOf } from '../store/analysis-store';
import { modelChangeSchema, modelListSchema, refitResponseSchema } from './model.schemas';

/**
 * 60 items whose stored evidence the configured model reads wrongly for missing context: the
 * real missing-context items carry a clarifying question (weak by default), a small fix and a
 * clear ticket (execution), the execution items a small fix and fault text. Managers' overrides
 * label 48 of them; a re-fit must learn that the question matters and the small fix does not.
 */
const w = defaultAnalysisConfig.signalWeights;
const signal = (id: Signal['id'], side: Signal['side'], weight: number): Signal => ({
  id,
  side,
  weight,
  evidence: { kind: 'test', description: `${id} evidence` },
});
function signalsOf(index: number): Signal[] {
  return index % 2 === 0
    ? [
        signal(
          'clarifying_questions_before_merge',
          'missing_context',
          w.missingContext.clarifying_questions_before_merge * 0.5,
        ),
        signal('small_local_fix', 'execution', w.execution.small_local_fix),
        signal('clear_stable_ticket', 'execution', w.execution.clear_stable_ticket),
      ]
    : [
        signal('fault_text', 'execution', w.execution.fault_text * 0.5),
        signal('small_local_fix', 'execution', w.execution.small_local_fix),
      ];
}
const itemId = (index: number): string => `follow-up-fix:github:acme/api#${1000 + index}`;

async function seed(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO analysis_model (version, weights, origin, metrics, created_at) VALUES (1, $1, 'configured', NULL, now())`,
    [JSON.stringify(w)],
  );
  await dataSource.query(
    `INSERT INTO analysis_model_activation (scope, version, previous_versions, activated_at) VALUES ('global', 1, '{}', now())`,
  );
  for (let index = 0; index < 60; index += 1) {
    const id = itemId(index);
    await dataSource.query(
      `INSERT INTO rework_item VALUES ($1, 'follow-up-fix', 'github:acme/api', $2, '{}', NULL, $3, '{}', 'follow-up-fix:trace', $4, 1, 4, 2, $5, now(), 1)`,
      [
        id,
        [`github:acme/api#${1000 + index}`],
        [`github:acme/api#${index + 1}`],
        JSON.stringify({ rules: [], facts: [], links: [] }),
        new Date(Date.UTC(2025, 0, 1, index)),
      ],
    );
    const attribution = attributeCause(signalsOf(index), defaultAnalysisConfig);
    await dataSource.query(
      `INSERT INTO cause_attribution VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8)`,
      [
        `${id}@v1`,
        id,
        attribution.cause,
        attribution.confidence,
        attribution.scores.missing_context,
        attribution.scores.execution,
        attribution.reason,
        JSON.stringify(evidenceOf(attribution)),
      ],
    );
  }
}

describe('cause model versions API', () => {
  let app: INestApplication;
  let auth: { Authorization: string };
  let database: TestDatabase;
  let dataSource: DataSource;
  const server = () => app.getHttpServer() as Server;
  const override = (index: number) =>
    request(server())
      .post(`/api/rework/${encodeURIComponent(itemId(index))}/override`)
      .set(auth)
      .send({
        cause: index % 2 === 0 ? 'missing_context' : 'execution',
        reason: 'checked with the team',
      })
      .expect(200);
  const detail = async (index: number) =>
    reworkDetailSchema.parse(
      (
        await request(server())
          .get(`/api/rework/${encodeURIComponent(itemId(index))}`)
          .set(auth)
          .expect(200)
      ).body,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    await runMigrations(dataSource);
    await seed(dataSource);
    app = await startTestApp(database.url);
    auth = await bearerHeaders(app, 'admin', [], 'em@acme.test');
  });

  afterAll(async () => {
    await app.close();
    await dataSource.destroy();
    await database.drop();
  });

  it('refuses a re-fit with too few overrides per cause, saying how many there are', async () => {
    for (let index = 0; index < 6; index += 1) await override(index);
    const answer = apiErrorSchema.parse(
      (
        await request(server())
          .post('/api/analysis/models/refit')
          .set(auth)
          .send({ scope: 'global' })
          .expect(409)
      ).body,
    );
    expect(answer.code).toBe('not_enough_labels');
    expect(answer.message).toMatch(/at least 10 .* have 3/);
  });

  it('validates the body and the scope', async () => {
    const bad = apiErrorSchema.parse(
      (
        await request(server())
          .post('/api/analysis/models/refit')
          .set(auth)
          .send({ minPerClass: 0, extra: true })
          .expect(400)
      ).body,
    );
    expect(bad.issues?.length).toBeGreaterThan(0);
    await request(server())
      .post('/api/analysis/models/refit')
      .set(auth)
      .send({ scope: { team: 'nobody' } })
      .expect(404);
    await request(server())
      .post('/api/analysis/models/abc/activate')
      .set(auth)
      .send({})
      .expect(400);
    await request(server()).post('/api/analysis/models/99/activate').set(auth).send({}).expect(404);
    await request(server()).post('/api/analysis/models/rollback').set(auth).send({}).expect(409);
  });

  it('re-fits from enough overrides: a new active version with held-back precision/recall, items re-attributed', async () => {
    for (let index = 6; index < 48; index += 1) await override(index);
    const unlabelled = 48; // a missing-context item nobody overrode
    const before = await detail(unlabelled);
    expect(before.model.cause).not.toBe('missing_context');

    const refit = refitResponseSchema.parse(
      (
        await request(server())
          .post('/api/analysis/models/refit')
          .set(auth)
          .send({ scope: 'global', minPerClass: 10 })
          .expect(200)
      ).body,
    );
    expect(refit).toMatchObject({ scope: 'global', version: 2, previousVersion: 1 });
    expect(refit.reattributed).toBe(60);
    expect(refit.metrics.trainedOn.labelled).toBe(48);
    expect(refit.metrics.candidate.missing_context.recall).toBeGreaterThan(
      refit.metrics.current.missing_context.recall ?? 0,
    );
    expect(refit.weights.missingContext.clarifying_questions_before_merge).toBeGreaterThan(
      w.missingContext.clarifying_questions_before_merge,
    );

    const after = await detail(unlabelled);
    expect(after.model).toMatchObject({ version: 2, cause: 'missing_context' });
    // The evidence is the same; only its weights changed.
    expect(after.evidence.map((entry) => entry.signal).sort()).toEqual(
      before.evidence.map((entry) => entry.signal).sort(),
    );

    const list = modelListSchema.parse(
      (await request(server()).get('/api/analysis/models').set(auth).expect(200)).body,
    );
    expect(list.items.map((item) => [item.version, item.origin, item.activeFor])).toEqual([
      [2, 'refit', ['global']],
      [1, 'configured', []],
    ]);
    expect(list.items[0]?.metrics?.candidate.missing_context.precision).not.toBeNull();
  });

  it('goes back to the previous version: its weights and its attributions, overrides untouched', async () => {
    const before = await detail(48);
    const back = modelChangeSchema.parse(
      (
        await request(server())
          .post('/api/analysis/models/rollback')
          .set(auth)
          .send({ scope: 'global' })
          .expect(200)
      ).body,
    );
    expect(back).toMatchObject({ version: 1, previousVersion: 2, reattributed: 60 });
    const restored = await detail(48);
    expect(restored.model.version).toBe(1);
    expect(restored.model.cause).not.toBe(before.model.cause);
    const [v1] = await dataSource.query<{ cause: string }[]>(
      'SELECT cause FROM cause_attribution WHERE id = $1',
      [`${itemId(48)}@v1`],
    );
    expect(restored.model.cause).toBe(v1?.cause);
    const overridden = await detail(0);
    expect(overridden).toMatchObject({
      cause: 'missing_context',
      override: { by: 'em@acme.test' },
    });

    // And forward again by version number.
    const again = modelChangeSchema.parse(
      (
        await request(server())
          .post('/api/analysis/models/2/activate')
          .set(auth)
          .send({ scope: 'global' })
          .expect(200)
      ).body,
    );
    expect(again).toMatchObject({ version: 2, previousVersion: 1 });
    expect((await detail(48)).model).toMatchObject({ version: 2, cause: 'missing_context' });
  });

  it('documents the routes', async () => {
    const document = (await request(server()).get('/api/docs/openapi.json').set(auth).expect(200))
      .body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/analysis/models',
        '/api/analysis/models/refit',
        '/api/analysis/models/rollback',
        '/api/analysis/models/{version}/activate',
      ]),
    );
  });
});
