import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ACCESS_POLICY, type AccessPolicy } from './access';
import { principalForApiToken, principalForSession } from './accounts.store';
import { isCrossOriginWrite } from './cross-origin';
import type { AuthenticatedRequest, Principal } from './principal';
import { sessionCookieOf } from './session-cookie';
import { managerScope, RESOURCE_TEAMS, type ResourceTeams } from './team-scope';

const readers = new Set(['admin', 'vp', 'director']);

/**
 * Every API route passes here: it finds who is calling (bearer token, else session cookie),
 * refuses browser writes from other origins, and applies the route's declared access policy.
 * A route without a policy is refused, so a forgotten declaration fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const handler = context.getHandler();
    const controller = context.getClass();
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      handler,
      controller,
    ]);
    if (policy === undefined) {
      throw new ForbiddenException({
        code: 'access_not_declared',
        message: 'this route declares no access policy, so nobody may call it',
      });
    }

    const bearer = this.bearerToken(request);
    if (
      bearer === undefined &&
      isCrossOriginWrite({
        method: request.method,
        host: request.headers.host,
        secFetchSite: request.header('sec-fetch-site'),
        origin: request.header('origin'),
      })
    ) {
      throw new ForbiddenException({
        code: 'cross_origin_write',
        message: 'a page on another origin may not change anything here',
      });
    }
    if (policy === 'public') return true;

    const principal = await this.authenticate(request, bearer);
    if (principal === null) {
      throw new UnauthorizedException({
        code: 'sign_in_required',
        message: 'sign in (POST /api/auth/login) or send Authorization: Bearer <api token>',
      });
    }
    request.principal = principal;
    await this.authorise(policy, principal, request, handler);
    return true;
  }

  private bearerToken(request: AuthenticatedRequest): string | undefined {
    const header = request.header('authorization');
    if (header === undefined) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    return match?.[1] ?? '';
  }

  private authenticate(
    request: AuthenticatedRequest,
    bearer: string | undefined,
  ): Promise<Principal | null> {
    const manager = this.dataSource.manager;
    // A bad bearer token never falls back to the cookie: automation should fail loudly.
    if (bearer !== undefined) {
      return bearer === '' ? Promise.resolve(null) : principalForApiToken(manager, bearer);
    }
    const cookie = sessionCookieOf(request);
    return cookie === undefined ? Promise.resolve(null) : principalForSession(manager, cookie);
  }

  private async authorise(
    policy: Exclude<AccessPolicy, 'public'>,
    principal: Principal,
    request: AuthenticatedRequest,
    handler: ReturnType<ExecutionContext['getHandler']>,
  ): Promise<void> {
    if (policy === 'signed-in' || principal.role === 'admin') return;
    if (policy === 'admin') {
      throw new ForbiddenException({ code: 'forbidden', message: 'only admins may do this' });
    }
    if (policy === 'read' && readers.has(principal.role)) return;
    if (principal.role !== 'manager') {
      throw new ForbiddenException({
        code: 'forbidden',
        message: 'only admins and engineering managers may set a rework cause',
      });
    }
    const decision = await managerScope(
      this.dataSource.manager,
      principal.teamSlugs,
      {
        query: request.query,
        params: request.params as Record<string, string>,
      },
      this.reflector.get<ResourceTeams | undefined>(RESOURCE_TEAMS, handler),
    );
    if (!decision.allowed) {
      throw new ForbiddenException({ code: 'outside_your_teams', message: decision.reason });
    }
  }
}
