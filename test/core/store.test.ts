/** The consent store: decisions, what they grant, events and the cookie (asking again: store-reconsent). */
import { expect } from '@open-wc/testing';
import {
  memoryStorage,
  type ConsentChange,
  type ConsentState,
  type NeedsDecisionReason,
} from '../../src/core/index.js';
import { destroyStores, isolatedStore, minimalConfig, withServices } from './fixtures.js';

describe('consent store', () => {
  afterEach(destroyStores);

  it('starts with no decision: banner needed, only necessary granted', async () => {
    const kit = isolatedStore();
    await kit.ready;
    expect(kit.getConsent()).to.equal(null);
    expect(kit.needsDecision()).to.equal(true);
    expect(kit.needsDecisionReason()).to.equal('none');
    expect(kit.isGranted('necessary')).to.equal(true);
    expect(kit.isGranted('analytics')).to.equal(false);
    expect(kit.isGranted('google-analytics')).to.equal(false);
  });

  it('announces that a decision is needed once ready', async () => {
    const kit = isolatedStore();
    const reasons: NeedsDecisionReason[] = [];
    kit.on('needs-decision', ({ reason }) => reasons.push(reason));
    await kit.ready;
    await Promise.resolve();
    expect(reasons).to.deep.equal(['none']);
  });

  it('accept all grants every category and service', () => {
    const kit = isolatedStore(withServices);
    const state = kit.acceptAll();
    for (const name of [
      'necessary',
      'analytics',
      'marketing',
      'google-analytics',
      'adobe-analytics',
      'youtube',
    ]) {
      expect(kit.isGranted(name), name).to.equal(true);
    }
    expect(kit.needsDecision()).to.equal(false);
    expect(state.method).to.equal('api');
    expect(kit.getConsent()).to.deep.equal(state);
  });

  it('reject all refuses everything but necessary, and refusing a category refuses its services', () => {
    const kit = isolatedStore(withServices);
    kit.acceptAll();
    kit.rejectAll();
    expect(kit.isGranted('necessary')).to.equal(true);
    for (const name of ['analytics', 'marketing', 'google-analytics', 'adobe-analytics', 'youtube']) {
      expect(kit.isGranted(name), name).to.equal(false);
    }
    kit.update({ categories: { analytics: true } });
    kit.update({ categories: { analytics: false } });
    expect(kit.isGranted('google-analytics')).to.equal(false);
  });

  it("grants a category's services when the category is granted after a refusal", () => {
    const kit = isolatedStore();
    kit.rejectAll();
    kit.update({ categories: { analytics: true } });
    expect(kit.isGranted('google-analytics')).to.equal(true);
    expect(kit.isGranted('adobe-analytics')).to.equal(true);
  });

  it('keeps a service switched off inside a granted category', () => {
    const kit = isolatedStore();
    kit.update({ categories: { analytics: true }, services: { 'google-analytics': false } });
    expect(kit.isGranted('analytics')).to.equal(true);
    expect(kit.isGranted('adobe-analytics')).to.equal(true);
    expect(kit.isGranted('google-analytics')).to.equal(false);
    // A later unrelated change keeps that switch.
    kit.update({ categories: { marketing: true } });
    expect(kit.isGranted('google-analytics')).to.equal(false);
  });

  it('never grants a service whose category is refused, even when the service is switched on', () => {
    const kit = isolatedStore();
    kit.update({ categories: { analytics: false }, services: { 'google-analytics': true } });
    expect(kit.isGranted('google-analytics')).to.equal(false);
  });

  it('never grants unknown names, nor Object.prototype members', () => {
    const kit = isolatedStore();
    kit.acceptAll();
    for (const name of ['video', 'constructor', '__proto__', 'toString', ''])
      expect(kit.isGranted(name), name).to.equal(false);
  });

  it('hands out frozen states: changing one throws and grants nothing without a decision', () => {
    const cookies = memoryStorage();
    const kit = isolatedStore(minimalConfig, { cookies });
    const changes: ConsentState[] = [];
    kit.subscribe((c) => void changes.push(c.state!));
    kit.rejectAll({ method: 'banner' });
    const reloaded = isolatedStore(minimalConfig, { cookies }); // a state read from the cookie
    for (const state of [kit.getConsent()!, changes[0]!, reloaded.getConsent()!]) {
      const plain = state as unknown as { categories: Record<string, boolean>; method: string };
      expect(() => (plain.categories.analytics = true)).to.throw(TypeError);
      expect(() => (plain.method = 'gpc')).to.throw(TypeError);
    }
    expect(kit.isGranted('google-analytics')).to.equal(false);
    expect(reloaded.isGranted('analytics')).to.equal(false);
    // The way to change a choice: a new one, passed to update().
    kit.update({ ...kit.getConsent()!, categories: { ...kit.getConsent()!.categories, analytics: true } });
    expect(kit.isGranted('analytics')).to.equal(true);
  });

  it('keeps necessary granted whatever the input says', () => {
    const kit = isolatedStore();
    expect(kit.update({ categories: { necessary: false } }).categories['necessary']).to.equal(true);
    expect(kit.rejectAll().categories['necessary']).to.equal(true);
    expect(kit.isGranted('necessary')).to.equal(true);
  });

  it('stores the same refusal from the banner, the dialog and the API', () => {
    const refusals = [
      isolatedStore().rejectAll({ method: 'banner' }),
      isolatedStore().update(
        { categories: { analytics: false, marketing: false } },
        { method: 'preferences' },
      ),
      isolatedStore().rejectAll(),
      isolatedStore().update({}, { method: 'gate' }),
    ];
    const shape = refusals.map(({ categories, services }) => ({ categories, services }));
    for (const s of shape) expect(s).to.deep.equal(shape[0]);
    expect(refusals.map((s) => s.method)).to.deep.equal(['banner', 'preferences', 'api', 'gate']);
  });

  it('records a method it does not know (plain JS) as "api": the cookie stays readable', () => {
    const cookies = memoryStorage();
    const kit = isolatedStore(minimalConfig, { cookies });
    const state = kit.acceptAll({ method: 'footer' as never });
    expect(state.method).to.equal('api');
    // The next page reads the decision back instead of asking again.
    expect(isolatedStore(minimalConfig, { cookies }).needsDecisionReason()).to.equal(null);
  });

  it('keeps the consent id across updates, decidedAt from the first decision, updatedAt per change', () => {
    let now = 1_000_000;
    const kit = isolatedStore(undefined, { now: () => now });
    const first = kit.rejectAll();
    now += 5000;
    const second = kit.acceptAll();
    expect(second.id).to.equal(first.id);
    expect(second.decidedAt).to.equal(first.decidedAt);
    expect(second.updatedAt).to.equal(now);
    expect(first.updatedAt).to.equal(1_000_000);
  });

  it('fires privacy-consent-change on document with what changed', async () => {
    const kit = isolatedStore(undefined, { document });
    const events: CustomEvent<ConsentChange>[] = [];
    const listener = (e: Event) => events.push(e as CustomEvent<ConsentChange>);
    document.addEventListener('privacy-consent-change', listener);
    try {
      kit.update({ categories: { analytics: true }, services: { 'adobe-analytics': false } });
    } finally {
      document.removeEventListener('privacy-consent-change', listener);
    }
    expect(events.length).to.equal(1);
    const [event] = events;
    expect(event?.bubbles).to.equal(false);
    expect(event?.detail.changed).to.deep.equal(['analytics', 'google-analytics']);
    expect(event?.detail.granted).to.deep.equal(['necessary', 'analytics', 'google-analytics']);
    expect(event?.detail.denied).to.deep.equal(['marketing', 'adobe-analytics']);
    expect(event?.detail.previous).to.equal(null);
    expect(event?.detail.remote).to.equal(false);
    expect(event?.detail.state).to.deep.equal(kit.getConsent());
  });

  it('reports changed: [] when the same choice is saved again (scripts must not run twice)', () => {
    const kit = isolatedStore();
    const changes: ConsentChange[] = [];
    kit.subscribe((c) => changes.push(c));
    kit.acceptAll({ method: 'banner' });
    kit.acceptAll({ method: 'banner' });
    kit.update({ categories: { analytics: true, marketing: true } }, { method: 'preferences' });
    expect(changes.map((c) => c.changed.length)).to.deep.equal([4, 0, 0]);
    expect(changes[2]?.granted).to.include('google-analytics');
  });

  it('unsubscribes, and one failing subscriber does not silence the others', () => {
    const kit = isolatedStore();
    let calls = 0;
    const original = console.error;
    console.error = () => {};
    try {
      kit.subscribe(() => {
        throw new Error('broken integration');
      });
      const off = kit.on('change', () => calls++);
      kit.acceptAll();
      off();
      kit.rejectAll();
    } finally {
      console.error = original;
    }
    expect(calls).to.equal(1);
  });

  it('reset forgets the decision, removes the cookie and asks again', () => {
    const cookies = memoryStorage();
    const kit = isolatedStore(undefined, { cookies });
    kit.acceptAll();
    expect(cookies.read()).to.be.a('string');
    const changes: ConsentChange[] = [];
    const reasons: NeedsDecisionReason[] = [];
    kit.subscribe((c) => changes.push(c));
    kit.on('needs-decision', ({ reason }) => reasons.push(reason));
    kit.reset();
    expect(cookies.read()).to.equal(undefined);
    expect(kit.getConsent()).to.equal(null);
    expect(kit.needsDecisionReason()).to.equal('none');
    expect(changes[0]?.state).to.equal(null);
    expect(changes[0]?.changed).to.include('google-analytics');
    expect(reasons).to.deep.equal(['none']);
    expect(kit.isGranted('analytics')).to.equal(false);
  });

  it('after a damaged cookie was replaced by a decision, reset asks again as "none", not "invalid"', () => {
    const kit = isolatedStore(undefined, { cookies: memoryStorage('v1|damaged') });
    expect(kit.needsDecisionReason()).to.equal('invalid');
    kit.acceptAll();
    const reasons: NeedsDecisionReason[] = [];
    kit.on('needs-decision', ({ reason }) => reasons.push(reason));
    kit.reset();
    expect(reasons).to.deep.equal(['none']);
    expect(kit.needsDecisionReason()).to.equal('none');
  });

  it('calls a listener added while a change is announced only from the next change on', () => {
    const kit = isolatedStore();
    const heard: string[] = [];
    let added = false;
    kit.subscribe(() => {
      if (added) return;
      added = true;
      kit.subscribe((c) => heard.push(c.state?.method ?? 'reset'));
    });
    kit.acceptAll({ method: 'banner' });
    expect(heard).to.deep.equal([]);
    kit.rejectAll({ method: 'preferences' });
    expect(heard).to.deep.equal(['preferences']);
  });

  it('emits show-preferences with the opener', () => {
    const kit = isolatedStore();
    const button = document.createElement('button');
    const openers: (Element | null | undefined)[] = [];
    kit.on('show-preferences', ({ opener }) => openers.push(opener));
    kit.showPreferences(button);
    kit.showPreferences();
    expect(openers).to.deep.equal([button, null]);
  });

  it('reads a decision made earlier (a reload) from the cookie', () => {
    const cookies = memoryStorage();
    isolatedStore(undefined, { cookies }).update({ categories: { analytics: true } });
    const reloaded = isolatedStore(undefined, { cookies });
    expect(reloaded.needsDecision()).to.equal(false);
    expect(reloaded.isGranted('google-analytics')).to.equal(true);
    expect(reloaded.isGranted('marketing')).to.equal(false);
  });
});
