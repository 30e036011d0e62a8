// Link tokens of the newsletter: 32 random bytes, base64url in the link, only a SHA-256 hash in
// the database, so a leaked database copy holds no working confirmation or unsubscribe link.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

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
