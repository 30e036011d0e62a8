/** The consent store asking again (revision, new purposes, expiry), the analytics exemption and GPC. */
import { expect } from '@open-wc/testing';
import { memoryStorage } from '../../src/core/index.js';
import { DAY, destroyStores, isolatedStore, minimalConfig, withServices } from './fixtures.js';

describe('consent store', () => {
  afterEach(destroyStores);

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

    it('grants no category the site has removed since the decision, though it is not asked again', () => {
      const withPreferences = {
        ...minimalConfig,
        categories: { ...minimalConfig.categories, preferences: {} },
      };
      const cookies = memoryStorage();
      isolatedStore(withPreferences, { cookies }).acceptAll();
      const kit = isolatedStore(minimalConfig, { cookies });
      expect(kit.needsDecisionReason()).to.equal(null);
      expect(kit.getConsent()?.categories['preferences']).to.equal(true);
      expect(kit.isGranted('analytics')).to.equal(true);
      expect(kit.isGranted('preferences')).to.equal(false);
    });

    it('still counts a decision exactly reconsentAfterDays old, and asks one millisecond later', () => {
      const decidedAt = 1_700_000_000_000;
      const cookies = memoryStorage();
      isolatedStore(minimalConfig, { cookies, now: () => decidedAt }).acceptAll();
      const at = (t: number) => isolatedStore(minimalConfig, { cookies, now: () => t }).needsDecisionReason();
      expect(at(decidedAt + 182 * DAY)).to.equal(null);
      expect(at(decidedAt + 182 * DAY + 1)).to.equal('expired');
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

    it('keeps running under Global Privacy Control, which refuses sale and sharing, not analytics', () => {
      const kit = isolatedStore(exempt, { navigator: { globalPrivacyControl: true } });
      expect(kit.getStoredConsent()?.method).to.equal('gpc');
      expect(kit.isGranted('analytics')).to.equal(true);
      expect(kit.isGranted('google-analytics')).to.equal(true);
      expect(kit.isGranted('marketing')).to.equal(false);
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

    it('keeps an objection once made: after a new revision or expiry, analytics refused earlier stays off', () => {
      const cookies = memoryStorage();
      isolatedStore(exempt, { cookies }).update({ categories: { analytics: false } });
      const revised = isolatedStore({ ...exempt, revision: '2025-01-01' }, { cookies });
      expect(revised.needsDecisionReason()).to.equal('revision');
      expect(revised.isGranted('analytics')).to.equal(false);
      expect(revised.isGranted('google-analytics')).to.equal(false);
      const expired = isolatedStore(exempt, { cookies, now: () => Date.now() + 200 * DAY });
      expect(expired.needsDecisionReason()).to.equal('expired');
      expect(expired.isGranted('analytics')).to.equal(false);
    });

    it('keeps a refused analytics service off after a new revision; the others run under the exemption', () => {
      const cookies = memoryStorage();
      isolatedStore(exempt, { cookies }).update({
        categories: { analytics: true },
        services: { 'adobe-analytics': false },
      });
      const kit = isolatedStore({ ...exempt, revision: '2025-01-01' }, { cookies });
      expect(kit.getConsent()).to.equal(null);
      expect(kit.isGranted('google-analytics')).to.equal(true);
      expect(kit.isGranted('adobe-analytics')).to.equal(false);
    });

    it('reports an out-of-date refusal as no change when the visitor refuses again, and a grant as one', () => {
      const cookies = memoryStorage();
      isolatedStore(exempt, { cookies }).update({ categories: { analytics: false } });
      const kit = isolatedStore({ ...exempt, revision: '2025-01-01' }, { cookies });
      const changes: string[][] = [];
      kit.subscribe((change) => changes.push([...change.changed]));
      kit.rejectAll();
      kit.acceptAll();
      expect(changes[0]).to.not.include('analytics');
      expect(changes[1]).to.include('analytics');
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

    it('does not let "accept all" after a new revision renew a marketing grant from before', () => {
      const cookies = memoryStorage();
      isolatedStore({ ...minimalConfig, revision: 'r1' }, { cookies }).acceptAll(); // before GPC was on
      const kit = isolatedStore({ ...minimalConfig, revision: 'r2' }, { ...gpc, cookies });
      expect(kit.needsDecisionReason()).to.equal('revision');
      kit.acceptAll({ method: 'banner' });
      expect(kit.isGranted('analytics')).to.equal(true);
      expect(kit.isGranted('marketing')).to.equal(false);
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
