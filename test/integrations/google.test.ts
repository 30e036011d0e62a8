import { expect } from '@open-wc/testing';
import { memoryStorage } from '../../src/core/index.js';
import {
  ensureGtagStub,
  googleConsent,
  installGoogle,
  pushConsentDefault,
} from '../../src/integrations/google.js';
import { CONFIG, captureWarnings, gtagCommands, makeKit, resetGoogleGlobals } from './helpers.js';

const V2_KEYS = ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage'];
const consentCommands = () => gtagCommands().filter((c) => c[0] === 'consent');
const gaDisabled = (id: string) => (window as unknown as Record<string, unknown>)['ga-disable-' + id];

describe('Google Consent Mode v2', () => {
  const stops: (() => void)[] = [];
  beforeEach(resetGoogleGlobals);
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    resetGoogleGlobals();
  });

  it('defines a gtag that pushes the real arguments object, which gtag.js requires', () => {
    const gtag = ensureGtagStub();
    gtag('event', 'x');
    expect(window.gtag).to.equal(gtag);
    expect(Object.prototype.toString.call(window.dataLayer?.[0])).to.equal('[object Arguments]');
    expect(Array.isArray(window.dataLayer?.[0])).to.equal(false);
  });

  it('keeps a gtag and dataLayer the page already defined', () => {
    const layer: unknown[] = ['earlier'];
    window.dataLayer = layer;
    const own = () => {};
    window.gtag = own;
    expect(ensureGtagStub()).to.equal(own);
    expect(window.dataLayer).to.equal(layer);
  });

  it('pushes the default first: the four v2 keys and storage denied, security granted, wait_for_update from config', () => {
    const kit = makeKit({ ...CONFIG, google: { waitForUpdate: 800 } });
    stops.push(installGoogle(kit));
    const [first] = consentCommands();
    expect(first?.slice(0, 2)).to.deep.equal(['consent', 'default']);
    const values = first?.[2] as Record<string, unknown>;
    for (const key of V2_KEYS) expect(values[key], key).to.equal('denied');
    expect(values.functionality_storage).to.equal('denied');
    expect(values.personalization_storage).to.equal('denied');
    expect(values.security_storage).to.equal('granted');
    expect(values.wait_for_update).to.equal(800);
  });

  it('pushes the default only once, however often it is asked', () => {
    pushConsentDefault();
    pushConsentDefault();
    stops.push(installGoogle(makeKit()));
    expect(consentCommands().filter((c) => c[1] === 'default')).to.have.length(1);
  });

  it('still pushes its default when the dataLayer holds only a plain array or an update: neither is a default gtag.js obeys', () => {
    window.dataLayer = [['consent', 'default', { analytics_storage: 'granted' }]];
    ensureGtagStub()('consent', 'update', { analytics_storage: 'granted' });
    pushConsentDefault();
    expect(consentCommands().map((c) => c[1])).to.deep.equal(['update', 'default']);
  });

  it("still pushes its default after the page's own default for some regions: other visitors need one", () => {
    const gtag = ensureGtagStub();
    gtag('consent', 'default', { analytics_storage: 'granted', region: ['US'] });
    pushConsentDefault();
    const defaults = consentCommands().filter((c) => c[1] === 'default');
    expect(defaults).to.have.length(2);
    expect(defaults[1]?.[2]).to.include({ analytics_storage: 'denied' });
    expect(defaults[1]?.[2]).not.to.have.property('region');
    // A default for every region the page pushed itself is still respected.
    gtag('consent', 'default', { analytics_storage: 'denied' });
    pushConsentDefault();
    expect(consentCommands().filter((c) => c[1] === 'default')).to.have.length(3);
  });

  it('still reaches Google after the page assigns a new dataLayer array: a withdrawal is not lost', () => {
    const kit = makeKit();
    stops.push(installGoogle(kit));
    kit.acceptAll();
    // An old GTM snippet placed after the loader: `dataLayer = [{...}]`.
    window.dataLayer = [{ 'gtm.start': 1 }];
    kit.rejectAll();
    const update = consentCommands().find((c) => c[1] === 'update');
    expect(update?.[2]).to.include({ analytics_storage: 'denied', ad_storage: 'denied' });
  });

  it('sends no update while no decision exists', () => {
    stops.push(installGoogle(makeKit()));
    expect(consentCommands().map((c) => c[1])).to.deep.equal(['default']);
  });

  it('with the analytics exemption, grants analytics_storage (only) before any decision', () => {
    stops.push(installGoogle(makeKit({ ...CONFIG, analyticsExemption: true })));
    const [first, update] = consentCommands();
    expect([first?.[1], update?.[1]]).to.deep.equal(['default', 'update']);
    expect(update?.[2]).to.include({ analytics_storage: 'granted', ad_storage: 'denied' });
  });

  it('sends an update granting analytics_storage on "Accept all", and one per decision when the same is saved again', () => {
    const kit = makeKit();
    stops.push(installGoogle(kit));
    kit.acceptAll();
    kit.acceptAll();
    kit.update({ categories: { analytics: true } });
    const updates = consentCommands().filter((c) => c[1] === 'update');
    expect(updates).to.have.length(3);
    expect(updates[2]?.[2]).to.deep.equal(updates[0]?.[2]);
    expect(updates[0]?.[2]).to.include({
      analytics_storage: 'granted',
      ad_storage: 'granted',
      security_storage: 'granted',
    });
  });

  it('sends an update from the stored decision on a later page load, before any tag config', () => {
    const cookies = memoryStorage();
    makeKit(CONFIG, cookies).update({ categories: { analytics: true, marketing: false } });
    const kit = makeKit(CONFIG, cookies);
    stops.push(installGoogle(kit));
    window.gtag?.('config', 'G-TEST1');
    const commands = gtagCommands();
    const update = commands.findIndex((c) => c[0] === 'consent' && c[1] === 'update');
    expect(update).to.be.greaterThan(0);
    expect(update).to.be.lessThan(commands.findIndex((c) => c[0] === 'config'));
    expect(commands[update]?.[2]).to.include({
      analytics_storage: 'granted',
      ad_storage: 'denied',
      ad_user_data: 'denied',
    });
  });

  it('denies analytics_storage when the visitor switched Google Analytics off inside analytics', () => {
    const kit = makeKit();
    kit.update({ categories: { analytics: true }, services: { 'google-analytics': false } });
    expect(googleConsent(kit).analytics_storage).to.equal('denied');
    kit.update({ services: { 'google-analytics': true } });
    expect(googleConsent(kit).analytics_storage).to.equal('granted');
  });

  it('keeps analytics_storage granted while one of two Google services in analytics is on', () => {
    const kit = makeKit({
      ...CONFIG,
      services: {
        ...CONFIG.services,
        'google-tag-manager': { category: 'analytics', google: { containerId: 'GTM-TEST' } },
      },
    });
    kit.update({ categories: { analytics: true }, services: { 'google-analytics': false } });
    expect(googleConsent(kit).analytics_storage).to.equal('granted');
    kit.update({ services: { 'google-tag-manager': false } });
    expect(googleConsent(kit).analytics_storage).to.equal('denied');
  });

  it('follows a configured consentMap', () => {
    const kit = makeKit({
      ...CONFIG,
      google: { consentMap: { necessary: ['functionality_storage'], marketing: ['ad_storage'] } },
    });
    kit.update({ categories: { analytics: true, marketing: false } });
    expect(googleConsent(kit)).to.include({
      functionality_storage: 'granted',
      analytics_storage: 'denied',
      ad_storage: 'denied',
    });
  });

  it('on withdrawal sends update denied and sets ga-disable; granting again clears it', () => {
    const kit = makeKit();
    stops.push(installGoogle(kit));
    kit.acceptAll();
    expect(gaDisabled('G-TEST1')).to.equal(false);
    kit.rejectAll();
    const last = consentCommands().at(-1);
    expect(last?.[1]).to.equal('update');
    expect(last?.[2]).to.include({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
    });
    expect(gaDisabled('G-TEST1')).to.equal(true);
    kit.acceptAll();
    expect(gaDisabled('G-TEST1')).to.equal(false);
  });

  it('goes back to denied after reset()', () => {
    const kit = makeKit();
    stops.push(installGoogle(kit));
    kit.acceptAll();
    kit.reset();
    expect(consentCommands().at(-1)?.[2]).to.include({ analytics_storage: 'denied' });
  });

  it('never loads a tag before consent in basic mode', () => {
    const kit = makeKit({
      ...CONFIG,
      services: { ga: { category: 'analytics', load: true, google: { measurementId: 'G-LOAD' } } },
    });
    stops.push(installGoogle(kit));
    kit.rejectAll();
    expect(document.querySelector('script[src*="googletagmanager"]')).to.equal(null);
    expect(gtagCommands().some((c) => c[0] === 'config')).to.equal(false);
  });

  it('warns once and loads nothing for "load": true without a measurement or container id', async () => {
    const kit = makeKit({ ...CONFIG, services: { ga: { category: 'analytics', load: true, google: {} } } });
    const warnings = await captureWarnings(() => {
      stops.push(installGoogle(kit));
      kit.acceptAll();
      kit.acceptAll();
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('services.ga');
    expect(document.querySelector('script[src*="googletagmanager"]')).to.equal(null);
    expect(Object.keys(window).some((k) => k.startsWith('ga-disable-'))).to.equal(false);
  });

  it('keeps every gtag command an Arguments object', () => {
    const kit = makeKit();
    stops.push(installGoogle(kit));
    kit.acceptAll();
    kit.rejectAll();
    for (const entry of window.dataLayer ?? [])
      expect(Object.prototype.toString.call(entry)).to.equal('[object Arguments]');
  });
});
