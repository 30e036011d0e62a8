// What the newsletter endpoints accept: valid JSON bodies only, and no request type that other
// websites could send without a CORS preflight.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeReceipt, send } from './helpers.js';
import { api, mailsTo, server, subscription, useNewsletterServer } from './newsletter-server.js';

useNewsletterServer();

describe('newsletter request bodies', () => {
  it('validates newsletter bodies and names the field', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['subscribe', subscription('not-an-address'), 'email'],
      ['subscribe', subscription('a@example.org', { measureOpens: 'yes' }), 'measureOpens'],
      // Not coerced: "true" is a form's leftover, not the visitor's yes to measuring.
      ['subscribe', subscription('a@example.org', { measureOpens: 'true' }), 'measureOpens'],
      ['subscribe', subscription('a@example.org', { newsletterId: 3 }), 'newsletterId'],
      ['subscribe', { email: 'a@example.org' }, 'consentText'],
      // Sizes and characters the database is not asked to hold.
      ['subscribe', subscription(`${'a'.repeat(64)}@${'b'.repeat(190)}.org`), 'email'],
      ['subscribe', subscription('a@example.org', { consentText: 'J'.repeat(4001) }), 'consentText'],
      ['subscribe', subscription('a@example.org', { consentText: 'Ja\u0000' }), 'consentText'],
      ['subscribe', subscription('a@example.org', { language: 'nl"><script>' }), 'language'],
      ['preferences', { token: 'x'.repeat(129) }, 'token'],
      ['confirm', { token: 'too-short' }, 'token'],
      ['unsubscribe', { token: `${'x'.repeat(42)}/` }, 'token'],
      ['confirm', { token: 42 }, 'token'],
      ['unsubscribe', { token: 'x'.repeat(43), reason: 'spam' }, 'reason'],
    ];
    for (const [path, body, field] of cases) {
      const response = await send(`${api}/${path}`, body);
      assert.equal(response.status, 400, `${path} ${JSON.stringify(body)}`);
      assert.ok(field in (response.body as { fields: Record<string, string> }).fields, field);
    }
  });
});

describe('newsletter requests from other websites', () => {
  // A form or fetch() on any site may send these types cross-origin without a CORS preflight.
  const simpleTypes = ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded'];

  it('refuses preflight-free content types with 415, so CORS decides who may call', async () => {
    for (const path of ['subscribe', 'resend', 'confirm', 'preferences', 'unsubscribe']) {
      for (const type of simpleTypes) {
        const body =
          path === 'subscribe' ? subscription('cross-site@example.org') : { token: 'x'.repeat(43) };
        const response = await send(`${api}/${path}`, body, { headers: { 'content-type': type } });
        assert.equal(response.status, 415, `${path} as ${type}`);
        assert.equal((response.body as { error: string }).error, 'unsupported_media_type');
      }
    }
    assert.deepEqual(mailsTo('cross-site@example.org'), [], 'no mail was sent');
  });

  it('gives no website CORS headers when CORS_ORIGINS is not set: the API is same-origin only', async () => {
    const preflight = await fetch(`${api}/unsubscribe`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    const answer = await fetch(`${server.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    assert.equal(answer.headers.get('access-control-allow-origin'), null);
  });

  it('still accepts text/plain for consent receipts (sendBeacon)', async () => {
    const response = await send(`${server.url}/api/consent/receipts`, makeReceipt(), {
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    });
    assert.equal(response.status, 201);
  });
});
