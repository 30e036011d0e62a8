/**
 * Typed client of the newsletter HTTP contract (the README's HTTP contract, "Newsletter").
 * No DOM rendering, no Lit. Every call resolves to a result value — bad JSON, HTML error pages,
 * timeouts and network failures included — so the UI can turn each into a state; nothing rejects.
 */

/** Subscription status as the server keeps it. */
export type NewsletterStatus = 'pending' | 'confirmed' | 'unsubscribed';

/** A subscriber's preferences as the server answers them (`email` is masked: `j***@example.org`). */
export interface NewsletterPreferences {
  readonly status: NewsletterStatus;
  readonly email: string;
  readonly measureOpens: boolean;
  readonly objectMarketing: boolean;
  readonly objectResearch: boolean;
  /** ISO 8601 time of the last change. */
  readonly updatedAt: string;
}

/** Why a newsletter call failed, in terms the UI can act on. */
export type NewsletterError =
  /** 400: the server named the fields it refused (`{ email: 'invalid' }`); may be empty. */
  | { readonly kind: 'validation'; readonly fields: Readonly<Record<string, string>> }
  /** 404: unknown token. */
  | { readonly kind: 'not-found' }
  /** 410: the token's link has expired. */
  | { readonly kind: 'expired' }
  /** 429: too many attempts; `retryAfter` in seconds when the server said so. */
  | { readonly kind: 'rate-limited'; readonly retryAfter?: number }
  /**
   * Any other answer the client cannot use: 5xx, other 4xx, or a 2xx with a body that is not the
   * contract's. A 503 (the confirmation mail could not be sent, the server is busy or restarting)
   * carries `retryAfter` in seconds when the server said so: trying again sooner only wastes the
   * visitor's attempt (a failed mail still counts against the address's mail limit).
   */
  | { readonly kind: 'server'; readonly status: number; readonly retryAfter?: number }
  /** No answer: offline, DNS, CORS, or the request timed out. */
  | { readonly kind: 'network' };

/** What every client call resolves to. */
export type NewsletterResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: NewsletterError };

/** The visitor's subscription request; `consentText` is the exact consent wording they saw. */
export interface NewsletterSubscription {
  readonly email: string;
  /** Revision of the statement/consent text shown. */
  readonly revision: string;
  readonly consentText: string;
  /** The separate, unticked-by-default choice to allow open/click measurement. */
  readonly measureOpens: boolean;
  /** Language of the mails (`nl`, `en`). */
  readonly language?: string;
}

/** A change of preferences; only the fields given change. */
export interface NewsletterPreferencesUpdate {
  /** Revision of the text shown when the visitor made this change (proof). */
  readonly revision: string;
  readonly measureOpens?: boolean;
  readonly objectMarketing?: boolean;
  readonly objectResearch?: boolean;
}

/** Answer of `subscribe` and `resend`: always pending, whether or not the address was known. */
export interface NewsletterPending {
  readonly status: 'pending';
}

/** Answer of `confirm`: the preferences and the token for later changes (manage link). */
export interface NewsletterConfirmation {
  readonly preferences: NewsletterPreferences;
  readonly manageToken: string;
}

/** Options of `createNewsletterClient`. */
export interface NewsletterClientOptions {
  /** Base URL of the newsletter API, e.g. `/api/newsletter`. */
  readonly endpoint: string;
  /** Defaults to the page's `fetch` (looked up on each call, so it can be replaced later). */
  readonly fetch?: typeof fetch;
  /** The visitor's consent id, sent with a subscription as proof of the decision context. */
  readonly consentId?: () => string | undefined;
  /** Abort a request after this many ms (default 45 000); a timeout is a `network` error. */
  readonly timeoutMs?: number;
}

/** The newsletter API, one method per request of the HTTP contract. */
export interface NewsletterClient {
  /** Starts a double opt-in: the server mails a confirmation link. */
  subscribe(request: NewsletterSubscription): Promise<NewsletterResult<NewsletterPending>>;
  /** Sends the confirmation mail again. */
  resend(email: string): Promise<NewsletterResult<NewsletterPending>>;
  /** Confirms with the token from the confirmation mail. */
  confirm(token: string): Promise<NewsletterResult<NewsletterConfirmation>>;
  /** Reads the preferences behind a manage token. */
  getPreferences(token: string): Promise<NewsletterResult<NewsletterPreferences>>;
  /** Changes measurement and objections; the revision is stored as proof. */
  updatePreferences(
    token: string,
    update: NewsletterPreferencesUpdate,
  ): Promise<NewsletterResult<NewsletterPreferences>>;
  /** Unsubscribes in one action. */
  unsubscribe(token: string, revision?: string): Promise<NewsletterResult<NewsletterPreferences>>;
}

/**
 * A subscribe request is answered only once the server has handed the confirmation mail to its
 * SMTP relay, which the reference server bounds at 10 s to connect + 10 s for the greeting + 20 s
 * of silence (server/src/mail/mailer.ts). Giving up sooner would tell the visitor "no connection"
 * while the mail may still arrive, and their retry would then be held back by the mail limit.
 */
const DEFAULT_TIMEOUT_MS = 45_000;

/**
 * A reasonable e-mail check: one local part (a dot-atom without spaces, or a quoted string),
 * `@`, and a domain of at least two labels. The server validates again; this only spares the
 * visitor a round trip for obvious typos.
 */
