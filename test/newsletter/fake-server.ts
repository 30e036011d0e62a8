/**
 * An in-memory newsletter backend speaking the README's HTTP contract through a `fetch` function:
 * the one thing outside the element that tests (and stories) fake. It records every request,
 * "mails" confirmation tokens within the reference server's mail limit, and can be told to fail
 * (500, HTML page, offline, 429, a mail relay that is down).
 */

/** The reference server's default mail limit per address (README: one a minute, five a day). */
const MAIL_INTERVAL_MS = 60_000;
const MAILS_PER_DAY = 5;
/** What the reference server asks a visitor to wait after a confirmation mail failed. */
const MAIL_RETRY_AFTER_SECONDS = 60;

interface Subscriber {
  email: string;
  status: 'pending' | 'confirmed' | 'unsubscribed';
  measureOpens: boolean;
  objectMarketing: boolean;
  objectResearch: boolean;
  updatedAt: string;
}

/** One request as the fake server received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/** A way the next request can fail. */
export type Breakage =
  'offline' | 'html-500' | 'hang' | { status: number; body?: unknown; headers?: Record<string, string> };

/** A held request: answered (undefined) or broken once the test releases it. */
type Held = { readonly held: Promise<Breakage | undefined> };

/** `j***@example.org`: the masked address the contract answers with. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** The fake backend; `fetch` is bound and can be handed to a client. */
export class FakeNewsletterServer {
  readonly requests: RecordedRequest[] = [];
  /** Confirmation tokens "mailed", by address (the latest last): only mails that went out. */
  readonly mails = new Map<string, string[]>();
  readonly expiredTokens = new Set<string>();
  /** The server's clock (ms since epoch); tests share theirs with the element. */
  now: () => number = () => Date.now();
  /** The SMTP relay refuses mail: a subscribe that may send one answers 503 with Retry-After. */
  mailFails = false;
  /** When each address was last allowed a mail, counted before sending, as the reference server does. */
  #mailClaims = new Map<string, number[]>();
  #subscribers = new Map<string, Subscriber>();
  #confirmTokens = new Map<string, string>();
  #manageTokens = new Map<string, string>();
  #breakages: (Breakage | Held)[] = [];
  #offline = false;
  #counter = 0;

  constructor(readonly base = '/api/newsletter') {}

  /** Makes the next requests fail, one breakage each, in order. */
  breakNext(...breakages: Breakage[]): void {
    this.#breakages.push(...breakages);
  }

  /**
   * Holds the next request (a slow answer) until the returned function is called: then it fails
   * as told, or without a breakage is handled as it would have been — at release time.
   */
  holdNext(): (outcome?: Breakage) => void {
    let release: (outcome: Breakage | undefined) => void = () => undefined;
    this.#breakages.push({ held: new Promise((resolve) => (release = resolve)) });
    return (outcome) => release(outcome);
  }

  /** Every request fails like a dropped connection until set back to false. */
  set offline(value: boolean) {
    this.#offline = value;
  }

