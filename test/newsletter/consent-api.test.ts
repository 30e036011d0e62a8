/** `<privacy-newsletter>` on a page with the consent API: endpoint, revision, policy link and consent id from it. */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import { resetPrivacyKitForTests, usePrivacyKit } from '../../src/elements/context.js';
import type { PrivacyNewsletter } from '../../src/elements/privacy-newsletter/index.js';
import { FakeNewsletterServer } from './fake-server.js';
import { $, reach, subscribe, text } from './helpers.js';

const toggle = (el: PrivacyNewsletter): HTMLElement => $(el, '[data-preference="measureOpens"]');

describe('<privacy-newsletter> with the consent API (script tag or usePrivacyKit)', () => {
  afterEach(() => resetPrivacyKitForTests());

  it('takes endpoint, revision and policy link from the config and sends the visitor consent id', async () => {
    const kit = createConsent(
      {
        revision: '2018-06-18',
        language: 'en',
        categories: { analytics: {} },
        newsletter: { endpoint: '/from-config/newsletter' },
        privacyPolicyUrl: '/privacy.html',
      },
      { cookies: memoryStorage(), BroadcastChannel: null, localStorage: null, document: null, window: null },
    );
    await kit.ready;
    const state = kit.acceptAll();
    usePrivacyKit(kit);
    const server = new FakeNewsletterServer('/from-config/newsletter');
    const original = window.fetch;
    window.fetch = server.fetch;
    try {
      const el = await fixture<PrivacyNewsletter>(html`<privacy-newsletter></privacy-newsletter>`);
      await el.updateComplete;
      // Language from the config (no lang on the page's element), revision and the policy link too.
      expect(text(el, '[part="heading"]')).to.equal('Subscribe to the newsletter');
      expect(text(el, '#consent-revision')).to.contain(
        'As described in the privacy statement dated 18 June 2018.',
      );
      expect($<HTMLAnchorElement>(el, '#consent-revision a').getAttribute('href')).to.equal('/privacy.html');
      await subscribe(el, 'jan@example.org');
      await reach(el, 'pending');
      expect(server.requestsTo('/subscribe')[0]?.body).to.include({
        revision: '2018-06-18',
        consentId: state.id,
      });
    } finally {
      window.fetch = original;
      kit.destroy();
    }
  });

  it('acts on a mail link once usePrivacyKit() supplies the endpoint after the element connected', async () => {
    const server = new FakeNewsletterServer('/late/newsletter');
    const token = server.addSubscriber('jan@example.org');
    const original = window.fetch;
    window.fetch = server.fetch;
    const kit = createConsent(
      { revision: '3', categories: {}, newsletter: { endpoint: '/late/newsletter' } },
      { cookies: memoryStorage(), BroadcastChannel: null, localStorage: null, document: null, window: null },
    );
    try {
      const el = await fixture<PrivacyNewsletter>(
        html`<privacy-newsletter lang="nl" token=${token}></privacy-newsletter>`,
      );
      await reach(el, 'unavailable');
      expect(server.requests).to.have.length(0);
      usePrivacyKit(kit);
      await reach(el, 'manage');
      toggle(el).click();
      await waitUntil(() => server.requestsTo('/preferences').length === 2);
      expect(server.requestsTo('/preferences')[1]?.body).to.deep.equal({
        token,
        revision: '3',
        measureOpens: true,
      });
    } finally {
      window.fetch = original;
      kit.destroy();
    }
  });

  it('never turns a javascript: policy URL from the config into a link', async () => {
    const kit = createConsent(
      {
        revision: '1',
        categories: {},
        newsletter: { endpoint: '/n' },
        privacyPolicyUrl: 'javascript:alert(1)',
      },
      { cookies: memoryStorage(), BroadcastChannel: null, localStorage: null, document: null, window: null },
    );
    usePrivacyKit(kit);
    try {
      const el = await fixture<PrivacyNewsletter>(html`<privacy-newsletter lang="nl"></privacy-newsletter>`);
      await el.updateComplete;
      expect(el.shadowRoot?.querySelector('a')).to.equal(null);
    } finally {
      kit.destroy();
    }
  });
});
