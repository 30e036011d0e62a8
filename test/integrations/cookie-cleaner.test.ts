import { expect } from '@open-wc/testing';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import { clearCookies, cookieDomains, installCookieCleaner } from '../../src/integrations/cookie-cleaner.js';
import { hasRefusedCookies } from '../../src/integrations/cookie-patterns.js';
import { CONFIG, makeKit } from './helpers.js';

const TRACKING = [
  '_ga',
  '_ga_ABC',
  '_gid',
  '_gat_UA1',
  '_gcl_au',
  'AMCV_x%40AdobeOrg',
  'AMCVS_x%40AdobeOrg',
  's_vi',
  's_cc',
  'kndctr_x_identity',
  'mbox',
];
/** GA in analytics plus a Google Ads service in marketing: Google's cookies follow Consent Mode. */
const WITH_GOOGLE_ADS = {
  ...CONFIG,
  services: { ...CONFIG.services, 'google-ads': { category: 'marketing', google: {} } },
};
const names = () =>
  document.cookie
    .split('; ')
    .filter(Boolean)
    .map((c) => c.split('=')[0]);
const set = (name: string, extra = '') => (document.cookie = `${name}=1; path=/${extra}`);
const wipe = () =>
  names().forEach((n) =>
    ['/', '/test/integrations'].forEach((p) => (document.cookie = `${n}=; Max-Age=0; path=${p}`)),
  );

