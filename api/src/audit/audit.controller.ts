import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { auditListSchema, type AuditList } from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Access } from '../auth/access';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AuditEventRow } from './audit-event.entity';

const auditQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    /** The id of the last event of the previous page (events come newest first). */
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, 'expected the nextCursor of a previous page')
      .optional(),
    action: z.string().max(100).optional(),
  })
  .strict();
type AuditQuery = z.infer<typeof auditQuerySchema>;

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Access('admin')
  @ApiOperation({
    summary:
      'The audit log, newest first: overrides, settings, connections, accounts and role changes, with who and when',
  })
  @ApiOkResponse({ schema: openApiSchema(auditListSchema) })
  async list(
    @Query(new ZodValidationPipe(auditQuerySchema)) query: AuditQuery,
  ): Promise<AuditList> {
    const builder = this.dataSource.manager
      .createQueryBuilder(AuditEventRow, 'event')
      .orderBy('event.id', 'DESC')
      .limit(query.limit + 1);
    if (query.cursor !== undefined)
      builder.andWhere('event.id < :cursor', { cursor: query.cursor });
    if (query.action !== undefined)
      builder.andWhere('event.action = :action', { action: query.action });
    const rows = await builder.getMany();
    const page = rows.slice(0, query.limit);
    return {
      events: page.map((row) => ({
        id: row.id,
        at: row.at.toISOString(),
        actor: row.actor,
        action: row.action,
        target: row.target,
        details: row.details,
      })),
      nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
    };
  }
}
