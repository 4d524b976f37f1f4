import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { pageCursorSchema, pageLimitSchema } from '@rework-radar/shared';
import { openApiSchema } from '../http/openapi';

/** The OpenAPI description of the `limit` and `cursor` parameters every keyset-paged list takes. */
export const ApiPageQueries = (): MethodDecorator =>
  applyDecorators(
    ApiQuery({
      name: 'limit',
      required: false,
      description: '1..500, default 100',
      schema: openApiSchema(pageLimitSchema),
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description: '`nextCursor` of the previous page',
      schema: openApiSchema(pageCursorSchema),
    }),
  );
