import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  apiTokenCreatedSchema,
  apiTokenCreateSchema,
  apiTokenListSchema,
  type ApiTokenCreate,
  type ApiTokenCreated,
  type ApiTokenList,
  type ApiTokenSummary,
} from '@rework-radar/shared';
import { IsNull, type DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { Access } from './access';
import { createApiToken } from './accounts.store';
import { ApiToken } from './auth.entities';
import { CurrentPrincipal } from './current-principal';
import type { Principal } from './principal';

function toSummary(row: ApiToken): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** API tokens act as the account that made them, with its role and teams. */
@ApiTags('auth')
@Controller('auth/tokens')
@Access('signed-in')
export class ApiTokensController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Your API tokens (never their secrets), newest first' })
  @ApiOkResponse({ schema: openApiSchema(apiTokenListSchema) })
  async list(@CurrentPrincipal() principal: Principal): Promise<ApiTokenList> {
    const rows = await this.dataSource.manager.find(ApiToken, {
      where: { userId: principal.userId },
      order: { createdAt: 'DESC' },
    });
    return { tokens: rows.map(toSummary) };
  }

  @Post()
  @ApiOperation({
    summary: 'Creates an API token for automation; the answer is the only time its secret is shown',
  })
  @ApiCreatedResponse({ schema: openApiSchema(apiTokenCreatedSchema) })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(apiTokenCreateSchema)) body: ApiTokenCreate,
  ): Promise<ApiTokenCreated> {
    return this.dataSource.transaction(async (manager) => {
      const { row, token } = await createApiToken(manager, principal.userId, body.name);
      await recordAudit(manager, {
        actor: principal,
        action: 'api-token.created',
        target: principal.email,
        details: { tokenId: row.id, name: row.name, prefix: row.prefix },
      });
      return { ...toSummary(row), token };
    });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes one of your API tokens; it stops working at once' })
  @ApiNoContentResponse()
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.update(
        ApiToken,
        { id, userId: principal.userId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      if (result.affected === 0) {
        throw new NotFoundException({ message: 'no live token of yours has that id' });
      }
      await recordAudit(manager, {
        actor: principal,
        action: 'api-token.revoked',
        target: principal.email,
        details: { tokenId: id },
      });
    });
  }
}
