import { expect } from '@open-wc/testing';
import {
  encodeConsent,
  memoryStorage,
  type ConsentChange,
  type ConsentOptions,
  type ConsentState,
  type PrivacyKit,
} from '../../src/core/index.js';
import { waitUntil } from '../wait.js';
import { destroyStores, isolatedStore, minimalConfig } from './fixtures.js';

/** The next change `kit` reports from another tab. */
const nextChange = (kit: PrivacyKit) =>
  new Promise<ConsentChange>((resolve) => {
    const off = kit.subscribe((c) => {
      if (!c.remote) return;
      off();
      resolve(c);
    });
  });

/** Two "tabs" sharing one cookie jar, each with its own BroadcastChannel. */
function twoTabs(extra: ConsentOptions = {}): [PrivacyKit, PrivacyKit] {
  const cookies = memoryStorage();
  const options = { cookies, BroadcastChannel, ...extra };
  return [isolatedStore(minimalConfig, options), isolatedStore(minimalConfig, options)];
}

describe('cross-tab sync', () => {
  afterEach(destroyStores);

  it('shows a decision made in one tab in the other, marked remote', async () => {
    const [a, b] = twoTabs();
    const received = nextChange(b);
    const state = a.update({ categories: { analytics: true } });
    const change = await received;
    expect(change.remote).to.equal(true);
    expect(change.state).to.deep.equal(state);
    expect(change.changed).to.deep.equal(['analytics', 'google-analytics', 'adobe-analytics']);
    expect(b.isGranted('google-analytics')).to.equal(true);
    expect(b.needsDecision()).to.equal(false);
  });

  it('does not write the cookie again nor send a receipt for a remote change', async () => {
    const writes: string[] = [];
    const shared = memoryStorage();
    const posted: string[] = [];
    const fetch = async (_: unknown, init?: RequestInit) => (
      posted.push(String(init?.body)),
      new Response('{}', { status: 201 })
    );
    const config = { ...minimalConfig, sync: { endpoint: '/receipts' } };
    const a = isolatedStore(config, { cookies: shared, BroadcastChannel, fetch });
    const b = isolatedStore(config, {
      cookies: { ...shared, write: (v) => (writes.push(v), shared.write(v)) },
      BroadcastChannel,
      fetch,
    });
    const received = nextChange(b);
    a.acceptAll();
    await received;
    // a's receipt goes out once the sender has loaded; one from b would have been queued with it.
    await waitUntil(() => posted.length > 0);
    await new Promise((r) => setTimeout(r, 0));
    expect(writes).to.deep.equal([]);
    expect(posted.length).to.equal(1);
  });

  it('lets the latest decision win in both tabs when they decide at the same time', async () => {
    let clock = 1_000;
    const cookies = memoryStorage();
    const a = isolatedStore(minimalConfig, { cookies, BroadcastChannel, now: () => clock });
    const b = isolatedStore(minimalConfig, { cookies, BroadcastChannel, now: () => clock });
    const aHears = nextChange(a);
    const bHears = nextChange(b);
    b.acceptAll();
    clock = 900; // a's clock-older decision reaches b after b's own.
    a.rejectAll();
    // a hears b's newer decision and adopts it; b ignores a's older one.
    const change = await aHears;
    expect(change.remote).to.equal(true);
    expect(a.isGranted('analytics')).to.equal(true);
    expect(b.isGranted('analytics')).to.equal(true);
    expect(
      await Promise.race([bHears.then(() => 'changed'), new Promise((r) => setTimeout(r, 50, 'unchanged'))]),
    ).to.equal('unchanged');
    // The shared cookie ends with the winning decision, so a reload agrees.
    expect(isolatedStore(minimalConfig, { cookies, now: () => clock }).isGranted('analytics')).to.equal(true);
  });

  it('breaks an exact tie on updatedAt by consent id, the same way in both tabs', async () => {
    const base = {
      schema: 1,
      revision: minimalConfig.revision,
      decidedAt: 5,
      updatedAt: 5,
      method: 'api',
    } as const;
    const low: ConsentState = {
      ...base,
      id: 'aaaa',
      categories: { necessary: true, analytics: false, marketing: false },
      services: { 'google-analytics': false, 'adobe-analytics': false },
    };
    const high: ConsentState = {
      ...low,
      id: 'bbbb',
      categories: { ...low.categories, analytics: true },
      services: { 'google-analytics': true, 'adobe-analytics': true },
    };
    const now = () => 10;
    const holdsLow = isolatedStore(minimalConfig, {
      cookies: memoryStorage(encodeConsent(low)),
      BroadcastChannel,
      now,
    });
    const holdsHigh = isolatedStore(minimalConfig, {
      cookies: memoryStorage(encodeConsent(high)),
      BroadcastChannel,
      now,
    });
    const adopted = nextChange(holdsLow);
    const sender = new BroadcastChannel('privacy-kit:privacy_consent');
    sender.postMessage({ value: encodeConsent(high), at: 5 });
    sender.postMessage({ value: encodeConsent(low), at: 5 });
    await adopted;
    await new Promise((r) => setTimeout(r, 20));
    sender.close();
    expect(holdsLow.getConsent()?.id).to.equal('bbbb');
    expect(holdsHigh.getConsent()?.id).to.equal('bbbb');
  });

  it('ignores malformed and tampered messages', async () => {
    const [a, b] = twoTabs();
    let changes = 0;
    a.subscribe(() => changes++);
    const sender = new BroadcastChannel('privacy-kit:privacy_consent');
    for (const junk of [
      'accept',
      null,
      { value: 'v1|forged', at: Date.now() },
      { value: 42, at: 1 },
      { value: null },
    ]) {
      sender.postMessage(junk);
    }
    sender.close();
    // Messages arrive in order: once b's real decision is in, the junk before it was seen and ignored.
    const received = nextChange(a);
    const state = b.rejectAll();
    expect((await received).state).to.deep.equal(state);
    expect(changes).to.equal(1);
  });

  it('reports no change for messages that change nothing: a reset while undecided, the decision held already', async () => {
    const [a, b] = twoTabs();
    const changes: ConsentChange[] = [];
    a.subscribe((c) => changes.push(c));
    const sender = new BroadcastChannel('privacy-kit:privacy_consent');
    try {
      sender.postMessage({ value: null, at: Date.now() });
      const accepted = nextChange(a);
      b.acceptAll();
      await accepted;
      // A page that read the cookie again (bfcache, another subdomain) passes on what a holds.
      sender.postMessage({ value: encodeConsent(a.getConsent()!), at: Date.now() });
      const refused = nextChange(a);
      b.rejectAll();
      await refused;
    } finally {
      sender.close();
    }
    expect(changes.map((c) => c.state?.categories['analytics'])).to.deep.equal([true, false]);
  });

  it('a refusal in the same millisecond as the acceptance before it still wins in the other tab', async () => {
    const [a, b] = twoTabs({ now: () => 5_000 });
    const accepted = nextChange(b);
    a.acceptAll();
    await accepted;
    a.rejectAll();
    await waitUntil(() => !b.isGranted('analytics'), 'the other tab kept the acceptance');
    expect(a.getConsent()?.updatedAt).to.be.above(5_000);
  });

  it('keeps a decision when the storage-event fallback cannot write to localStorage (full or blocked)', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const kit = isolatedStore(minimalConfig, {
      window: new EventTarget(),
      localStorage: full,
      BroadcastChannel: null,
    });
    const state = kit.acceptAll();
    expect(kit.getConsent()).to.deep.equal(state);
    expect(kit.isGranted('analytics')).to.equal(true);
  });

  it('spreads a reset to the other tab', async () => {
    const [a, b] = twoTabs();
    const decided = nextChange(b);
    a.acceptAll();
    await decided;
    const reset = nextChange(b);
    a.reset();
    const change = await reset;
    expect(change.state).to.equal(null);
    expect(change.remote).to.equal(true);
    expect(b.needsDecision()).to.equal(true);
  });

  it('spreads a reset also after the clock stepped back, or two decisions in one millisecond', async () => {
    let clock = Date.now();
    const [a, b] = twoTabs({ now: () => clock });
    const decided = nextChange(b);
    a.rejectAll();
    await decided;
    const again = nextChange(b);
    a.update({ categories: { analytics: true } }); // the same millisecond: dated one later
    await again;
    clock -= 60_000; // and the system clock is corrected by a minute
    const reset = nextChange(b);
    a.reset();
    expect((await reset).state).to.equal(null);
    expect(b.isGranted('analytics')).to.equal(false);
  });

  it('uses the storage event between documents when BroadcastChannel is missing', async () => {
    const frames = [document.createElement('iframe'), document.createElement('iframe')];
    for (const f of frames) document.body.append(f);
    try {
      const [winA, winB] = frames.map((f) => f.contentWindow!) as [Window, Window];
      const cookies = memoryStorage();
      const a = isolatedStore(minimalConfig, {
        cookies,
        window: winA,
        localStorage: winA.localStorage,
        BroadcastChannel: null,
      });
      const b = isolatedStore(minimalConfig, {
        cookies,
        window: winB,
        localStorage: winB.localStorage,
        BroadcastChannel: null,
      });
      const received = nextChange(b);
      a.update({ categories: { marketing: true } });
      const change = await received;
      expect(change.remote).to.equal(true);
      expect(b.isGranted('marketing')).to.equal(true);
      expect(b.isGranted('analytics')).to.equal(false);
    } finally {
      for (const f of frames) f.remove();
      localStorage.removeItem('privacy-kit:privacy_consent');
    }
  });
  it('two tabs of one visitor deciding in the same millisecond end up with the same decision', async () => {
    const seed = isolatedStore(minimalConfig, { now: () => 1_000 });
    seed.acceptAll();
    const value = encodeConsent(seed.getConsent()!);
    // Same visitor (one consent id), same clock: only the decisions differ.
    const options = { cookies: memoryStorage(value), BroadcastChannel, now: () => 5_000 };
    const [a, b] = [isolatedStore(minimalConfig, options), isolatedStore(minimalConfig, options)];
    a.rejectAll();
    b.acceptAll();
    await waitUntil(() => a.isGranted('analytics') === b.isGranted('analytics'), 'the tabs disagree');
    expect(options.cookies.read()).to.equal(encodeConsent(a.getConsent()!));
  });

  it('takes a decision made after destroy() on this page, without throwing on the closed channel', () => {
    const cookies = memoryStorage();
    const kit = isolatedStore(minimalConfig, { cookies, BroadcastChannel });
    kit.acceptAll();
    const changes: ConsentChange[] = [];
    kit.subscribe((c) => changes.push(c));
    kit.destroy();
    kit.rejectAll();
    expect(kit.isGranted('analytics')).to.equal(false);
    expect(changes).to.have.length(1);
    expect(isolatedStore(minimalConfig, { cookies }).isGranted('analytics')).to.equal(false);
  });
});
