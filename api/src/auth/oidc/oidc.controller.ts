import { Controller, Get, Inject, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { APP_CONFIG, APP_LOGGER } from '../../app.tokens';
import type { AppConfig, OidcSettings } from '../../config/app-config';
import { Access } from '../access';
import { startSession } from '../accounts.store';
import { sessionCookieName, sessionCookieOptions } from '../session-cookie';
import { accountForOidcIdentity, OidcAccountRefused } from './oidc-accounts';
import { OidcSignIn, type PendingOidcSignIn } from './oidc-sign-in';

const pendingCookie = 'rr_oidc';
const pendingSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  next: z.string(),
});

/** Only paths inside this app, so `next` cannot send a signed-in person elsewhere. */
const safeNext = (next: unknown): string =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/overview';

/** Single sign-on through the configured OpenID Connect provider (OIDC_ISSUER). */
@ApiTags('auth')
@Controller('auth/oidc')
@Access('public')
export class OidcController {
  private readonly signIn: OidcSignIn | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.signIn = config.oidc === undefined ? undefined : new OidcSignIn(config.oidc);
  }

  private configured(): { signIn: OidcSignIn; settings: OidcSettings } {
    if (this.signIn === undefined || this.config.oidc === undefined) {
      throw new NotFoundException({ message: 'single sign-on is not configured (OIDC_ISSUER)' });
    }
    return { signIn: this.signIn, settings: this.config.oidc };
  }

  @Get('start')
  @ApiOperation({ summary: 'Sends the browser to the identity provider (code flow with PKCE)' })
  @ApiFoundResponse({ description: 'Redirect to the provider' })
  async start(
    @Query('next') next: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { signIn } = this.configured();
    const { redirectTo, pending } = await signIn.start(safeNext(next));
    response.cookie(pendingCookie, JSON.stringify(pending), {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.secure,
      path: '/api/auth/oidc',
      maxAge: 10 * 60_000,
    });
    response.redirect(302, redirectTo.href);
  }

  @Get('callback')
  @ApiOperation({
    summary: 'Where the provider returns: checks state, nonce and PKCE, then signs in',
  })
  @ApiFoundResponse({
    description: 'Redirect into the app, or to the sign-in page with the reason',
  })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { signIn, settings } = this.configured();
    response.clearCookie(pendingCookie, { path: '/api/auth/oidc' });
    const fail = (reason: string) =>
      response.redirect(302, `/sign-in?error=${encodeURIComponent(reason)}`);
    const pending = this.pending(request);
    if (pending === undefined) {
      fail('the sign-in took too long or started elsewhere: try again');
      return;
    }
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    try {
      const identity = await signIn.finish(query, pending);
      const account = await this.dataSource.transaction((manager) =>
        accountForOidcIdentity(manager, identity, settings),
      );
      const session = await startSession(
        this.dataSource.manager,
        account.id,
        this.config.sessionHours,
      );
      response.cookie(
        sessionCookieName,
        session.cookieValue,
        sessionCookieOptions(request, session.expiresAt),
      );
      response.redirect(302, pending.next);
    } catch (error) {
      if (error instanceof OidcAccountRefused) {
        fail(error.message);
        return;
      }
      this.logger.warn({ err: error }, 'single sign-on failed');
      fail('the identity provider did not confirm the sign-in');
    }
  }

  private pending(request: Request): PendingOidcSignIn | undefined {
    const cookies = request.cookies as Record<string, unknown> | undefined;
    const raw = cookies?.[pendingCookie];
    if (typeof raw !== 'string') return undefined;
    try {
      const parsed = pendingSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}
