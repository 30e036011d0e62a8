import { expect } from '@open-wc/testing';
import {
  ConfigError,
  createConsent,
  formatErrors,
  validateConfig,
  type ValidationError,
} from '../../src/core/index.js';
import { destroyStores, isolatedStore, minimalConfig } from './fixtures.js';
import { memoryStorage } from '../../src/core/index.js';
import { encodeConsent } from '../../src/core/cookie-encode.js';

function errorsOf(input: unknown): readonly ValidationError[] {
  const result = validateConfig(input);
  expect(result.ok, 'config should be invalid').to.equal(false);
  return result.ok ? [] : result.errors;
}

const withField = (patch: Record<string, unknown>) => ({ ...minimalConfig, ...patch });

describe('validateConfig', () => {
  it('accepts the minimal config of the script-tag contract and fills in every default', () => {
    const result = validateConfig(JSON.parse(JSON.stringify(minimalConfig)));
    if (!result.ok) throw new Error(formatErrors(result.errors));
    const c = result.value;
    expect(Object.keys(c.categories)).to.deep.equal(['necessary', 'analytics', 'marketing']);
    expect(c.cookie).to.deep.equal({ name: 'privacy_consent', maxAgeDays: 182, sameSite: 'Lax' });
    expect(c.reconsentAfterDays).to.equal(182);
    expect(c.gpc).to.equal(true);
    expect(c.language).to.equal('nl');
    expect(c.translations).to.deep.equal({});
    expect(c.analyticsExemption).to.equal(false);
    expect(c.google).to.deep.equal({
      mode: 'basic',
      consentMap: {
        analytics: ['analytics_storage'],
        marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
        preferences: ['functionality_storage', 'personalization_storage'],
      },
      waitForUpdate: 500,
    });
  });

  it('uses language nl and no services when they are left out', () => {
    const result = validateConfig({ revision: '1', categories: {} });
    expect(result.ok && result.value.language).to.equal('nl');
    expect(result.ok && result.value.services).to.deep.equal({});
    expect(result.ok && Object.keys(result.value.categories)).to.deep.equal(['necessary']);
  });

  it('allows listing necessary, with its own label, and accepts its own resolved output again', () => {
    const result = validateConfig(
      withField({ categories: { necessary: { label: { nl: 'Nodig', en: 'Needed' } }, analytics: {} } }),
    );
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(result.value.categories['necessary']).to.deep.equal({ label: { nl: 'Nodig', en: 'Needed' } });
      expect(validateConfig(result.value).ok).to.equal(true);
    }
  });

  it('keeps given values over defaults', () => {
    const result = validateConfig(
      withField({
        cookie: { name: 'kk', domain: 'example.org' },
        gpc: false,
        google: { mode: 'advanced', waitForUpdate: 0 },
      }),
    );
    expect(result.ok && result.value.cookie).to.deep.equal({
      name: 'kk',
      domain: 'example.org',
      maxAgeDays: 182,
      sameSite: 'Lax',
    });
    expect(result.ok && result.value.gpc).to.equal(false);
    expect(result.ok && result.value.google.mode).to.equal('advanced');
    // 0 is a value (Google's own default: no wait), not a missing one.
    expect(result.ok && result.value.google.waitForUpdate).to.equal(0);
    expect(validateConfig(withField({ google: { mode: 'advanced' } }))).to.have.nested.property(
      'value.google.waitForUpdate',
      500,
    );
  });

  it('names a service whose category does not exist', () => {
    const errors = errorsOf(withField({ services: { youtube: { category: 'video' } } }));
    expect(formatErrors(errors)).to.equal('services.youtube.category: unknown category "video"');
  });

  it('reports unknown keys with their path', () => {
    expect(formatErrors(errorsOf(withField({ cookie: { nmae: 'x' } })))).to.equal('cookie.nmae: unknown key');
    expect(formatErrors(errorsOf(withField({ revison: 'x' })))).to.equal('revison: unknown key');
    expect(
      formatErrors(errorsOf(withField({ services: { ga: { category: 'analytics', googel: {} } } }))),
    ).to.equal('services.ga.googel: unknown key');
  });

  it('names each field with the wrong type', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ revision: '' }, 'revision'],
      [{ revision: 20180618 }, 'revision'],
      [{ revision: 'x'.repeat(65) }, 'revision'],
      // A lone surrogate cannot be URI-encoded into the cookie: every decision would throw.
      [{ revision: '2018-06-18\ud800' }, 'revision'],
      [{ language: 5 }, 'language'],
      [{ categories: [] }, 'categories'],
      [{ categories: { analytics: { sale: 'yes' } } }, 'categories.analytics.sale'],
      [{ categories: { analytics: { label: 3 } } }, 'categories.analytics.label'],
      [{ categories: { analytics: { label: { nl: 3 } } } }, 'categories.analytics.label'],
      [{ services: { ga: { category: 'analytics', cookies: '_ga' } } }, 'services.ga.cookies'],
      [
        { services: { ga: { category: 'analytics', cookies: ['_ga', { lifetime: '2y' }] } } },
        'services.ga.cookies.1.name',
      ],
      [{ services: { ga: { category: 'analytics', adobe: { mode: 'beacon' } } } }, 'services.ga.adobe.mode'],
      [{ services: { ga: {} } }, 'services.ga.category'],
      [{ cookie: { sameSite: 'lax' } }, 'cookie.sameSite'],
      [{ cookie: { maxAgeDays: -1 } }, 'cookie.maxAgeDays'],
      [{ cookie: { maxAgeDays: 1e9 } }, 'cookie.maxAgeDays'],
      [{ cookie: { maxAgeDays: 0 } }, 'cookie.maxAgeDays'],
      [{ reconsentAfterDays: 0 }, 'reconsentAfterDays'],
      [{ services: { ga: { category: 'analytics', cookiePaths: '/shop' } } }, 'services.ga.cookiePaths'],
      [{ cookie: { name: 'a b;c' } }, 'cookie.name'],
      [{ reconsentAfterDays: '182' }, 'reconsentAfterDays'],
      [{ sync: {} }, 'sync.endpoint'],
      [{ gpc: 'true' }, 'gpc'],
      [{ google: { consentMap: { analytics: ['analytics'] } } }, 'google.consentMap.analytics.0'],
      [{ translations: { en: { 'banner.title': 1 } } }, 'translations.en.banner.title'],
      [{ analyticsExemption: 1 }, 'analyticsExemption'],
      [{ language: null }, 'language'],
    ];
    for (const [patch, path] of cases) {
      const errors = errorsOf(withField(patch));
      expect(
        errors.map((e) => e.path),
        JSON.stringify(patch),
      ).to.include(path);
      for (const e of errors) expect(e.message).to.be.a('string').and.not.be.empty;
    }
  });

  it('says what is required', () => {
    expect(formatErrors(errorsOf({ categories: {} }))).to.equal('revision: required');
    expect(formatErrors(errorsOf({ revision: 'x' }))).to.equal('categories: required');
  });

  it('checks the statement link: src required, bindRevision a boolean', () => {
    const base = { revision: 'x', categories: {} };
    expect(formatErrors(errorsOf({ ...base, statement: { bindRevision: true } }))).to.equal(
      'statement.src: required',
    );
    expect(formatErrors(errorsOf({ ...base, statement: { src: '/s.json', bindRevision: 'yes' } }))).to.equal(
      'statement.bindRevision: expected a boolean',
    );
    const ok = validateConfig({ ...base, statement: { src: '/s.json', bindRevision: true } });
    expect(ok.ok && ok.value.statement).to.deep.equal({ src: '/s.json', bindRevision: true });
  });

  it('refuses a config that is not an object', () => {
    for (const input of [null, undefined, [], 'config', 42, true]) {
      expect(formatErrors(errorsOf(input))).to.equal('config: expected an object');
    }
  });

  it('refuses hostile names without echoing them unbounded', () => {
    for (const name of [
      '<img src=x onerror=alert(1)>',
      '__proto__',
      'Analytics',
      'a.b',
      '',
      'x'.repeat(65),
    ]) {
      const input = JSON.parse(`{"revision":"1","categories":{${JSON.stringify(name)}:{}}}`);
      const errors = errorsOf(input);
      expect(errors[0]?.path).to.equal('categories');
      expect(errors[0]?.message).to.match(/^invalid name/);
      expect(errors[0]?.message.length).to.be.below(120);
    }
  });

  it('does not mistake Object.prototype members for known keys', () => {
    expect(errorsOf(withField({ constructor: {} })).map((e) => e.path)).to.deep.equal(['constructor']);
    const proto = JSON.parse('{"revision":"1","categories":{},"__proto__":{"gpc":1}}');
    expect(errorsOf(proto).map((e) => e.path)).to.deep.equal(['__proto__']);
    // Inherited fields are not the config's own: resolving it would drop them.
    expect(errorsOf(Object.create(minimalConfig)).map((e) => e.path)).to.deep.equal([
      'revision',
      'categories',
    ]);
  });

  it('refuses a service named like a category', () => {
    expect(
      formatErrors(errorsOf(withField({ services: { analytics: { category: 'analytics' } } }))),
    ).to.equal('services.analytics: name used by a category');
  });

  it('refuses a config whose names would not fit the consent cookie, and keeps a decision made under the largest it accepts', () => {
    // Services of 40-character names, as many as fit: one more makes a cookie the codec refuses
    // when it reads it back, which would ask the visitor again on every page.
    const withServices = (count: number) =>
      withField({
        services: Object.fromEntries(
          Array.from({ length: count }, (_, i) => [
            's' + String(i).padStart(39, '0'),
            { category: 'analytics' },
          ]),
        ),
      });
    let count = 1;
    while (count < 200 && validateConfig(withServices(count + 1)).ok) count++;
    expect(count).to.be.within(60, 80);
    const [error] = errorsOf(withServices(count + 1));
    expect(error?.path).to.equal('services');
    expect(error?.message).to.match(
      /^too many or too long names: a consent cookie of 30\d\d characters, over 3072$/,
    );

    // The figure is the encoder's own: the longest value it writes (the latest times, the longest
    // method, an id of 36 characters, a checksum of 7) under count + 1 services.
    const longest = (config: ReturnType<typeof withServices>) => {
      const all = (names: object) => Object.fromEntries(Object.keys(names).map((n) => [n, true]));
      const value = encodeConsent({
        schema: 1,
        id: crypto.randomUUID(),
        revision: config.revision,
        decidedAt: 36 ** 8 - 1,
        updatedAt: 36 ** 8 - 1,
        method: 'preferences',
        categories: all({ necessary: 1, ...config.categories }),
        services: all(config.services as object),
      });
      return value.length - value.slice(value.lastIndexOf('|') + 1).length + 7;
    };
    expect(error?.message).to.contain(` ${longest(withServices(count + 1))} characters`);
    expect(longest(withServices(count))).to.be.at.most(3072);

    const cookies = memoryStorage();
    isolatedStore(withServices(count), { cookies }).acceptAll();
    const again = isolatedStore(withServices(count), { cookies });
    expect(again.needsDecision()).to.equal(false);
    expect(again.isGranted('s' + String(count - 1).padStart(39, '0'))).to.equal(true);
    destroyStores();
  });

  it('counts a config without services right: the largest it accepts still gives a cookie read back', () => {
    // Categories only: the cookie then has an empty services list, one separator fewer to share.
    const withCategories = (count: number) => ({
      revision: 'r',
      categories: Object.fromEntries(
        Array.from({ length: count }, (_, i) => ['c' + String(i).padStart(39, '0'), {}]),
      ),
    });
    let count = 1;
    while (count < 200 && validateConfig(withCategories(count + 1)).ok) count++;
    // Longer names on the last one, up to the limit: the figure lands exactly on 3072.
    const config = withCategories(count);
    for (let extra = 1; validateConfig(config).ok; extra++) {
      const names = Object.keys(config.categories);
      const last = names[names.length - 1]!;
      delete config.categories[last];
      config.categories[last + 'x'] = {};
      if (!validateConfig(config).ok) {
        delete config.categories[last + 'x'];
        config.categories[last] = {};
        break;
      }
      expect(extra).to.be.below(100);
    }
    expect(validateConfig(config).ok).to.equal(true);
    // Decisions with fresh ids (checksums of 6 or 7 digits), the longest method, read back.
    for (let k = 0; k < 20; k++) {
      const cookies = memoryStorage();
      isolatedStore(config, { cookies }).update({ categories: {} }, { method: 'preferences' });
      expect(cookies.read()!.length).to.be.at.most(3072);
      expect(isolatedStore(config, { cookies }).needsDecisionReason()).to.equal(null);
    }
    destroyStores();
  });

  it('makes createConsent throw a ConfigError listing every problem', () => {
    try {
      createConsent({ revision: '', categories: { a: 1 } });
      expect.fail('should throw');
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigError);
      const e = error as ConfigError;
      expect(e.errors.map((x) => x.path)).to.deep.equal(['revision', 'categories.a']);
      expect(e.message).to.contain('revision: expected 1 to 64 characters; categories.a: expected an object');
    }
  });
});
