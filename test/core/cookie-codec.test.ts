import { expect } from '@open-wc/testing';
import { checksum } from '../../src/core/cookie-codec.js';
import {
  decodeConsent,
  encodeConsent,
  memoryStorage,
  type ConsentReceipt,
  type ConsentState,
} from '../../src/core/index.js';
import { waitUntil } from '../wait.js';
import { destroyStores, isolatedStore, minimalConfig } from './fixtures.js';

const state: ConsentState = {
  schema: 1,
  id: '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f',
  revision: '2018-06-18 | "juni" ; 😀',
  decidedAt: 1_700_000_000_000,
  updatedAt: 1_700_000_500_000,
  categories: { necessary: true, analytics: true, marketing: false },
  services: { 'google-analytics': false, 'adobe-analytics': true },
  method: 'preferences',
};

/** Re-signs a hand-built value, as a server that writes the cookie would. */
const signed = (body: string) => body + '|' + checksum(body);

describe('cookie codec', () => {
  afterEach(destroyStores);

  it('round-trips a state', () => {
    const decoded = decodeConsent(encodeConsent(state));
    expect(decoded).to.deep.equal({ ok: true, value: state });
  });

  it('writes only cookie-safe characters and names, not bit positions', () => {
    const value = encodeConsent(state);
    expect(value).to.match(/^[A-Za-z0-9!#$%&'()*+\-./:<=>?@[\]^_`{|}~]+$/);
    expect(value).to.contain('|necessary:1.analytics:1.marketing:0|google-analytics:0.adobe-analytics:1|');
    expect(value.startsWith('v1|6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f|')).to.equal(true);
  });

  it('refuses malformed, truncated, oversized, other-schema and edited values without throwing', () => {
    const good = encodeConsent(state);
    const bad: unknown[] = [
      undefined,
      null,
      42,
      {},
      '',
      'garbage',
      '%E0%A4%A',
      good.slice(0, -3),
      good.slice(0, good.length / 2),
      good.replace('marketing:0', 'marketing:1'),
      good.replace('v1|', 'v0|'),
      good.replace('v1|', 'v2|'),
      good + '|extra',
      signed('v1|id|rev|1|2|api|' + 'a:1.'.repeat(800) + 'a:1|'),
      signed('v1|id|%E0%A4%A|1|2|api||'),
      signed('v1|id|rev|1|2|hacker||'),
      signed('v1|id|rev|2|1|api||'),
      signed('v1|id|rev|1|2|api|Analytics:1|'),
      signed('v1|id|rev|1|2|api|analytics:yes|'),
      signed('v1|i d|rev|1|2|api||'),
      signed('v1|id||1|2|api||'),
      signed('v1||rev|1|2|api||'),
      signed('v1|id|rev|1|2|api|analytics:1:1|'),
      signed('v1|id|rev||2|api||'),
      signed('v1|id|rev|1||api||'),
      signed('v1|id|rev|-1|2|api||'),
      signed('v1|id|rev|1|2.5|api||'),
      signed('v1|id|rev|1|' + 'z'.repeat(12) + '|api||'),
    ];
    for (const raw of bad) {
      const result = decodeConsent(raw);
      expect(result.ok, String(raw).slice(0, 60)).to.equal(false);
      if (!result.ok) expect(result.errors[0]?.path).to.equal('cookie');
    }
  });

  it('reads a value a server wrote with the documented format', () => {
    const result = decodeConsent(signed('v1|abc-123|2018-06-18|1|2|api|analytics:1|'));
    expect(result.ok && result.value.categories).to.deep.equal({ analytics: true, necessary: true });
  });

  it('gives the next decision over a cookie with another kind of id a UUID: receipts need one', async () => {
    const now = Date.now().toString(36);
    const FLAGS = 'necessary:1.analytics:1.marketing:0|google-analytics:1.adobe-analytics:1';
    const cookies = memoryStorage(signed(`v1|abc-123|2018-06-18|${now}|${now}|api|${FLAGS}`));
    const sent: ConsentReceipt[] = [];
    const fetch = (async (_url: unknown, init?: RequestInit) => {
      sent.push(JSON.parse(String(init?.body)) as ConsentReceipt);
      return new Response('{}', { status: 201 });
    }) as typeof globalThis.fetch;
    const config = { ...minimalConfig, sync: { endpoint: '/receipts' } };
    const kit = isolatedStore(config, { cookies, fetch, localStorage: null });
    expect(kit.getConsent()?.id).to.equal('abc-123'); // read as it is: the decision counts
    const next = kit.rejectAll({ method: 'banner' });
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(next.id).to.match(UUID);
    expect(next.decidedAt).to.equal(parseInt(now, 36)); // still the same visitor's decision history
    await waitUntil(() => sent.length > 0);
    expect(sent[0]!.consentId).to.equal(next.id);
    // A UUID stays, whatever its letter case.
    const upper = next.id.toUpperCase();
    const kept = isolatedStore(minimalConfig, {
      cookies: memoryStorage(encodeConsent({ ...next, id: upper })),
    }).acceptAll();
    expect(kept.id).to.equal(upper);
  });

  it('decodes the example in the README', () => {
    const example =
      'v1|6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f|2018-06-18|loyw3v28|loywekv4|banner|necessary:1.analytics:1.marketing:0|google-analytics:1.adobe-analytics:0|1mvbtgt';
    const result = decodeConsent(example);
    expect(result.ok && result.value.updatedAt).to.equal(1_700_000_500_000);
    expect(result.ok && result.value.services).to.deep.equal({
      'google-analytics': true,
      'adobe-analytics': false,
    });
  });

  it('never decodes necessary as refused', () => {
    const result = decodeConsent(signed('v1|abc|r|1|2|api|necessary:0.analytics:1|'));
    expect(result.ok && result.value.categories['necessary']).to.equal(true);
  });

  it('asks again (banner needed, nothing granted) when the cookie is damaged', () => {
    const good = encodeConsent({
      ...state,
      revision: '2018-06-18',
      updatedAt: Date.now(),
      decidedAt: Date.now(),
    });
    const cases = [
      good.slice(0, -5),
      good.replace('v1|', 'v0|'),
      good.replace('analytics:1', 'analytics:0'),
      'x'.repeat(5000),
    ];
    for (const value of cases) {
      const kit = isolatedStore(undefined, { cookies: memoryStorage(value) });
      expect(kit.needsDecision()).to.equal(true);
      expect(kit.needsDecisionReason()).to.equal('invalid');
      expect(kit.getConsent()).to.equal(null);
      expect(kit.getStoredConsent()).to.equal(null);
      expect(kit.isGranted('analytics')).to.equal(false);
    }
    const intact = isolatedStore(undefined, { cookies: memoryStorage(good) });
    expect(intact.needsDecision()).to.equal(false);
    expect(intact.isGranted('analytics')).to.equal(true);
  });

  it('refuses times a Date cannot hold, and deciding over such a signed cookie never throws', () => {
    const body = (time: string) =>
      signed(`v1|${state.id}|2018-06-18|1|${time}|api|necessary:1.analytics:1.marketing:0|`);
    expect(decodeConsent(body('zzzzzzzzzzz')).ok).to.equal(false);
    const kit = isolatedStore(
      { ...minimalConfig, sync: { endpoint: '/receipts' } },
      {
        cookies: memoryStorage(body('zzzzzzzzzzz')),
        fetch: (async () => new Response('{}', { status: 201 })) as typeof fetch,
      },
    );
    expect(kit.needsDecisionReason()).to.equal('invalid');
    // The receipt's date is made from the decision's time: a time past a Date's range threw here.
    expect(() => kit.rejectAll({ method: 'banner' })).not.to.throw();
  });

  it('does not keep a decision dated over a day ahead: made under a wrong clock, it would never expire', () => {
    const cookies = memoryStorage();
    const year = 365 * 864e5;
    isolatedStore(undefined, { cookies, now: () => Date.now() + 10 * year }).acceptAll();
    // The clock is put right; two years later that decision would still count for eight more.
    const later = isolatedStore(undefined, { cookies, now: () => Date.now() + 2 * year });
    expect(later.needsDecisionReason()).to.equal('invalid');
    expect(later.isGranted('analytics')).to.equal(false);
    // The decision made now is dated now, so it counts, and expires as any other.
    later.acceptAll();
    const again = isolatedStore(undefined, { cookies, now: () => Date.now() + 2 * year });
    expect(again.needsDecisionReason()).to.equal(null);
    // A day's drift between two devices' clocks is not treated as wrong.
    isolatedStore(undefined, { cookies, now: () => Date.now() + 2 * year + 864e5 - 6e4 }).acceptAll();
    expect(isolatedStore(undefined, { cookies, now: () => Date.now() + 2 * year }).needsDecision()).to.equal(
      false,
    );
  });
});
