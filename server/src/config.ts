// Server configuration from environment variables, validated once at start. Every bad value gets
// its own message naming the variable, so an operator fixes them all in one go.
import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** The validated configuration of the reference server. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Base URL used in mail links, without a trailing slash; undefined: where the server listens. */
  readonly publicUrl: string | undefined;
  /** Origins allowed to call the API from another site (CORS). Empty: same-origin only. */
  readonly corsOrigins: readonly string[];
  /** Bearer token of the export endpoints; undefined disables the exports (always 401). */
  readonly exportToken: string | undefined;
  /** SMTP connection URL; undefined writes mails as `.eml` files to `outboxDir`. */
  readonly smtpUrl: string | undefined;
  readonly outboxDir: string;
  readonly mailFrom: string;
  /** Requests per minute per client IP on the API endpoints (counted in this process). */
  readonly rateLimitMax: number;
  /** Subscribe and resend requests (each may send a mail) per hour and client IP. */
  readonly mailRateLimitPerHour: number;
  /** Least seconds between two confirmation mails to one address (counted in the database). */
  readonly mailMinIntervalSeconds: number;
  /** Most confirmation mails to one address per UTC day (counted in the database). */
  readonly mailMaxPerDay: number;
  /**
   * The proxies whose `X-Forwarded-For` is believed (addresses, CIDRs, or `loopback`, `linklocal`,
   * `uniquelocal`); false believes none. Never "every peer": then any client could pick its own IP.
   */
  readonly trustProxy: false | readonly string[];
  readonly databaseUrl: string | undefined;
  /** Most PostgreSQL connections this instance opens. */
  readonly databasePoolMax: number;
  readonly logLevel: string;
}

/** `{ ok: true, value }` or one message per bad variable. */
export type ConfigResult = { ok: true; value: ServerConfig } | { ok: false; errors: string[] };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(name: string, raw: string, min: number, max: number, errors: string[]): number {
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    errors.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return min;
  }
  return Number(raw);
}

function origin(name: string, raw: string, errors: string[]): string {
  try {
    const url = new URL(raw);
    if (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      (url.pathname === '/' || url.pathname === '')
    ) {
      return url.origin;
    }
  } catch {
    // reported below
  }
  errors.push(
    `${name} must be origins like https://www.example.org (scheme and host, no path); "${raw}" is not`,
  );
  return '';
}

/** Names that Fastify (proxy-addr) expands to the private, loopback and link-local ranges. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An IPv4/IPv6 address, optionally with a CIDR prefix (`10.0.0.0/8`, `fd00::/8`). */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: `false`, or the proxies in front of the server. `true` is refused: it would believe
 * an X-Forwarded-For header from anyone, so any client could choose its own IP (rate limit gone).
 */
function trustedProxies(raw: string, errors: string[]): false | string[] {
  if (raw === 'false') return false;
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.filter((entry) => !PROXY_RANGE_NAMES.includes(entry) && !isAddressOrCidr(entry));
  if (raw === 'true') {
    errors.push(
      'TRUST_PROXY must not be true: that believes X-Forwarded-For from any client; list your proxies instead, e.g. 10.0.0.5, 10.0.0.0/8 or loopback',
    );
  } else if (entries.length === 0 || bad.length > 0) {
    errors.push(
      `TRUST_PROXY must be false or a comma list of proxy addresses/CIDRs (10.0.0.5, 10.0.0.0/8, fd00::/8) or loopback, linklocal, uniquelocal (got "${bad.join(', ') || raw}")`,
    );
  }
  return entries;
}

/** Reads and validates the configuration from `env` (defaults: see the README, "The demo site and the reference server"). */
export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const errors: string[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };

  const port = integer('PORT', value('PORT') ?? '8080', 0, 65535, errors);
  const host = value('HOST') ?? '127.0.0.1';
  const dataDir = resolve(value('DATA_DIR') ?? '.data');

  let publicUrl: string | undefined;
  const rawPublicUrl = value('PUBLIC_URL');
  if (rawPublicUrl !== undefined) {
    try {
      const url = new URL(rawPublicUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
      publicUrl = url.href.replace(/\/+$/, '');
    } catch {
      errors.push(`PUBLIC_URL must be an http(s) URL like https://www.example.org (got "${rawPublicUrl}")`);
    }
  }

  const corsOrigins = (value('CORS_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => origin('CORS_ORIGINS', o, errors));

  const exportToken = value('PRIVACY_KIT_EXPORT_TOKEN');
  if (exportToken !== undefined && exportToken.length < 16) {
    errors.push(
      'PRIVACY_KIT_EXPORT_TOKEN must be at least 16 characters (use e.g. `openssl rand -base64 32`)',
    );
  }

  const smtpUrl = value('SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/.test(smtpUrl)) {
    errors.push('SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465');
  } else if (smtpUrl !== undefined && rawPublicUrl === undefined) {
    // Real mail to real people: links to where this process listens (http://localhost:8080
    // behind a proxy or in a container) would confirm and unsubscribe nobody.
    errors.push(
      'PUBLIC_URL must be set when SMTP_URL is: mail links would point to where this process listens (e.g. http://localhost:8080), not to the site',
    );
  }

  const rateLimitMax = integer('RATE_LIMIT_MAX', value('RATE_LIMIT_MAX') ?? '300', 1, 1_000_000, errors);
  // The element enables "send again" after 60 s (its resend-delay): keep them in step.
  const mailMinIntervalSeconds = integer(
    'MAIL_MIN_INTERVAL_SECONDS',
    value('MAIL_MIN_INTERVAL_SECONDS') ?? '60',
    0,
    86_400,
    errors,
  );
  const mailMaxPerDay = integer('MAIL_MAX_PER_DAY', value('MAIL_MAX_PER_DAY') ?? '5', 1, 1000, errors);
  // The mail limit above counts per address; `jan+1@…`, `jan+2@…` are other addresses in the same
  // inbox. This caps the confirmation mails one client can have sent, to anyone, per hour.
  const mailRateLimitPerHour = integer(
    'MAIL_RATE_LIMIT_PER_HOUR',
    value('MAIL_RATE_LIMIT_PER_HOUR') ?? '30',
    1,
    1_000_000,
    errors,
  );

  const trustProxy = trustedProxies(value('TRUST_PROXY') ?? 'false', errors);

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push('DATABASE_URL must be a postgres:// URL (or unset, for SQLite in DATA_DIR)');
  }

  // Per instance: keep instances × DATABASE_POOL_MAX under the server's max_connections.
  const databasePoolMax = integer('DATABASE_POOL_MAX', value('DATABASE_POOL_MAX') ?? '10', 1, 1000, errors);

  const logLevel = value('LOG_LEVEL') ?? 'warn';
  if (!LOG_LEVELS.includes(logLevel))
    errors.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);

  const mailFrom = value('MAIL_FROM') ?? 'Nieuwsbrief <nieuwsbrief@localhost>';
  if (!/@/.test(mailFrom)) errors.push(`MAIL_FROM must contain an e-mail address (got "${mailFrom}")`);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      port,
      host,
      dataDir,
      publicUrl,
      corsOrigins,
      exportToken,
      smtpUrl,
      outboxDir: resolve(value('OUTBOX_DIR') ?? resolve(dataDir, 'outbox')),
      mailFrom,
      rateLimitMax,
      mailMinIntervalSeconds,
      mailMaxPerDay,
      mailRateLimitPerHour,
      trustProxy,
      databaseUrl,
      databasePoolMax,
      logLevel,
    },
  };
}
