import type { INestApplication } from '@nestjs/common';
import { type ApiResponseSchemaHost, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';

type SchemaObject = ApiResponseSchemaHost['schema'];

/** The OpenAPI form of a contract schema from `shared/`, so the docs cannot drift from the code. */
export function openApiSchema(schema: z.ZodType): SchemaObject {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io: 'output',
    unrepresentable: 'any',
  });
  return jsonSchema as SchemaObject;
}

export const openApiPath = 'api/docs';

export function setupOpenApi(app: INestApplication, version: string): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rework Radar API')
      .setDescription(
        'Rework, its causes, and the metrics around it. Timestamps are ISO 8601 in UTC. ' +
          'Sign in with POST /api/auth/login (session cookie) or send Authorization: Bearer <api token>.',
      )
      .setVersion(version)
      .addBearerAuth()
      .addCookieAuth('rr_session')
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('cookie')
      .build(),
  );
  SwaggerModule.setup(openApiPath, app, document, {
    jsonDocumentUrl: `${openApiPath}/openapi.json`,
  });
}
