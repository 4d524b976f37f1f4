import {
  Body,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  userCreateSchema,
  userListSchema,
  userSummarySchema,
  userUpdateSchema,
  type UserCreate,
  type UserList,
  type UserSummary,
  type UserUpdate,
} from '@rework-radar/shared';
import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { Access } from './access';
import { createAccount, endSessionsOf, findAccountByEmail, toUserSummary } from './accounts.store';
import { UserAccount } from './auth.entities';
import { CurrentPrincipal } from './current-principal';
import { hashPassword } from './password';
import type { Principal } from './principal';

/** Accounts and their roles; admins only. Every change is audited, and signs the account out. */
@ApiTags('users')
@Controller('users')
@Access('admin')
export class UsersController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'Every account with its role, teams and how it signs in' })
  @ApiOkResponse({ schema: openApiSchema(userListSchema) })
  async list(): Promise<UserList> {
    const rows = await this.dataSource.manager.find(UserAccount, { order: { email: 'ASC' } });
    return { users: rows.map(toUserSummary) };
  }

  @Post()
  @ApiOperation({
    summary:
      'Creates an account (with a password, or for OpenID Connect sign-in when none is given)',
  })
  @ApiCreatedResponse({ schema: openApiSchema(userSummarySchema) })
  @ApiConflictResponse({ description: 'An account with that e-mail exists' })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodValidationPipe(userCreateSchema)) body: UserCreate,
  ): Promise<UserSummary> {
    return this.dataSource.transaction(async (manager) => {
      if ((await findAccountByEmail(manager, body.email)) !== null) {
        throw new ConflictException({ message: `an account for ${body.email} exists` });
      }
      const account = await createAccount(manager, {
        ...body,
        passwordHash: body.password === undefined ? null : await hashPassword(body.password),
      });
      await recordAudit(manager, {
        actor: principal,
        action: 'user.created',
        target: account.email,
        details: { role: account.role, teamSlugs: account.teamSlugs },
      });
      return toUserSummary(account);
    });
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Changes an account: name, role, teams, password, or disables it (which signs it out)',
  })
  @ApiOkResponse({ schema: openApiSchema(userSummarySchema) })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodValidationPipe(userUpdateSchema)) body: UserUpdate,
  ): Promise<UserSummary> {
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.findOne(UserAccount, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (account === null) throw new NotFoundException({ message: 'no account has that id' });
      if (
        account.id === principal.userId &&
        ((body.role !== undefined && body.role !== 'admin') || body.disabled === true)
      ) {
        throw new ConflictException({
          message: 'an admin cannot demote or disable their own account',
        });
      }
      const before = {
        role: account.role,
        teamSlugs: account.teamSlugs,
        disabled: account.disabledAt !== null,
      };
      if (body.displayName !== undefined) account.displayName = body.displayName;
      if (body.role !== undefined) account.role = body.role;
      if (body.teamSlugs !== undefined) account.teamSlugs = body.teamSlugs;
      if (account.role !== 'manager') account.teamSlugs = [];
      if (body.password !== undefined) account.passwordHash = await hashPassword(body.password);
      if (body.disabled !== undefined)
        account.disabledAt = body.disabled ? (account.disabledAt ?? new Date()) : null;
      await manager.save(account);
      const after = {
        role: account.role,
        teamSlugs: account.teamSlugs,
        disabled: account.disabledAt !== null,
      };
      if (JSON.stringify(before) !== JSON.stringify(after) || body.password !== undefined) {
        await endSessionsOf(manager, account.id);
      }
      await recordAudit(manager, {
        actor: principal,
        action: before.role === after.role ? 'user.updated' : 'user.role-changed',
        target: account.email,
        details: { before, after, passwordChanged: body.password !== undefined },
      });
      return toUserSummary(account);
    });
  }
}
