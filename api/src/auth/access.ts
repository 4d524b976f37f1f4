import { SetMetadata } from '@nestjs/common';

/**
 * Who may call a route. Every controller method declares one; the global access guard refuses
 * routes that do not (fail closed), and a spec walks the OpenAPI document to prove it.
 *
 * - `public`: no sign-in (health, sign-in itself, webhooks that carry their own signature).
 * - `signed-in`: any account (its own profile, sign-out).
 * - `read`: the organisation's figures. Admins, VPs and directors see every team; engineering
 *   managers only their own teams, so they must name one with `team=`.
 * - `override`: setting a rework cause. Admins everywhere, managers for their teams' items.
 * - `admin`: settings, connections, users, teams, re-fits and syncs.
 */
export type AccessPolicy = 'public' | 'signed-in' | 'read' | 'override' | 'admin';

export const ACCESS_POLICY = 'rework-radar:access-policy';

/** Declares the access policy of a controller method (or of every method of a controller). */
export const Access = (policy: AccessPolicy): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_POLICY, policy);
