// Edges a site operator relies on: the rate limit, CORS only for configured origins, security
// headers, and the static demo/library/statement files next to the API.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type RunningServer, get, makeReceipt, removeDir, send, startServer } from './helpers.js';

let server: RunningServer;

before(async () => {
  server = await startServer({
    RATE_LIMIT_MAX: '5',
    MAIL_RATE_LIMIT_PER_HOUR: '3',
    CORS_ORIGINS: 'https://www.example.org, https://shop.example.org',
  });
});
after(async () => {
  await server.stop();
  removeDir(server.dataDir);
});

describe('rate limit', () => {
  it('answers 429 rate_limited with Retry-After once a client IP passes RATE_LIMIT_MAX per minute', async () => {
    const endpoint = `${server.url}/api/consent/receipts`;
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < 7; i++) {
      const response = await send(endpoint, makeReceipt());
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
    assert.equal((limited?.body as { error: string }).error, 'rate_limited');
    assert.ok(Number(limited?.headers.get('retry-after')) > 0, 'Retry-After says when to come back');
    // Newsletter endpoints share the per-IP budget (those that send mail have their own, below);
    // static pages are not limited.
    assert.equal((await send(`${server.url}/api/newsletter/confirm`, { token: 'x'.repeat(43) })).status, 429);
    assert.equal((await get(`${server.url}/`, {})).status, 200);
    // A load balancer's health check is never refused for the traffic of the address it comes from.
    assert.equal((await get(`${server.url}/api/health`, {})).status, 200);
  });

  it("gives the one-click unsubscribe a budget of its own, ten times RATE_LIMIT_MAX: a mail provider's servers send every subscriber's", async () => {
    // The API budget of this client is used up.
    while ((await send(`${server.url}/api/consent/receipts`, makeReceipt())).status !== 429);
    const oneClick = () =>
      fetch(`${server.url}/api/newsletter/unsubscribe/one-click?token=${'x'.repeat(43)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      }).then((response) => response.status);
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++) statuses.push(await oneClick());
    // An unknown token is a 404: the route answered instead of the limiter.
    assert.deepEqual(statuses.slice(0, 50), Array<number>(50).fill(404));
    assert.equal(statuses[50], 429);
  });
});

describe('mail budget', () => {
  it('sends one client at most MAIL_RATE_LIMIT_PER_HOUR confirmation mails an hour, however it spells the inbox', async () => {
    const subscribe = (email: string) =>
      send(`${server.url}/api/newsletter/subscribe`, {
        email,
        revision: '2018-06-18',
        consentText: 'Ja',
        measureOpens: false,
      });
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push((await subscribe(`victim+${i}@example.org`)).status);
    assert.deepEqual(statuses, [202, 202, 202, 429]);
    const limited = await subscribe('victim@example.org');
    assert.equal(limited.status, 429);
    assert.ok(
      Number(limited.headers.get('retry-after')) > 60,
      'an hour-long budget: come back in minutes, not seconds',
    );
  });

  // Runs after the test above and the rate-limit tests: this client's subscribe and per-minute
  // budgets are used up, and "send the mail again" still has a budget of its own.
  it('gives resend an hourly budget of its own, apart from subscribe and the per-minute one', async () => {
    const resend = () => send(`${server.url}/api/newsletter/resend`, { email: 'victim+1@example.org' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await resend()).status);
    assert.deepEqual(statuses, [202, 202, 202, 429]);
    assert.ok(Number((await resend()).headers.get('retry-after')) > 60);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${server.url}/api/consent/receipts`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('allows a configured origin (preflight and answer carry its exact origin)', async () => {
    const response = await preflight('https://shop.example.org');
    assert.ok(response.status < 300);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example.org');
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    const answer = await fetch(`${server.url}/api/health`, {
      headers: { origin: 'https://www.example.org' },
    });
    assert.equal(answer.headers.get('access-control-allow-origin'), 'https://www.example.org');
    // The client honours Retry-After; another origin's script can read it only when exposed.
    assert.match(answer.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
  });

  it('gives another origin no CORS headers, so its browser blocks the call', async () => {
    for (const origin of ['https://evil.example', 'https://www.example.org.evil.example', 'null']) {
      const response = await preflight(origin);
      assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
    }
    const answer = await fetch(`${server.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
  });
});

describe('static files and headers', () => {
  it('serves the demo at / with a strict Content-Security-Policy and nosniff', async () => {
    const response = await get(`${server.url}/`, {});
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    // A newsletter link's token is in the page's query: no Referer may carry it, even same-origin.
    assert.equal(response.headers.get('referrer-policy'), 'strict-origin');
    assert.match(
      response.text,
      /<script src="\/privacy-kit\/privacy-kit\.js" data-config="\/privacy-kit\.nl\.json">/,
    );
    const config = await get(`${server.url}/privacy-kit.nl.json`, {});
    assert.equal(config.status, 200);
    assert.match(config.headers.get('content-type') ?? '', /application\/json/);
    assert.equal((JSON.parse(config.text) as { revision: string }).revision, '2018-06-18');
  });

  it('serves the English pages under /en/ and the stylesheet', async () => {
    assert.equal((await get(`${server.url}/en/`, {})).status, 200);
    assert.equal((await get(`${server.url}/site.css`, {})).status, 200);
  });

  it("answers a URL that cannot be decoded with the contract's 400, not the framework's own shape", async () => {
    const response = await get(`${server.url}/api/%zz`, {});
    assert.equal(response.status, 400);
    assert.deepEqual(JSON.parse(response.text), {
      error: 'validation',
      message: 'The request URL is not valid.',
    });
  });

  it("answers what it cannot serve with the client error in the contract's shape, not a 500", async () => {
    const response = await get(`${server.url}/site.css`, { range: 'bytes=99999999-' });
    assert.equal(response.status, 416);
    assert.deepEqual(JSON.parse(response.text), {
      error: 'validation',
      message: 'The request is not valid.',
    });
  });

  it('answers unknown paths with a JSON 404 and no file-system details', async () => {
    for (const path of [
      '/nope.html',
      '/api/nope',
      '/../package.json',
      '/%2e%2e/package.json',
      '/statements/../server/src/main.ts',
    ]) {
      const response = await get(`${server.url}${path}`, {});
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(response.text, /\/work\/|node_modules|privacy-kit server/, path);
    }
  });
});
