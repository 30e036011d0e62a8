import { expect } from '@open-wc/testing';
import { cookieStorage, createConsent, validateConfig, type ResolvedConfig } from '../../src/core/index.js';
import { captureWarnings, destroyStores, minimalConfig } from './fixtures.js';

const cookieDescriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;

/** Records every string written to `document.cookie`, passing it on to the browser unless `block`. */
function spyCookies(block = false): { writes: string[]; restore(): void } {
  const writes: string[] = [];
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => cookieDescriptor.get!.call(document),
    set: (value: string) => {
      writes.push(value);
      if (!block) cookieDescriptor.set!.call(document, value);
    },
  });
  return { writes, restore: () => void delete (document as { cookie?: string }).cookie };
}

function resolved(patch: Record<string, unknown> = {}): ResolvedConfig {
  const result = validateConfig({ ...minimalConfig, ...patch });
  if (!result.ok) throw new Error('bad test config');
  return result.value;
}

const clearCookie = (name: string) => (document.cookie = `${name}=; path=/; max-age=0`);

describe('consent cookie storage', () => {
  afterEach(() => {
    destroyStores();
    clearCookie('privacy_consent');
    clearCookie('site_consent');
  });

  it('writes the cookie with its name, path, SameSite and lifetime, readable back raw', () => {
    const spy = spyCookies();
    try {
      const config = {
        ...minimalConfig,
        cookie: { name: 'site_consent', maxAgeDays: 30, sameSite: 'Strict' },
      };
      const kit = createConsent(config, { localStorage: null, BroadcastChannel: null, window: null });
      const state = kit.acceptAll();
      kit.destroy();
      const written = spy.writes.find((w) => w.startsWith('site_consent='));
      expect(written).to.be.a('string');
      const attributes = written!
        .split('; ')
        .slice(1)
        .map((a) => a.toLowerCase());
      expect(attributes).to.include('path=/');
      expect(attributes).to.include('samesite=strict');
      const expires = attributes.find((a) => a.startsWith('expires='));
      const days = (Date.parse(expires!.slice(8)) - Date.now()) / 864e5;
      expect(days).to.be.within(29.9, 30.1);
      expect(attributes.some((a) => a.startsWith('domain='))).to.equal(false);
      // Secure only on https: the test page is served over http.
      expect(attributes).not.to.include('secure');
      expect(document.cookie).to.contain('site_consent=v1|' + state.id);
    } finally {
      spy.restore();
    }
  });

  it('writes the configured domain when the browser accepts it', () => {
    const spy = spyCookies();
    try {
      cookieStorage(resolved({ cookie: { domain: location.hostname } }).cookie, () => {}).write('v1|x');
      expect(spy.writes[0]).to.contain(`domain=${location.hostname}`);
    } finally {
      spy.restore();
    }
  });

  it('falls back to a host-only cookie, with a warning naming the domain, when the domain is refused', () => {
    const warnings = captureWarnings();
    const spy = spyCookies();
    try {
      const kit = createConsent(
        { ...minimalConfig, cookie: { domain: 'example.org' } },
        { localStorage: null, BroadcastChannel: null, window: null },
      );
      kit.acceptAll();
      kit.destroy();
      expect(warnings.messages.length).to.equal(1);
      expect(warnings.messages[0]).to.contain('"example.org"');
      expect(spy.writes.at(-1)).not.to.contain('domain=');
      const reloaded = createConsent(minimalConfig, {
        localStorage: null,
        BroadcastChannel: null,
        window: null,
      });
      expect(reloaded.isGranted('analytics')).to.equal(true);
      reloaded.destroy();
    } finally {
      spy.restore();
      warnings.restore();
    }
  });

  for (const [how, config] of [
    ['', minimalConfig],
    [
      ' (a cookie domain set: not named as the problem)',
      { ...minimalConfig, cookie: { domain: location.hostname } },
    ],
  ] as const)
    it(`keeps the decision for the page only, with one warning, when cookies are blocked${how}`, () => {
      const warnings = captureWarnings();
      const spy = spyCookies(true);
      try {
        const kit = createConsent(config, { localStorage: null, BroadcastChannel: null, window: null });
        kit.acceptAll();
        kit.rejectAll();
        kit.update({ categories: { analytics: true } });
        expect(kit.isGranted('analytics')).to.equal(true);
        expect(kit.needsDecision()).to.equal(false);
        expect(warnings.messages.length).to.equal(1);
        expect(warnings.messages[0]).to.contain('this page only');
        expect(document.cookie).not.to.contain('privacy_consent=');
        kit.destroy();
        const reloaded = createConsent(minimalConfig, {
          localStorage: null,
          BroadcastChannel: null,
          window: null,
        });
        expect(reloaded.needsDecision()).to.equal(true);
        reloaded.destroy();
      } finally {
        spy.restore();
        warnings.restore();
      }
    });

  it('writes sameSite "None" as Lax over plain http, where browsers refuse None (no Secure there)', () => {
    const warnings = captureWarnings();
    const spy = spyCookies();
    try {
      const config = { ...minimalConfig, cookie: { sameSite: 'None' } };
      const kit = createConsent(config, { localStorage: null, BroadcastChannel: null, window: null });
      kit.rejectAll();
      kit.destroy();
      expect(location.protocol).to.equal('http:');
      expect(spy.writes.at(-1)!.toLowerCase()).to.contain('samesite=lax');
      const reloaded = createConsent(config, { localStorage: null, BroadcastChannel: null, window: null });
      expect(reloaded.needsDecisionReason()).to.equal(null);
      reloaded.destroy();
      expect(warnings.messages).to.deep.equal([]);
    } finally {
      spy.restore();
      warnings.restore();
    }
  });

  it('removes the cookie on reset', () => {
    const kit = createConsent(minimalConfig, { localStorage: null, BroadcastChannel: null, window: null });
    kit.acceptAll();
    expect(document.cookie).to.contain('privacy_consent=');
    kit.reset();
    expect(document.cookie).not.to.contain('privacy_consent=');
    kit.destroy();
  });

  it('treats a hand-edited cookie as no decision', () => {
    const kit = createConsent(minimalConfig, { localStorage: null, BroadcastChannel: null, window: null });
    kit.rejectAll();
    kit.destroy();
    const value = document.cookie
      .split('; ')
      .find((c) => c.startsWith('privacy_consent='))!
      .slice('privacy_consent='.length);
    document.cookie = `privacy_consent=${value.replace('analytics:0', 'analytics:1')}; path=/`;
    const reloaded = createConsent(minimalConfig, {
      localStorage: null,
      BroadcastChannel: null,
      window: null,
    });
    expect(reloaded.needsDecisionReason()).to.equal('invalid');
    expect(reloaded.isGranted('analytics')).to.equal(false);
    reloaded.destroy();
  });
});
