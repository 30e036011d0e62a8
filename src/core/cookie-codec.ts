/**
 * The consent cookie's value: versioned, names not bit positions (a server reads it without the
 * config), cookie-safe characters only, and a checksum so a hand-edited value is refused.
 *
 * `v1|<id>|<revision>|<decidedAt>|<updatedAt>|<method>|<categories>|<services>|<checksum>`
 * - revision: `encodeURIComponent`; times: ms since epoch in base 36
 * - categories/services: `name:1.name:0` (1 granted, 0 refused)
 * - checksum: FNV-1a 32-bit of everything before the last `|`, unsigned, base 36
 * The format is documented in the README ("The consent cookie"). Writing it is `cookie-encode.ts`:
 * the script-tag loader reads the cookie on every page, and writes only when a decision is made.
 */
import { frozen, NAME, SCHEMA } from './consent.js';
import type { ConsentMethod, ConsentState, Result } from './types.js';

/** Longest value accepted: well under the 4 KB a browser keeps per cookie. */
export const MAX_COOKIE_LENGTH = 3072;

/** The decision methods a cookie (and a receipt) can name. */
export const METHODS: readonly ConsentMethod[] = ['banner', 'preferences', 'api', 'gpc', 'gate'];

/** FNV-1a, 32-bit: a typo detector, not a signature. */
export function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x1000193);
  return (hash >>> 0).toString(36);
}

function flags(text: string): Record<string, boolean> | undefined {
  const out: Record<string, boolean> = {};
  for (const pair of text ? text.split('.') : []) {
    const [name = '', on, extra] = pair.split(':');
    if (!NAME.test(name) || (on !== '0' && on !== '1') || extra !== undefined) return undefined;
    out[name] = on === '1';
  }
  return out;
}

// At most 10 digits: 11 could name a time past the year 275760, where a Date throws.
const time = (text: string) => (/^[0-9a-z]{1,10}$/.test(text) ? parseInt(text, 36) : NaN);

/**
 * Parses a cookie value. Anything malformed, truncated, oversized, from another schema or edited
 * by hand gives an error result (the visitor is asked again); it never throws.
 */
export function decodeConsent(raw: unknown): Result<ConsentState> {
  const error = (message: string): Result<ConsentState> => ({
    ok: false,
    errors: [{ path: 'cookie', message }],
  });
  if (typeof raw !== 'string' || raw.length > MAX_COOKIE_LENGTH) return error('not a string of at most 3 KB');
  const fields = raw.split('|');
  if (fields[0] !== 'v' + SCHEMA) return error('unsupported version');
  const [
    ,
    id = '',
    revision = '',
    decidedAt = '',
    updatedAt = '',
    method = '',
    categories = '',
    services = '',
    sum,
  ] = fields;
  if (fields.length !== 9 || sum !== checksum(fields.slice(0, 8).join('|')))
    return error('damaged or edited');
  let rev = '';
  try {
    rev = decodeURIComponent(revision);
  } catch {
    // A broken escape: left empty, refused below.
  }
  const state = {
    schema: SCHEMA,
    id,
    revision: rev,
    decidedAt: time(decidedAt),
    updatedAt: time(updatedAt),
    categories: flags(categories),
    services: flags(services),
    method: method as ConsentMethod,
  };
  if (
    !/^[\w-]{1,64}$/.test(id) ||
    !rev ||
    !METHODS.includes(state.method) ||
    !state.categories ||
    !state.services ||
    !(state.decidedAt <= state.updatedAt)
  ) {
    return error('invalid field');
  }
  // `necessary` cannot be refused, whatever a value says.
  state.categories.necessary = true;
  return { ok: true, value: frozen(state as ConsentState) };
}
