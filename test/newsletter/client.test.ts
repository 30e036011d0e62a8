import { expect } from '@open-wc/testing';
import { createNewsletterClient, type NewsletterClient } from '../../src/core/newsletter.js';
import { FakeNewsletterServer } from './fake-server.js';

type Answer = Response | (() => Promise<Response>);

/** A fetch that records what it was sent and answers with the given response. */
function answering(answer: Answer): { fetch: typeof fetch; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init: init ?? {} });
    return typeof answer === 'function' ? answer() : answer;
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const prefs = {
  status: 'confirmed',
  email: 'j***@example.org',
  measureOpens: false,
  objectMarketing: true,
  objectResearch: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const subscription = {
  email: 'jan@example.org',
  revision: '2018-06-18',
  consentText: 'Ja, ik wil…',
  measureOpens: false,
};

function client(
  answer: Answer,
  consentId?: () => string | undefined,
): { client: NewsletterClient; calls: { url: string; init: RequestInit }[] } {
  const { fetch, calls } = answering(answer);
  return {
    client: createNewsletterClient({
      endpoint: '/api/newsletter/',
      fetch,
      ...(consentId ? { consentId } : {}),
    }),
    calls,
  };
}

describe('newsletter client', () => {
  it('subscribes with a JSON POST carrying the consent id, the revision and the consent text', async () => {
    const { client: c, calls } = client(
      json(202, { status: 'pending' }),
      () => 'c0ffee00-0000-4000-8000-000000000000',
    );
    const result = await c.subscribe({ ...subscription, email: '  jan@example.org ', language: 'nl' });
    expect(result).to.deep.equal({ ok: true, value: { status: 'pending' } });
    expect(calls[0]?.url).to.equal('/api/newsletter/subscribe');
    expect(calls[0]?.init.method).to.equal('POST');
    expect(new Headers(calls[0]?.init.headers).get('Content-Type')).to.equal('application/json');
    // Asks for the contract's JSON (a server or proxy may otherwise answer an HTML page).
    expect(new Headers(calls[0]?.init.headers).get('Accept')).to.equal('application/json');
    // The site's cookies go only to its own origin, never to another site's endpoint.
    expect(calls[0]?.init.credentials).to.equal('same-origin');
    expect(JSON.parse(String(calls[0]?.init.body))).to.deep.equal({
      email: 'jan@example.org',
      revision: '2018-06-18',
      consentText: 'Ja, ik wil…',
      measureOpens: false,
      language: 'nl',
      consentId: 'c0ffee00-0000-4000-8000-000000000000',
    });
  });

  it('leaves out a consent id the visitor does not have (no decision yet)', async () => {
    const { client: c, calls } = client(json(202, { status: 'pending' }), () => undefined);
    await c.subscribe(subscription);
    expect(JSON.parse(String(calls[0]?.init.body))).not.to.have.property('consentId');
  });

  it('leaves out a consent id that is not a UUID, which the server would refuse', async () => {
    const { client: c, calls } = client(json(202, { status: 'pending' }), () => '"><script>');
    await c.subscribe(subscription);
    expect(JSON.parse(String(calls[0]?.init.body))).not.to.have.property('consentId');
  });

  it('leaves out a consent id with anything around the UUID, which the server would refuse', async () => {
    const id = 'c0ffee00-0000-4000-8000-000000000000';
    for (const malformed of [`${id}x`, `x${id}`, `${id}\n`]) {
      const { client: c, calls } = client(json(202, { status: 'pending' }), () => malformed);
      await c.subscribe(subscription);
      expect(JSON.parse(String(calls[0]?.init.body))).not.to.have.property('consentId');
    }
  });

  it('carries the consent id on every change: confirm, preference update, unsubscribe', async () => {
    const id = 'c0ffee00-0000-4000-8000-000000000000';
    const preferences = {
      status: 'confirmed',
      email: 'j***@example.org',
      measureOpens: false,
      objectMarketing: false,
      objectResearch: false,
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    const { client: c, calls } = client(json(200, { preferences, manageToken: 'm'.repeat(43) }), () => id);
    await c.confirm('c'.repeat(43));
    await c.updatePreferences('m'.repeat(43), { revision: '2018-06-18', measureOpens: true });
    await c.unsubscribe('m'.repeat(43));
    const bodies = calls.map((call) => JSON.parse(String(call.init.body)) as Record<string, unknown>);
    expect(bodies.map((b) => b.consentId)).to.deep.equal([id, id, id]);
    expect(bodies[2]).to.deep.equal({ token: 'm'.repeat(43), consentId: id });
  });

  it('confirms, reads, updates and unsubscribes with the contract paths and bodies', async () => {
    const server = new FakeNewsletterServer();
    const confirmToken = server.addPending('jan@example.org');
    const c = createNewsletterClient({ endpoint: '/api/newsletter', fetch: server.fetch });

    const confirmed = await c.confirm(confirmToken);
    if (!confirmed.ok) throw new Error('confirm failed');
    expect(confirmed.value.preferences.status).to.equal('confirmed');
    expect(confirmed.value.preferences.email).to.equal('j***@example.org');
    const token = confirmed.value.manageToken;

    expect((await c.getPreferences(token)).ok).to.equal(true);
    const updated = await c.updatePreferences(token, { revision: '2018-06-18', objectResearch: true });
    expect(updated.ok && updated.value.objectResearch).to.equal(true);
    const gone = await c.unsubscribe(token, '2018-06-18');
    expect(gone.ok && gone.value.status).to.equal('unsubscribed');

    expect(server.requests.map((r) => `${r.method} ${r.path}`)).to.deep.equal([
      'POST /confirm',
      'POST /preferences',
      'PUT /preferences',
      'POST /unsubscribe',
    ]);
    // Only the contract's fields: the server rejects unknown ones.
    expect(server.requests[2]?.body).to.deep.equal({ token, revision: '2018-06-18', objectResearch: true });
    expect(server.requests[3]?.body).to.deep.equal({ token, revision: '2018-06-18' });
  });

  it('sends the resend request with the address only, trimmed', async () => {
    // The contract's resend takes no consent id; the server rejects unknown fields.
    const { client: c, calls } = client(
      json(202, { status: 'pending' }),
      () => 'c0ffee00-0000-4000-8000-000000000000',
    );
    expect((await c.resend('  jan@example.org ')).ok).to.equal(true);
    expect(JSON.parse(String(calls[0]?.init.body))).to.deep.equal({ email: 'jan@example.org' });
  });

  it('reads the preferences with the token only (reading is no change, and takes no consent id)', async () => {
    const { client: c, calls } = client(
      json(200, { preferences: prefs }),
      () => 'c0ffee00-0000-4000-8000-000000000000',
    );
    expect(await c.getPreferences('m'.repeat(43))).to.deep.equal({ ok: true, value: prefs });
    expect(JSON.parse(String(calls[0]?.init.body))).to.deep.equal({ token: 'm'.repeat(43) });
  });

  it('sends a switch turned off as false, and leaves out the switches not given', async () => {
    const { client: c, calls } = client(json(200, { preferences: prefs }));
    await c.updatePreferences('m'.repeat(43), { revision: '2018-06-18', measureOpens: false });
    await c.updatePreferences('m'.repeat(43), {
      revision: '2018-06-18',
      objectMarketing: false,
      objectResearch: true,
    });
    const bodies = calls.map((call) => JSON.parse(String(call.init.body)) as Record<string, unknown>);
    expect(bodies).to.deep.equal([
      { token: 'm'.repeat(43), revision: '2018-06-18', measureOpens: false },
      { token: 'm'.repeat(43), revision: '2018-06-18', objectMarketing: false, objectResearch: true },
    ]);
  });

  it('turns a 400 into a validation error with the fields the server named', async () => {
    const { client: c } = client(
      json(400, { error: 'validation', message: 'bad', fields: { email: 'invalid', x: 3 } }),
    );
    expect(await c.subscribe(subscription)).to.deep.equal({
      ok: false,
      error: { kind: 'validation', fields: { email: 'invalid' } },
    });
  });

  it('turns a 400 without fields into a validation error with none', async () => {
    const { client: c } = client(new Response('nope', { status: 400 }));
    expect(await c.subscribe(subscription)).to.deep.equal({
      ok: false,
      error: { kind: 'validation', fields: {} },
    });
  });

  it('reports an unknown token (404) and an expired one (410)', async () => {
    expect(await client(json(404, { error: 'not_found' })).client.confirm('t')).to.deep.equal({
      ok: false,
      error: { kind: 'not-found' },
    });
    expect(await client(json(410, { error: 'expired' })).client.getPreferences('t')).to.deep.equal({
      ok: false,
      error: { kind: 'expired' },
    });
  });

  it('reports rate limiting with Retry-After in seconds, as a date, or absent', async () => {
    const seconds = await client(json(429, { error: 'rate_limited' }, { 'Retry-After': '30' })).client.resend(
      'a@b.nl',
    );
    expect(seconds).to.deep.equal({ ok: false, error: { kind: 'rate-limited', retryAfter: 30 } });
    const date = new Date(Date.now() + 120_000).toUTCString();
    const dated = await client(json(429, {}, { 'Retry-After': date })).client.resend('a@b.nl');
    expect(!dated.ok && dated.error.kind === 'rate-limited' && dated.error.retryAfter).to.be.within(100, 121);
    // A date already past (a clock behind the server's): no wait, never a negative one.
    const past = new Date(Date.now() - 120_000).toUTCString();
    const passed = await client(json(429, {}, { 'Retry-After': past })).client.resend('a@b.nl');
    expect(passed).to.deep.equal({ ok: false, error: { kind: 'rate-limited', retryAfter: 0 } });
    const bare = await client(json(429, {})).client.resend('a@b.nl');
    expect(bare).to.deep.equal({ ok: false, error: { kind: 'rate-limited' } });
  });

  it('reports a 500 and a 503 as server errors with their status, and how long a 503 asks to wait', async () => {
    expect(await client(json(500, { error: 'internal' })).client.subscribe(subscription)).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 500 },
    });
    // What the reference server answers when the confirmation mail could not be sent.
    const unsent = json(503, { error: 'unavailable' }, { 'Retry-After': '60' });
    expect(await client(unsent).client.subscribe(subscription)).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 503, retryAfter: 60 },
    });
    expect(await client(json(503, {})).client.subscribe(subscription)).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 503 },
    });
  });

  it('reports an HTML error page as a server error, not a JSON exception', async () => {
    const html = new Response('<!doctype html><h1>502 Bad Gateway</h1>', {
      status: 502,
      headers: { 'Content-Type': 'text/html' },
    });
    expect(await client(html).client.confirm('t')).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 502 },
    });
  });

  it('reports a 200 whose body is not the contract (HTML, wrong shape, empty) as a server error', async () => {
    const page = new Response('<html>login</html>', {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
    });
    expect(await client(page).client.getPreferences('t')).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 200 },
    });
    const wrong = json(200, { preferences: { ...prefs, measureOpens: 'yes' } });
    expect(await client(wrong).client.getPreferences('t')).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 200 },
    });
    const noToken = json(200, { preferences: prefs });
    expect(await client(noToken).client.confirm('t')).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 200 },
    });
    const { updatedAt: _, ...undated } = prefs;
    expect(await client(json(200, { preferences: undated })).client.getPreferences('t')).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 200 },
    });
    // A confirmation without a usable manage token would leave the visitor with no way back.
    const emptyToken = json(200, { preferences: prefs, manageToken: '' });
    expect(await client(emptyToken).client.confirm('t')).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 200 },
    });
    // A subscribe answered with anything but "pending" did not start a double opt-in.
    for (const body of [{}, { status: 'confirmed' }]) {
      expect(await client(json(202, body)).client.subscribe(subscription)).to.deep.equal({
        ok: false,
        error: { kind: 'server', status: 202 },
      });
    }
    expect(await client(new Response(null, { status: 204 })).client.subscribe(subscription)).to.deep.equal({
      ok: false,
      error: { kind: 'server', status: 204 },
    });
  });

  it('reports a network failure (fetch throws TypeError) as a network error', async () => {
    const c = client(() => Promise.reject(new TypeError('Failed to fetch'))).client;
    expect(await c.subscribe(subscription)).to.deep.equal({ ok: false, error: { kind: 'network' } });
  });

  it('reports a fetch that throws synchronously as a network error, never a rejection', async () => {
    const c = createNewsletterClient({
      endpoint: '/n',
      fetch: (() => {
        throw new TypeError('bad url');
      }) as typeof fetch,
    });
    expect(await c.unsubscribe('t')).to.deep.equal({ ok: false, error: { kind: 'network' } });
  });

  it('gives up on a server that never answers after the timeout, as a network error', async () => {
    const server = new FakeNewsletterServer();
    server.breakNext('hang');
    const c = createNewsletterClient({ endpoint: '/api/newsletter', fetch: server.fetch, timeoutMs: 50 });
    expect(await c.confirm('t')).to.deep.equal({ ok: false, error: { kind: 'network' } });
  });

  it('waits by default longer than the reference server may take to hand over the confirmation mail', async () => {
    // The server's SMTP bound (server/src/mail/mailer.ts): 10 s to connect, 10 s for the greeting,
    // 20 s of silence. The platform's timer is outside the client, so it is what gets watched.
    const asked: number[] = [];
    const original = AbortSignal.timeout;
    AbortSignal.timeout = (ms: number) => {
      asked.push(ms);
      return new AbortController().signal;
    };
    try {
      await client(json(202, { status: 'pending' })).client.subscribe(subscription);
    } finally {
      AbortSignal.timeout = original;
    }
    expect(asked).to.have.length(1);
    expect(asked[0]).to.be.above(10_000 + 10_000 + 20_000);
  });

  it('uses the page fetch when none is given, looked up at call time', async () => {
    const original = window.fetch;
    const { fetch, calls } = answering(json(202, { status: 'pending' }));
    window.fetch = fetch;
    try {
      const c = createNewsletterClient({ endpoint: '/api/newsletter' });
      expect((await c.resend('a@example.org')).ok).to.equal(true);
      expect(calls).to.have.length(1);
    } finally {
      window.fetch = original;
    }
  });
});