  /** Adds a confirmed subscriber and returns its manage token. */
  addSubscriber(email: string, prefs: Partial<Omit<Subscriber, 'email'>> = {}): string {
    this.#subscribers.set(email, {
      email,
      status: 'confirmed',
      measureOpens: false,
      objectMarketing: false,
      objectResearch: false,
      updatedAt: new Date(0).toISOString(),
      ...prefs,
    });
    const token = `manage-${++this.#counter}`;
    this.#manageTokens.set(token, email);
    return token;
  }

  /** Adds a pending subscriber and returns the confirmation token from its mail. */
  addPending(email: string): string {
    this.addSubscriber(email, { status: 'pending' });
    this.#claimMail(email);
    return this.#deliver(email);
  }

  /** The subscriber's stored record (unmasked), as the site's staff would see it. */
  subscriber(email: string): Readonly<Subscriber> | undefined {
    return this.#subscribers.get(email);
  }

  /** Requests to one path. */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), location.href);
    const path = url.pathname.startsWith(this.base) ? url.pathname.slice(this.base.length) : url.pathname;
    const method = init?.method ?? 'GET';
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as Record<string, unknown>;
    this.requests.push({ method, path, body });
    const queued = this.#breakages.shift();
    const breakage = queued && typeof queued === 'object' && 'held' in queued ? await queued.held : queued;
    if (this.#offline || breakage === 'offline') throw new TypeError('Failed to fetch');
    if (breakage === 'hang') {
      return new Promise((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    if (breakage === 'html-500') {
      return new Response('<!doctype html><title>502</title><h1>Bad gateway</h1>', {
        status: 500,
        headers: { 'Content-Type': 'text/html' },
      });
    }
    if (breakage)
      return json(breakage.status, breakage.body ?? { error: 'x', message: 'x' }, breakage.headers);
    return this.#handle(method, path, body);
  };

  /**
   * Counts a mail against the address's limit, as the reference server does before it sends:
   * false when the limit holds the mail back. A mail that then fails to send gives its slot back.
   */
  #claimMail(email: string): boolean {
    const now = this.now();
    const day = Math.floor(now / 86_400_000);
    const claims = this.#mailClaims.get(email) ?? [];
    const last = claims.at(-1);
    if (last !== undefined && now - last < MAIL_INTERVAL_MS) return false;
    if (claims.filter((at) => Math.floor(at / 86_400_000) === day).length >= MAILS_PER_DAY) return false;
    this.#mailClaims.set(email, [...claims, now]);
    return true;
  }

  #deliver(email: string): string {
    const token = `confirm-${++this.#counter}`;
    this.#confirmTokens.set(token, email);
    this.mails.set(email, [...(this.mails.get(email) ?? []), token]);
    return token;
  }

  #public(s: Subscriber): Record<string, unknown> {
    const { email, ...rest } = s;
    return { ...rest, email: maskEmail(email) };
  }

  #byToken(tokens: Map<string, string>, body: Record<string, unknown>): Subscriber | Response {
    const token = String(body.token ?? '');
    if (this.expiredTokens.has(token)) return json(410, { error: 'expired', message: 'expired' });
    const email = tokens.get(token);
    const subscriber = email === undefined ? undefined : this.#subscribers.get(email);
    return subscriber ?? json(404, { error: 'not_found', message: 'unknown token' });
  }

  #handle(method: string, path: string, body: Record<string, unknown>): Response {
    const now = new Date().toISOString();
    if (method === 'POST' && (path === '/subscribe' || path === '/resend')) {
      const email = String(body.email ?? '');
      if (!email.includes('@'))
        return json(400, { error: 'validation', message: 'bad', fields: { email: 'invalid' } });
      const known = this.#subscribers.get(email);
      if (path === '/subscribe' && (!known || known.status === 'unsubscribed')) {
        this.#subscribers.set(email, {
          email,
          status: 'pending',
          measureOpens: body.measureOpens === true,
          objectMarketing: false,
          objectResearch: false,
          updatedAt: now,
        });
      }
      // The same answer whether the address was known or the limit held the mail back: no leak.
      // Only a mail that was tried and failed changes it (subscribe waits for its mail; resend does not).
      if (this.#subscribers.get(email)?.status === 'pending' && this.#claimMail(email)) {
        if (!this.mailFails) this.#deliver(email);
        else this.#mailClaims.set(email, this.#mailClaims.get(email)?.slice(0, -1) ?? []);
        if (this.mailFails && path === '/subscribe')
          return json(
            503,
            { error: 'unavailable', message: 'The mail could not be sent right now; try again in a minute.' },
            { 'Retry-After': String(MAIL_RETRY_AFTER_SECONDS) },
          );
      }
      return json(202, { status: 'pending' });
    }
    if (method === 'POST' && path === '/confirm') {
      const found = this.#byToken(this.#confirmTokens, body);
      if (found instanceof Response) return found;
      found.status = 'confirmed';
      found.updatedAt = now;
      const manageToken = `manage-${++this.#counter}`;
      this.#manageTokens.set(manageToken, found.email);
      return json(200, { preferences: this.#public(found), manageToken });
    }
    if (path === '/preferences' || path === '/unsubscribe') {
      const found = this.#byToken(this.#manageTokens, body);
      if (found instanceof Response) return found;
      if (method === 'PUT') {
        for (const key of ['measureOpens', 'objectMarketing', 'objectResearch'] as const) {
          const value = body[key];
          if (typeof value === 'boolean') found[key] = value;
        }
        found.updatedAt = now;
      }
      if (path === '/unsubscribe') {
        found.status = 'unsubscribed';
        found.updatedAt = now;
      }
      return json(200, { preferences: this.#public(found) });
    }
    return json(404, { error: 'not_found', message: 'no route' });
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
