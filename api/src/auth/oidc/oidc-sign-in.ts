import * as oidc from 'openid-client';
import type { OidcSettings } from '../../config/app-config';

/** What the browser carries between leaving for the provider and coming back (an http-only cookie). */
export interface PendingOidcSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where in the app to land afterwards. */
  next: string;
}

export interface OidcIdentity {
  /** `issuer|sub`: stable across e-mail changes. */
  subject: string;
  email: string | undefined;
  emailVerified: boolean;
  name: string | undefined;
}

/**
 * OpenID Connect sign-in with the authorisation code flow, PKCE (S256), state and nonce, through
 * openid-client. The provider's metadata is discovered once per process.
 */
export class OidcSignIn {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  private discover(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        undefined,
        // Plain http only when the operator configured an http issuer (a provider on the same host or in tests).
        this.settings.issuer.startsWith('http://')
          ? // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked only as a warning sign; wanted here
            { execute: [oidc.allowInsecureRequests] }
          : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  async start(next: string): Promise<{ redirectTo: URL; pending: PendingOidcSignIn }> {
    const configuration = await this.discover();
    const pending: PendingOidcSignIn = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      next,
    };
    const redirectTo = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { redirectTo, pending };
  }

  /** Exchanges the code the provider sent back; throws when state, nonce or the code do not check out. */
  async finish(callbackQuery: URLSearchParams, pending: PendingOidcSignIn): Promise<OidcIdentity> {
    const configuration = await this.discover();
    const callbackUrl = new URL(this.settings.redirectUri);
    callbackUrl.search = callbackQuery.toString();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    const claims = tokens.claims();
    if (claims === undefined) throw new Error('the provider answered without an ID token');
    // Conformant providers may keep e-mail and name out of the ID token: ask the userinfo endpoint.
    const profile =
      typeof claims.email === 'string'
        ? claims
        : await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    return {
      subject: `${claims.iss}|${claims.sub}`,
      email: typeof profile.email === 'string' ? profile.email : undefined,
      emailVerified: profile.email_verified !== false,
      name: typeof profile.name === 'string' ? profile.name : undefined,
    };
  }
}
