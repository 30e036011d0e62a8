// Known failures #1, #2 and Google's advanced mode at the level of the exported integration
// functions (privacy-kit/integrations), next to the whole-page checks in test/e2e/known-failures.
// No test here makes the browser ask Google: no "load": true tag is granted.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { PrivacyKit } from '../../src/core/index.js';
import { installBlockedContent, installGoogle } from '../../src/integrations/index.js';
import {
  CONFIG,
  gtagCommands,
  makeKit,
  ranScripts as ran,
  resetGoogleGlobals,
  settleBlocked as settle,
} from './helpers.js';

const RECORD = '/test/integrations/fixtures/record.js?n=';
const ALL_TYPES = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
];

/** A blocked script: external (`src`) or inline, recording `name` (inline: and whether `needs` ran). */
function blocked(consent: string, name: string, { src = false, needs = '' } = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.consent = consent;
  if (src) script.dataset.src = RECORD + name;
  else {
    const check = needs
      ? ` + ((window.__ran || []).includes(${JSON.stringify(needs)}) ? '' : ' WITHOUT ${needs}')`
      : '';
    script.text = `(window.__ran ||= []).push(${JSON.stringify(name)}${check});`;
  }
  return script;
}

describe('known-failure #2: blocked scripts added later keep document order', () => {
  let root: HTMLDivElement;
  let kit: PrivacyKit;
  let stop: () => void = () => {};

  beforeEach(() => {
    window.__ran = [];
    root = document.createElement('div');
    document.body.append(root);
    kit = makeKit();
  });
  afterEach(() => {
    stop();
    root.remove();
  });

  it('runs external and inline scripts added before and after consent once each, an inline one after the library it needs', async () => {
    root.append(
      blocked('analytics', 'lib-a', { src: true }),
      blocked('analytics', 'uses-a', { needs: 'lib-a' }),
    );
    stop = installBlockedContent(kit, { root });
    const later = document.createElement('section');
    later.append(
      blocked('google-analytics', 'lib-b', { src: true }),
      blocked('google-analytics', 'uses-b', { needs: 'lib-b' }),
    );
    root.append(later);
    // Added after the others but placed before them: document order puts it first.
    root.prepend(blocked('analytics', 'first'));
    await settle(root);
    expect(ran()).to.deep.equal([]);

    kit.acceptAll();
    await waitUntil(() => ran().includes('uses-b'), 'the scripts present at consent ran');
    root.append(
      blocked('analytics', 'lib-c', { src: true }),
      blocked('analytics', 'uses-c', { needs: 'lib-c' }),
    );
    await waitUntil(() => ran().includes('uses-c'), 'the scripts added after consent ran');
    kit.acceptAll();
    await settle(root);
    expect(ran()).to.deep.equal(['first', 'lib-a', 'uses-a', 'lib-b', 'uses-b', 'lib-c', 'uses-c']);
  });
});

describe('Google Consent Mode: withdrawal and advanced mode', () => {
  let stop: () => void = () => {};
  beforeEach(resetGoogleGlobals);
  afterEach(() => {
    stop();
    resetGoogleGlobals();
  });

  const lastConsent = () =>
    gtagCommands()
      .filter((c) => c[0] === 'consent')
      .at(-1);
  const gaDisabled = () => (window as unknown as Record<string, unknown>)['ga-disable-G-TEST1'];
  const expectAll = (value: 'granted' | 'denied') => {
    const command = lastConsent();
    expect(command?.[1]).to.equal('update');
    const values = command?.[2] as Record<string, string>;
    for (const type of ALL_TYPES) expect(values[type], type).to.equal(value);
    expect(values.security_storage).to.equal('granted');
  };

  it('known-failure #1: a withdrawal denies every mapped type, preferences storage included, whichever way it is made', () => {
    const kit = makeKit({ ...CONFIG, categories: { ...CONFIG.categories, preferences: {} } });
    stop = installGoogle(kit);
    kit.acceptAll();
    expectAll('granted');
    kit.rejectAll();
    expectAll('denied');
    kit.acceptAll();
    kit.update({ categories: { analytics: false, marketing: false, preferences: false } });
    expectAll('denied');
    expect(gaDisabled()).to.equal(true);
  });

  it('advanced mode sets ga-disable only once a grant is withdrawn; basic mode while analytics is refused', () => {
    const advanced = makeKit({ ...CONFIG, google: { mode: 'advanced' } });
    stop = installGoogle(advanced);
    expect(gaDisabled()).to.equal(undefined);
    advanced.rejectAll();
    expect(gaDisabled(), 'refusing what was never granted').to.equal(undefined);
    expect(lastConsent()?.[2]).to.include({ analytics_storage: 'denied' });
    advanced.acceptAll();
    expect(gaDisabled()).to.equal(false);
    advanced.rejectAll();
    expect(gaDisabled(), 'withdrawing a grant').to.equal(true);
    stop();

    resetGoogleGlobals();
    const basic = makeKit();
    stop = installGoogle(basic);
    basic.rejectAll();
    expect(gaDisabled()).to.equal(true);
  });
});