export function isValidEmail(value: string): boolean {
  const email = value.trim();
  if (email.length > 254) return false;
  const at = email.lastIndexOf('@');
  if (at < 1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const quoted = /^"(?:[^"\\\r\n]|\\.)+"$/.test(local);
  const atom =
    /^[^\s@"(),:;<>[\]\\]+$/.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..');
  if (!(quoted || atom) || local.length > 64) return false;
  const labels = domain.split('.');
  return (
    labels.length >= 2 &&
    labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(label)) &&
    /^[\p{L}]{2,}$|^xn--[a-z0-9-]+$/iu.test(labels[labels.length - 1] ?? '')
  );
}

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Narrows a server answer to `Preferences`; anything else is a contract breach. */
export function parsePreferences(value: unknown): NewsletterPreferences | undefined {
  if (!isRecord(value)) return undefined;
  const { status, email, measureOpens, objectMarketing, objectResearch, updatedAt } = value;
  if (status !== 'pending' && status !== 'confirmed' && status !== 'unsubscribed') return undefined;
  if (typeof email !== 'string' || typeof updatedAt !== 'string') return undefined;
  if (
    typeof measureOpens !== 'boolean' ||
    typeof objectMarketing !== 'boolean' ||
    typeof objectResearch !== 'boolean'
  ) {
    return undefined;
  }
  return { status, email, measureOpens, objectMarketing, objectResearch, updatedAt };
}

function parsePending(body: unknown): NewsletterPending | undefined {
  return isRecord(body) && body.status === 'pending' ? { status: 'pending' } : undefined;
}

function parsePreferencesAnswer(body: unknown): NewsletterPreferences | undefined {
  return isRecord(body) ? parsePreferences(body.preferences) : undefined;
}

function parseConfirmation(body: unknown): NewsletterConfirmation | undefined {
  if (!isRecord(body) || typeof body.manageToken !== 'string' || body.manageToken === '') return undefined;
  const preferences = parsePreferences(body.preferences);
  return preferences ? { preferences, manageToken: body.manageToken } : undefined;
}

function validationFields(body: unknown): Readonly<Record<string, string>> {
  const fields = isRecord(body) ? body.fields : undefined;
  if (!isRecord(fields)) return {};
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Each of the three date
 * forms starts with a day name and holds a time; the browser's lenient parser would take "1.5",
 * "abc 1.5" (2001) or "wait 3600" (the year 3600) for a date too.
 */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = /^(mon|tue|wed|thu|fri|sat|sun).*\d\d:\d\d:\d\d/i.test(trimmed) ? Date.parse(trimmed) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function errorFor(response: Response, body: unknown): NewsletterError {
  switch (response.status) {
    case 400:
      return { kind: 'validation', fields: validationFields(body) };
    case 404:
      return { kind: 'not-found' };
    case 410:
      return { kind: 'expired' };
    case 429:
    case 503: {
      const error: NewsletterError =
        response.status === 429 ? { kind: 'rate-limited' } : { kind: 'server', status: 503 };
      const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
      return retryAfter === undefined ? error : { ...error, retryAfter };
    }
    default:
      return { kind: 'server', status: response.status };
  }
}

/** Reads a body as JSON; an HTML error page or an empty body is `undefined`, never a throw. */
async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    return undefined;
  }
}

/** Creates a client for one newsletter endpoint. */
export function createNewsletterClient(options: NewsletterClientOptions): NewsletterClient {
  const base = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<T>(
    method: 'POST' | 'PUT',
    path: string,
    body: Json,
    parse: (body: unknown) => T | undefined,
  ): Promise<NewsletterResult<T>> {
    let response: Response;
    try {
      const doFetch = options.fetch ?? globalThis.fetch;
      response = await doFetch(`${base}${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      // TypeError (offline, CORS), TimeoutError/AbortError: all mean "no usable answer".
      return { ok: false, error: { kind: 'network' } };
    }
    const json = await readJson(response);
    if (!response.ok) return { ok: false, error: errorFor(response, json) };
    const value = parse(json);
    return value === undefined
      ? { ok: false, error: { kind: 'server', status: response.status } }
      : { ok: true, value };
  }

  /**
   * `{ consentId }` for a request body, or nothing: optional in the contract and checked as a UUID
   * there, so a malformed id must not cost the request. Every change carries it as proof of who.
   */
  const consent = () => {
    const id = options.consentId?.();
    return id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
      ? { consentId: id }
      : {};
  };

  return {
    subscribe(request) {
      return call(
        'POST',
        '/subscribe',
        {
          email: request.email.trim(),
          revision: request.revision,
          consentText: request.consentText,
          measureOpens: request.measureOpens,
          ...(request.language ? { language: request.language } : {}),
          ...consent(),
        },
        parsePending,
      );
    },
    resend(email) {
      return call('POST', '/resend', { email: email.trim() }, parsePending);
    },
    confirm(token) {
      return call('POST', '/confirm', { token, ...consent() }, parseConfirmation);
    },
    getPreferences(token) {
      return call('POST', '/preferences', { token }, parsePreferencesAnswer);
    },
    updatePreferences(token, update) {
      // Only the contract's fields: the server rejects unknown ones.
      const { revision, measureOpens, objectMarketing, objectResearch } = update;
      const changes = { measureOpens, objectMarketing, objectResearch };
      const given = Object.entries(changes).filter(([, v]) => typeof v === 'boolean');
      return call(
        'PUT',
        '/preferences',
        { token, revision, ...Object.fromEntries(given), ...consent() },
        parsePreferencesAnswer,
      );
    },
    unsubscribe(token, revision) {
      return call(
        'POST',
        '/unsubscribe',
        { token, ...(revision ? { revision } : {}), ...consent() },
        parsePreferencesAnswer,
      );
    },
  };
}
