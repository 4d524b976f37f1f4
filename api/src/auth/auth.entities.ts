import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '@rework-radar/shared';

/** A person who can sign in: by password (argon2id hash), by OpenID Connect, or both. */
@Entity({ name: 'user_account' })
@Index('user_account_email_key', ['email'], { unique: true })
export class UserAccount {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Stored lower-case, so sign-in is case-insensitive. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  /** The teams an engineering manager reads and overrides for; empty for the other roles. */
  @Column({ name: 'team_slugs', type: 'text', array: true, default: () => "'{}'" })
  teamSlugs: string[];

  /** Null for accounts that only sign in through OpenID Connect. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** `issuer|sub` of the OpenID Connect identity linked to this account. */
  @Index('user_account_oidc_subject_key', { unique: true })
  @Column({ name: 'oidc_subject', type: 'text', nullable: true })
  oidcSubject: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** A disabled account keeps its history (audit, overrides) but cannot sign in. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}

/** A signed-in browser. Only the SHA-256 of the cookie value is stored. */
@Entity({ name: 'auth_session' })
@Index('auth_session_user_idx', ['userId'])
export class AuthSession {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}

/** A token for automation (`Authorization: Bearer …`): shown once, stored as its SHA-256. */
@Entity({ name: 'api_token' })
@Index('api_token_user_idx', ['userId'])
export class ApiToken {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  name: string;

  @Index('api_token_hash_key', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  /** The first characters, so a person can tell their tokens apart without the secret. */
  @Column({ type: 'text' })
  prefix: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

export const authEntities = [UserAccount, AuthSession, ApiToken];
