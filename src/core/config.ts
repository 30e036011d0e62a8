/**
 * Validates a site's config (JSON from outside) and fills in the defaults. Table-driven to stay
 * small: the whole core has a 4 KB brotli budget.
 */
import { NAME } from './consent.js';
import { MAX_COOKIE_LENGTH } from './cookie-codec.js';
import { GOOGLE_CONSENT_TYPES, resolveConfig } from './defaults.js';
import type { PrivacyKitConfig, ResolvedConfig, Result, ValidationError } from './types.js';

type Errors = ValidationError[];
type Check = (value: unknown, path: string, errors: Errors) => void;
/** A check, or an object spec whose keys starting with `!` are required. */
type Spec = Check | { readonly [key: string]: Spec };

const own = Object.hasOwn;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, key: string) => (path ? path + '.' : '') + key;
const fail = (errors: Errors, path: string, message: string) =>
  void errors.push({ path: path || 'config', message });

const is =
  (test: (v: unknown) => boolean, expected: string): Check =>
  (v, path, errors) =>
    test(v) || fail(errors, path, 'expected ' + expected);

const isString = (v: unknown): v is string => typeof v === 'string';
const string = is((v) => isString(v) && v !== '', 'a non-empty string');
const text = is((v) => isString(v) || (isObject(v) && Object.values(v).every(isString)), 'text');
const bool = is((v) => typeof v === 'boolean', 'a boolean');
const number = is((v) => typeof v === 'number' && v >= 0 && v < 1e9, 'a number ≥ 0');
// A cookie of 0 days is deleted as it is written (js-cookie's expires), and a decision 0 days old
// is already too old: every page would ask again. Both must be longer than that.
const days = is((v) => typeof v === 'number' && v > 0 && v < 1e9, 'a number > 0');
const oneOf = (...options: string[]) =>
  is((v) => options.includes(v as string), 'one of ' + options.join(', '));

const list =
  (item: Check): Check =>
  (v, path, errors) =>
    Array.isArray(v)
      ? v.forEach((x, i) => item(x, join(path, '' + i), errors))
      : fail(errors, path, 'expected a list');

/** An object of free keys; `names` restricts keys to category/service names. */
const record =
  (item: Spec, names?: boolean): Check =>
  (v, path, errors) => {
    if (!isObject(v)) return fail(errors, path, 'expected an object');
    for (const [key, x] of Object.entries(v)) {
      if (names && !NAME.test(key)) fail(errors, path, 'invalid name ' + JSON.stringify(key.slice(0, 40)));
      else check(item, x, join(path, key), errors);
    }
  };

function check(spec: Spec, v: unknown, path: string, errors: Errors): void {
  if (typeof spec === 'function') return spec(v, path, errors);
  if (!isObject(v)) return fail(errors, path, 'expected an object');
  for (const [key, sub] of Object.entries(spec)) {
    const name = key.replace('!', '');
    if (v[name] !== undefined && own(v, name)) check(sub, v[name], join(path, name), errors);
    else if (key !== name) fail(errors, join(path, name), 'required');
  }
  for (const key of Object.keys(v)) {
    if (!own(spec, key) && !own(spec, '!' + key)) fail(errors, join(path, key.slice(0, 40)), 'unknown key');
  }
}

const CONFIG: Spec = {
  // A lone surrogate passes `.` but cannot be URI-encoded into the cookie: every decision would throw.
  '!revision': is((v) => isString(v) && /^.{1,64}$/.test(v) && !/\p{Cs}/u.test(v), '1 to 64 characters'),
  language: string,
  '!categories': record({ label: text, description: text, sale: bool }, true),
  services: record(
    {
      '!category': string,
      label: text,
      description: text,
      provider: string,
      privacyPolicyUrl: string,
      cookies: list((v, path, errors) =>
        check(isString(v) ? string : { '!name': string, lifetime: text, description: text }, v, path, errors),
      ),
      cookiePaths: list(string),
      google: { measurementId: string, containerId: string },
      adobe: { mode: oneOf('websdk', 'appmeasurement'), instance: string },
      load: bool,
    },
    true,
  ),
  cookie: {
    name: is((v) => isString(v) && /^[\w.-]{1,64}$/.test(v), 'a cookie name'),
    domain: string,
    maxAgeDays: days,
    sameSite: oneOf('Lax', 'Strict', 'None'),
  },
  reconsentAfterDays: days,
  sync: { '!endpoint': string },
  gpc: bool,
  google: {
    mode: oneOf('basic', 'advanced'),
    consentMap: record(list(oneOf(...GOOGLE_CONSENT_TYPES, 'security_storage'))),
    waitForUpdate: number,
  },
  privacyPolicyUrl: string,
  statement: { '!src': string, bindRevision: bool },
  newsletter: { '!endpoint': string },
  translations: record(record(is(isString, 'a string'))),
  analyticsExemption: bool,
};

/**
 * Checks a config from outside and returns it with every default filled in, or the problems
 * found (path and expectation). Never throws. In two rounds: every structural problem (a wrong
 * type, an unknown key, a missing required one); only when there is none, the cross-references
 * (each service's category exists, no service is named like a category). So a config with both
 * kinds reports the structural ones first, and the others once those are fixed.
 */
export function validateConfig(input: unknown): Result<ResolvedConfig> {
  const errors: Errors = [];
  check(CONFIG, input, '', errors);
  if (errors.length) return { ok: false, errors };
  const c = input as PrivacyKitConfig;
  const categories = { necessary: {}, ...c.categories };
  for (const [name, { category }] of Object.entries(c.services ?? {})) {
    if (!own(categories, category))
      fail(errors, `services.${name}.category`, `unknown category "${category}"`);
    if (own(categories, name)) fail(errors, 'services.' + name, 'name used by a category');
  }
  // Every name goes into the consent cookie, and a value over its limit is refused when read back:
  // every page would ask again. The longest value a decision can take: 80 characters of id, times,
  // method, separators and checksum, the revision, and each list of `name:1` joined by `.`.
  const flags = (names: object) =>
    Object.keys(names)
      .map((n) => n + ':1')
      .join('.').length;
  const longest = 80 + encodeURIComponent(c.revision).length + flags(categories) + flags(c.services ?? {});
  if (longest > MAX_COOKIE_LENGTH)
    fail(
      errors,
      'services',
      `too many or too long names: a consent cookie of ${longest} characters, over ${MAX_COOKIE_LENGTH}`,
    );
  return errors.length ? { ok: false, errors } : { ok: true, value: resolveConfig(c) };
}

/** All problems on one readable line: `services.youtube.category: unknown category "video"; …`. */
export function formatErrors(errors: readonly ValidationError[]): string {
  return errors.map((e) => e.path + ': ' + e.message).join('; ');
}

/** Thrown by `createConsent()` for an invalid config; `errors` are `validateConfig()`'s. */
export class ConfigError extends Error {
  /** The problems found, with their paths (see `validateConfig()`: structural ones first). */
  readonly errors: readonly ValidationError[];

  constructor(errors: readonly ValidationError[]) {
    super('privacy-kit: invalid config: ' + formatErrors(errors));
    this.name = 'ConfigError';
    this.errors = errors;
  }
}
