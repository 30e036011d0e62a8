/**
 * A `Retry-After` that is neither delta-seconds nor an HTTP date (RFC 9110 §10.2.3) is no answer
 * at all: the client reports no wait, and the element says "try again shortly" rather than a
 * number the server never sent.
 */
import { expect } from '@open-wc/testing';
import { createNewsletterClient } from '../../src/core/newsletter.js';
import { mount, reach, subscribe, text } from './helpers.js';

/** A client whose every request is answered `status` with the given `Retry-After`. */
function answeredWith(status: number, retryAfter: string) {
  const fetchFn = (async () =>
    new Response(JSON.stringify({ error: 'x' }), {
      status,
      headers: { 'Content-Type': 'application/json', 'Retry-After': retryAfter },
    })) as typeof fetch;
  return createNewsletterClient({ endpoint: '/api/newsletter', fetch: fetchFn });
}

describe('newsletter client with a malformed Retry-After', () => {
  it('reports a 429 with "30abc" as rate limited with no wait, not as 30 seconds', async () => {
    const result = await answeredWith(429, '30abc').resend('a@b.nl');
    expect(result).to.deep.equal({ ok: false, error: { kind: 'rate-limited' } });
  });

  it('reports a 503 with "30abc" as a server error with no wait, not as 30 seconds', async () => {
    const result = await answeredWith(503, '30abc').resend('a@b.nl');
    expect(result).to.deep.equal({ ok: false, error: { kind: 'server', status: 503 } });
  });

  it('reads a decimal, a negative number or other number-like text as no wait, not as a date', async () => {
    // The browser's lenient date parser turns "1.5" and "-5" into dates in 2001 (so: no wait at
    // all); an HTTP date always starts with the name of a day.
    for (const value of ['1.5', '-5', '12/01', '+30']) {
      const result = await answeredWith(429, value).resend('a@b.nl');
      expect(result, value).to.deep.equal({ ok: false, error: { kind: 'rate-limited' } });
    }
  });

  it('reads other text that merely starts with three letters as no wait, not as a date', async () => {
    // The browser's lenient parser reads "abc 1.5" as 2001 and "wait 3600" as the year 3600: neither
    // is an HTTP date (a day name, a date and a time), and neither may hold the retry back.
    for (const value of ['abc 1.5', 'wait 3600', 'Sun 2099']) {
      const result = await answeredWith(429, value).resend('a@b.nl');
      expect(result, value).to.deep.equal({ ok: false, error: { kind: 'rate-limited' } });
    }
  });

  it('reads each of the three HTTP date forms', async () => {
    const later = new Date(Date.now() + 90_000);
    const day = later.toUTCString().slice(0, 3);
    const [, date, month, year, time] = later.toUTCString().split(' ');
    const forms = [
      later.toUTCString(),
      `${later.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' })}, ${date}-${month}-${year?.slice(2)} ${time} GMT`,
      `${day} ${month} ${String(Number(date)).padStart(2)} ${time} ${year}`,
    ];
    for (const value of forms) {
      const result = await answeredWith(429, value).resend('a@b.nl');
      const wait = result.ok ? undefined : (result.error as { retryAfter?: number }).retryAfter;
      expect(wait, value).to.be.within(85, 91);
    }
  });

  it('still reads a well-formed number with spaces around it', async () => {
    // The control for the two above: the header itself reaches the parser.
    const result = await answeredWith(429, ' 30 ').resend('a@b.nl');
    expect(result).to.deep.equal({ ok: false, error: { kind: 'rate-limited', retryAfter: 30 } });
  });
});

describe('<privacy-newsletter> with a malformed Retry-After', () => {
  it('says "try again shortly", naming no wait the server did not send', async () => {
    const { el, server } = await mount();
    server.breakNext({ status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '30abc' } });
    await subscribe(el, 'jan@example.org');
    await reach(el, 'error');
    const alert = text(el, '[part="alert"] [role="alert"]');
    expect(alert).to.equal('Te veel pogingen achter elkaar. Probeer het zo opnieuw.');
    expect(alert).not.to.contain('30');
  });
});
