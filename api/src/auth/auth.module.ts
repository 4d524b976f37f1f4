import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditController } from '../audit/audit.controller';
import { AccessGuard } from './access.guard';
import { ApiTokensController } from './api-tokens.controller';
import { AuthController } from './auth.controller';
import { signInThrottles } from './sign-in.throttles';
import { OidcController } from './oidc/oidc.controller';
import { UsersController } from './users.controller';

/** Sign-in, accounts, API tokens, the audit log, and the guard every route passes through. */
@Module({
  imports: [ThrottlerModule.forRoot({ throttlers: signInThrottles })],
  controllers: [
    AuthController,
    OidcController,
    ApiTokensController,
    UsersController,
    AuditController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class AuthModule {}
