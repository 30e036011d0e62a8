import { expect } from '@open-wc/testing';
import { memoryStorage, type ConsentChange, type NeedsDecisionReason } from '../../src/core/index.js';
import { DAY, destroyStores, isolatedStore, minimalConfig } from './fixtures.js';

const withServices = {
  ...minimalConfig,
  services: { ...minimalConfig.services, youtube: { category: 'marketing' } },
};

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

  describe('asking again', () => {
    function storedUnder(config: unknown, now = () => Date.now()) {
      const cookies = memoryStorage();
      isolatedStore(minimalConfig, { cookies }).update({ categories: { analytics: true } });
      return isolatedStore(config, { cookies, now });
    }

    it('asks again on a new revision, with the earlier choice available and nothing granted', () => {
      const kit = storedUnder({ ...minimalConfig, revision: '2025-01-01' });
      expect(kit.needsDecisionReason()).to.equal('revision');
      expect(kit.getConsent()).to.equal(null);
      expect(kit.isGranted('analytics')).to.equal(false);
      expect(kit.getStoredConsent()?.categories['analytics']).to.equal(true);
    });

    it('asks again for a new category instead of recording it as refused', () => {
      const kit = storedUnder({
        ...minimalConfig,
        categories: { ...minimalConfig.categories, preferences: {} },
      });
      expect(kit.needsDecisionReason()).to.equal('purposes');
      expect(kit.isGranted('analytics')).to.equal(false);
      const stored = kit.getStoredConsent();
      expect(stored?.categories['analytics']).to.equal(true);
      expect(stored && Object.hasOwn(stored.categories, 'preferences')).to.equal(false);
      // The renewed decision keeps the earlier choices and the consent id.
      const renewed = kit.update({ categories: { preferences: false } });
      expect(renewed.id).to.equal(stored?.id);
      expect(kit.isGranted('analytics')).to.equal(true);
      expect(kit.needsDecision()).to.equal(false);
    });

    it('never grants a service added since the decision that nobody asked about', () => {
      const withHotjar = {
        ...withServices,
        services: { ...withServices.services, hotjar: { category: 'analytics' } },
      };
      const cookies = memoryStorage();
      isolatedStore(withServices, { cookies }).acceptAll();
      const kit = isolatedStore(withHotjar, { cookies });
      expect(kit.needsDecisionReason()).to.equal('purposes');
      // A gate's "always allow" names only its own service and category.
      kit.update({ categories: { marketing: true }, services: { youtube: true } }, { method: 'gate' });
      expect(kit.isGranted('youtube')).to.equal(true);
      expect(kit.isGranted('google-analytics')).to.equal(true);
      expect(kit.isGranted('hotjar')).to.equal(false);
      // Granting the category itself does grant it.
      kit.update({ categories: { analytics: true } });
      expect(kit.isGranted('hotjar')).to.equal(true);
    });

    it('after a new revision or expiry, a decision about one service renews nothing else', () => {
      const cookies = memoryStorage();
      const first = isolatedStore(withServices, { cookies }).acceptAll();
      const kit = isolatedStore({ ...withServices, revision: '2025-01-01' }, { cookies });
      expect(kit.needsDecisionReason()).to.equal('revision');
      const renewed = kit.update(
        { categories: { marketing: true }, services: { youtube: true } },
        { method: 'gate' },
      );
      expect(renewed.id).to.equal(first.id);
      expect(kit.isGranted('youtube')).to.equal(true);
      expect(kit.isGranted('analytics')).to.equal(false);
      expect(kit.isGranted('google-analytics')).to.equal(false);
      const old = memoryStorage();
      isolatedStore(withServices, { cookies: old }).acceptAll();
      const expired = isolatedStore(withServices, { cookies: old, now: () => Date.now() + 183 * DAY });
      expect(expired.needsDecisionReason()).to.equal('expired');
      expired.update({ categories: { marketing: true }, services: { youtube: true } }, { method: 'gate' });
      expect(expired.isGranted('youtube')).to.equal(true);
      expect(expired.isGranted('analytics')).to.equal(false);
    });

    it('asks again for a new service, but not for a removed one', () => {
      expect(storedUnder(withServices).needsDecisionReason()).to.equal('purposes');
      const fewer = {
        ...minimalConfig,
        services: { 'google-analytics': minimalConfig.services['google-analytics'] },
      };
      expect(storedUnder(fewer).needsDecisionReason()).to.equal(null);
      const necessaryService = {
        ...minimalConfig,
        services: { ...minimalConfig.services, cdn: { category: 'necessary' } },
      };
      const kit = storedUnder(necessaryService);
      expect(kit.needsDecisionReason()).to.equal(null);
      expect(kit.isGranted('cdn')).to.equal(true);
    });

    it('asks again once the decision is older than reconsentAfterDays', () => {
      const later = Date.now() + 182 * DAY + 60_000;
      expect(storedUnder(minimalConfig, () => Date.now() + 181 * DAY).needsDecisionReason()).to.equal(null);
      const kit = storedUnder(minimalConfig, () => later);
      expect(kit.needsDecisionReason()).to.equal('expired');
      expect(kit.isGranted('analytics')).to.equal(false);
      expect(
        storedUnder(
          { ...minimalConfig, reconsentAfterDays: 30 },
          () => Date.now() + 31 * DAY,
        ).needsDecisionReason(),
      ).to.equal('expired');
    });
  });

  describe("the Dutch regulator's analytics exemption (analyticsExemption: true)", () => {
    const exempt = { ...minimalConfig, analyticsExemption: true };

    it('is off by default: nothing but necessary is granted before a decision', () => {
      expect(isolatedStore(minimalConfig).isGranted('google-analytics')).to.equal(false);
    });

    it('grants analytics and its services until the visitor decides, never marketing; the banner still asks', () => {
      const kit = isolatedStore(exempt);
      expect(kit.isGranted('analytics')).to.equal(true);
      expect(kit.isGranted('google-analytics')).to.equal(true);
      expect(kit.isGranted('marketing')).to.equal(false);
      expect(kit.needsDecision()).to.equal(true);
    });

    it("is an opt-out: the visitor's refusal switches analytics off", () => {
      const kit = isolatedStore(exempt);
      kit.rejectAll();
      expect(kit.isGranted('analytics')).to.equal(false);
      expect(kit.isGranted('google-analytics')).to.equal(false);
      kit.update({ categories: { analytics: true }, services: { 'google-analytics': false } });
      expect(kit.isGranted('google-analytics')).to.equal(false);
      expect(kit.isGranted('adobe-analytics')).to.equal(true);
    });
  });

  describe('Global Privacy Control', () => {
    const gpc = { navigator: { globalPrivacyControl: true } };
    const saleConfig = {
      ...withServices,
      categories: { ...minimalConfig.categories, sharing: { sale: true } },
    };

    it('still shows the banner', () => {
      expect(isolatedStore(minimalConfig, gpc).needsDecision()).to.equal(true);
    });

    it('records the refusal with method "gpc" before the visitor decides, and asks them still', () => {
      const cookies = memoryStorage();
      const kit = isolatedStore(saleConfig, { ...gpc, cookies });
      expect(kit.getStoredConsent()).to.include({ method: 'gpc' });
      expect(kit.getStoredConsent()?.categories).to.include({ marketing: false, sharing: false });
      expect(kit.getConsent()).to.equal(null);
      expect(kit.needsDecisionReason()).to.equal('none');
      // The next page reads it back, asks again, and does not record a second one.
      const next = isolatedStore(saleConfig, { ...gpc, cookies, now: () => Date.now() + 60_000 });
      expect(next.needsDecision()).to.equal(true);
      expect(next.getStoredConsent()).to.deep.equal(kit.getStoredConsent());
      next.acceptAll({ method: 'banner' });
      expect(next.getConsent()).to.include({ method: 'banner' });
      expect(next.isGranted('marketing')).to.equal(false);
      expect(next.isGranted('analytics')).to.equal(true);
    });

    it('keeps marketing and sale categories refused on accept all until an explicit opt-in', () => {
      const kit = isolatedStore(saleConfig, gpc);
      kit.acceptAll({ method: 'banner' });
      expect(kit.isGranted('analytics')).to.equal(true);
      expect(kit.isGranted('marketing')).to.equal(false);
      expect(kit.isGranted('youtube')).to.equal(false);
      expect(kit.isGranted('sharing')).to.equal(false);
      kit.update({ categories: { marketing: true } }, { method: 'preferences' });
      expect(kit.isGranted('marketing')).to.equal(true);
      expect(kit.isGranted('youtube')).to.equal(true);
      kit.acceptAll();
      expect(kit.isGranted('marketing')).to.equal(true);
      expect(kit.isGranted('sharing')).to.equal(false);
    });

    it('is ignored when the config says gpc: false or the browser does not send it', () => {
      const off = isolatedStore({ ...minimalConfig, gpc: false }, gpc);
      off.acceptAll();
      expect(off.isGranted('marketing')).to.equal(true);
      const noSignal = isolatedStore(minimalConfig, { navigator: { globalPrivacyControl: false } });
      noSignal.acceptAll();
      expect(noSignal.isGranted('marketing')).to.equal(true);
    });
  });
});
