import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  authProvidersSchema,
  currentUserSchema,
  loginRequestSchema,
  type AuthProviders,
  type CurrentUser,
  type LoginRequest,
} from '@rework-radar/shared';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../app.tokens';
import type { AppConfig } from '../config/app-config';
import { openApiSchema } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { Access } from './access';
import { endSession, findAccountByEmail, startSession, toPrincipal } from './accounts.store';
import { CurrentPrincipal } from './current-principal';
import { verifyPassword } from './password';
import { toCurrentUser, type Principal } from './principal';
import { sessionCookieName, sessionCookieOf, sessionCookieOptions } from './session-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Signs in with e-mail and password and sets the session cookie (rr_session)',
  })
  @ApiOkResponse({ schema: openApiSchema(currentUserSchema) })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or a disabled account' })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts; retry after the Retry-After seconds',
  })
  async login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CurrentUser> {
    const manager = this.dataSource.manager;
    const account = await findAccountByEmail(manager, body.email);
    const passwordMatches = await verifyPassword(account?.passwordHash ?? null, body.password);
    if (account === null || !passwordMatches || account.disabledAt !== null) {
      // One answer for every failure, so it does not reveal which e-mails have accounts.
      throw new UnauthorizedException({
        code: 'invalid_credentials',
        message: 'the e-mail or the password is wrong',
      });
    }
    const session = await startSession(manager, account.id, this.config.sessionHours);
    response.cookie(
      sessionCookieName,
      session.cookieValue,
      sessionCookieOptions(request, session.expiresAt),
    );
    return toCurrentUser(toPrincipal(account, 'session'));
  }

  @Post('logout')
  @HttpCode(204)
  @Access('public')
  @ApiOperation({ summary: 'Ends the session of this browser and clears its cookie' })
  @ApiNoContentResponse()
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const cookie = sessionCookieOf(request);
    if (cookie !== undefined) await endSession(this.dataSource.manager, cookie);
    response.clearCookie(sessionCookieName, { path: '/' });
  }

  @Get('me')
  @Access('signed-in')
  @ApiOperation({ summary: 'The signed-in account: e-mail, name, role and teams' })
  @ApiOkResponse({ schema: openApiSchema(currentUserSchema) })
  me(@CurrentPrincipal() principal: Principal): CurrentUser {
    return toCurrentUser(principal);
  }

  @Get('providers')
  @Access('public')
  @ApiOperation({
    summary: 'How one can sign in here: password, and OpenID Connect when configured',
  })
  @ApiOkResponse({ schema: openApiSchema(authProvidersSchema) })
  providers(): AuthProviders {
    return {
      password: true,
      oidc:
        this.config.oidc === undefined
          ? null
          : { startUrl: '/api/auth/oidc/start', issuer: this.config.oidc.issuer },
    };
  }
}