describe('cookie clearing', () => {
  const stops: (() => void)[] = [];
  beforeEach(wipe);
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    wipe();
  });

  it('lists the host (host-only), then each parent domain, never the top-level domain', () => {
    expect(cookieDomains('www.site.test')).to.deep.equal([undefined, 'www.site.test', 'site.test']);
    expect(cookieDomains('a.b.example.co.uk')).to.deep.equal([
      undefined,
      'a.b.example.co.uk',
      'b.example.co.uk',
      'example.co.uk',
      'co.uk',
    ]);
    expect(cookieDomains('localhost')).to.deep.equal([undefined]);
    expect(cookieDomains('127.0.0.1')).to.deep.equal([undefined]);
    expect(cookieDomains('[::1]')).to.deep.equal([undefined]);
  });

  it('deletes Google and Adobe cookies on withdrawal and keeps the consent cookie and unrelated ones', () => {
    const kit = createConsent(CONFIG, {
      BroadcastChannel: null,
      localStorage: null,
      window: null,
      document: null,
      navigator: null,
    });
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    TRACKING.forEach((n) => set(n));
    set('session');
    kit.rejectAll();
    expect(names().sort()).to.deep.equal(['privacy_consent', 'session']);
  });

  it('deletes every Google and Adobe cookie consent-gating.md lists', () => {
    const spec = [
      ['_ga', '_ga_ABC', '_gid', '_gat', '_gat_UA1', '_dc_gtm_UA1', '_gac_UA1', '_gcl_au'],
      ['s_cc', 's_sq', 's_vi', 's_fid', 's_ecid', 's_ac', 'AMCV_x', 'AMCVS_x', 'adobeujs-optin'],
      ['kndctr_x_identity', 'mbox', 'mboxEdgeCluster'],
    ].flat();
    const kit = makeKit();
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    spec.forEach((n) => set(n));
    kit.rejectAll();
    expect(names()).to.deep.equal([]);
  });

  it("keeps the consent cookie even when a refused service's pattern matches it", () => {
    const config = {
      ...CONFIG,
      services: { ...CONFIG.services, youtube: { category: 'marketing', cookies: ['privacy_*'] } },
    };
    const kit = makeKit(config);
    stops.push(installCookieCleaner(kit));
    set('privacy_consent');
    set('privacy_other');
    kit.rejectAll();
    expect(names()).to.deep.equal(['privacy_consent']);
  });

  it('tells whether cookies of refused services are on the page (the loader then fetches the cleaner)', () => {
    const kit = makeKit(WITH_GOOGLE_ADS);
    set('session');
    expect(hasRefusedCookies(kit), 'no tracker cookie').to.equal(false);
    kit.update({ categories: { analytics: true, marketing: false } });
    set('_ga');
    expect(hasRefusedCookies(kit), 'a refused Google Ads shares _ga with a granted Analytics').to.equal(
      false,
    );
    kit.rejectAll();
    expect(hasRefusedCookies(kit), "a refused one's").to.equal(true);
  });

  it("deletes nothing of a service still granted (Google's ad cookies follow ad_storage: see below)", () => {
    const kit = makeKit();
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    TRACKING.forEach((n) => set(n));
    kit.update({ services: { youtube: false } });
    expect(names()).to.include.members(TRACKING);
    kit.update({ categories: { marketing: false } });
    expect(names()).to.include.members(TRACKING.filter((n) => n !== '_gcl_au'));
    expect(names()).to.not.include('_gcl_au');
  });

  it('deletes what an earlier grant left when the stored decision refuses, on page load', () => {
    const cookies = memoryStorage();
    makeKit(CONFIG, cookies).rejectAll();
    set('_ga');
    set('s_vi');
    stops.push(installCookieCleaner(makeKit(CONFIG, cookies)));
    expect(names()).to.deep.equal([]);
  });

  it("deletes a service's configured cookie patterns, and only that service's", () => {
    const config = {
      ...CONFIG,
      services: {
        ...CONFIG.services,
        youtube: { category: 'marketing', cookies: ['VISITOR_*', { name: 'YSC' }] },
      },
    };
    const kit = makeKit(config);
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    ['VISITOR_INFO1_LIVE', 'YSC', '_ga', 'VISITORS'].forEach((n) => set(n));
    kit.update({ categories: { marketing: false } });
    expect(names().sort()).to.deep.equal(['VISITORS', '_ga']);
  });

  it("keeps a cookie a still-granted service also sets (a shared _ga), but not Google's ad cookies once ad_storage is refused", () => {
    const kit = makeKit(WITH_GOOGLE_ADS);
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    set('_ga');
    set('_gcl_au');
    set('_gac_UA1');
    kit.update({ categories: { marketing: false } });
    expect(names()).to.deep.equal(['_ga']);
    kit.rejectAll();
    expect(names()).to.deep.equal([]);
  });

  it("deletes Google's ad cookies when marketing is withdrawn while Google Analytics stays granted", () => {
    const kit = makeKit();
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    set('_ga');
    set('_gcl_au');
    kit.update({ categories: { marketing: false } });
    expect(names()).to.deep.equal(['_ga']);
  });

  it("deletes Google's ad cookies when Google is told ad_storage is denied: marketing on, its Google Ads service off", () => {
    const kit = makeKit(WITH_GOOGLE_ADS);
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    set('_ga');
    set('_gcl_au');
    kit.update({ services: { 'google-ads': false } });
    expect(names()).to.deep.equal(['_ga']);
  });

  it("deletes Google's analytics cookies when analytics is refused while Google Ads (marketing) stays granted", () => {
    const kit = makeKit(WITH_GOOGLE_ADS);
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    ['_ga', '_ga_ABC', '_gid', '_gat', '_gat_UA1', '_dc_gtm_UA1', '_gac_UA1', '_gcl_au'].forEach((n) =>
      set(n),
    );
    kit.update({ categories: { analytics: false } });
    // Google is told analytics_storage denied, ad_storage granted: its cookies follow suit.
    expect(names().sort()).to.deep.equal(['_gac_UA1', '_gcl_au']);
  });

  it('leaves _gcl_ cookies alone on a site whose config has no Google service', () => {
    const kit = makeKit({
      revision: 'r1',
      categories: { marketing: {} },
      services: { vimeo: { category: 'marketing' } },
    });
    stops.push(installCookieCleaner(kit));
    kit.rejectAll();
    set('_gcl_au');
    kit.rejectAll();
    expect(names()).to.deep.equal(['_gcl_au']);
  });

  it('deletes at the extra cookiePaths too', async () => {
    const config = {
      ...CONFIG,
      services: { 'google-analytics': { category: 'analytics', cookiePaths: ['/test/integrations'] } },
    };
    const kit = makeKit(config);
    stops.push(installCookieCleaner(kit));
    kit.acceptAll();
    set('_ga');
    document.cookie = '_ga=deep; path=/test/integrations';
    kit.rejectAll();
    const frame = document.createElement('iframe');
    frame.src = '/test/integrations/fixtures/blank.html';
    const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
    document.body.append(frame);
    await loaded;
    expect(frame.contentDocument?.cookie).to.equal('');
    frame.remove();
  });

  it('treats a pattern as a whole-name match with only * special', () => {
    ['_ga', 'x_ga', '_ga.old', '_gaX'].forEach((n) => set(n));
    expect(clearCookies(['_ga', '_g.*']).sort()).to.deep.equal(['_ga']);
    expect(names().sort()).to.deep.equal(['_ga.old', '_gaX', 'x_ga']);
  });
});
