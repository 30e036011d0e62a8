// Link tokens of the newsletter: 32 random bytes, base64url in the link, only a SHA-256 hash in
// the database, so a leaked database copy holds no working confirmation or unsubscribe link.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { TokenRecord } from '../storage/types.js';

/** How long a confirmation link works (it also works only once). */
export const CONFIRM_TOKEN_HOURS = 48;
/**
 * How long a manage link (the unsubscribe link in a mail, the token the page keeps) works. A
 * year covers the monthly issues a subscriber reads meanwhile; after it, subscribing again with
 * the same address mails a fresh link, without changing the stored choices.
 */
export const MANAGE_TOKEN_DAYS = 365;
/** Expired tokens are kept this long, so an old link says "expired" (410), then deleted. */
export const EXPIRED_TOKEN_KEEP_DAYS = 30;

/** The time before which expired tokens are deleted (each token write purges them first). */
export function purgeBefore(now: Date): string {
  return new Date(now.getTime() - EXPIRED_TOKEN_KEEP_DAYS * 86_400_000).toISOString();
}

/** A fresh token and the hash under which it is stored. */
export interface IssuedToken {
  readonly token: string;
  readonly hash: string;
}

/** The stored form of a token (hex SHA-256). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Issues a new random token. */
export function issueToken(): IssuedToken {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/**
 * Compares two secrets in constant time. Both sides are hashed first so their lengths match
 * and the comparison leaks neither content nor length.
 */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** A new token for a link, and its stored record. */
export interface LinkToken {
  readonly token: string;
  readonly record: TokenRecord;
}

function linkToken(
  subscriberId: string,
  kind: TokenRecord['kind'],
  created: Date,
  lifetimeMs: number,
): LinkToken {
  const { token, hash } = issueToken();
  const expiresAt = new Date(created.getTime() + lifetimeMs).toISOString();
  return { token, record: { hash, subscriberId, kind, createdAt: created.toISOString(), expiresAt } };
}

/** A confirmation link's token, valid CONFIRM_TOKEN_HOURS from `created`. */
export function issueConfirmToken(subscriberId: string, created: Date): LinkToken {
  return linkToken(subscriberId, 'confirm', created, CONFIRM_TOKEN_HOURS * 3_600_000);
}

/** A manage link's token, valid MANAGE_TOKEN_DAYS from `created`. */
export function issueManageToken(subscriberId: string, created: Date): LinkToken {
  return linkToken(subscriberId, 'manage', created, MANAGE_TOKEN_DAYS * 86_400_000);
}
