/** Writes the consent cookie's value in the format `cookie-codec.ts` documents and reads. */
import { SCHEMA } from './consent.js';
import { checksum } from './cookie-codec.js';
import type { ConsentState } from './types.js';

const pairs = (flags: Readonly<Record<string, boolean>>) =>
  Object.entries(flags)
    .map(([name, on]) => name + ':' + (on ? 1 : 0))
    .join('.');

/** The cookie value of a state. */
export function encodeConsent(state: ConsentState): string {
  const body = [
    'v' + SCHEMA,
    state.id,
    encodeURIComponent(state.revision),
    state.decidedAt.toString(36),
    state.updatedAt.toString(36),
    state.method,
    pairs(state.categories),
    pairs(state.services),
  ].join('|');
  return body + '|' + checksum(body);
}
