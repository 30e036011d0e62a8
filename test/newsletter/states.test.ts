import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { createNewsletterClient } from '../../src/core/newsletter.js';
import type { PrivacyNewsletter } from '../../src/elements/privacy-newsletter/index.js';
import { FakeNewsletterServer } from './fake-server.js';
import { $, confirmLink, mount, reach, subscribe, text } from './helpers.js';

/** Brings a fresh element into each state a visitor can meet. */
const STATES: Record<string, () => Promise<PrivacyNewsletter>> = {
  async loading() {
    const server = new FakeNewsletterServer();
    server.breakNext('hang');
    const { el } = await mount({ server, token: 'manage-1' });
    expect(el.state).to.equal('loading');
    return el;
  },
  async subscribe() {
    return (await mount()).el;
  },
  async 'subscribe with errors'() {
    const { el } = await mount();
    await subscribe(el, 'x@', { consent: false });
    return el;
  },
  async pending() {
    const { el } = await mount();
    await subscribe(el, 'jan@example.org');
    await reach(el, 'pending');
    return el;
  },
  async 'confirmation link'() {
    const server = new FakeNewsletterServer();
    const { el } = await mount({ server, token: server.addPending('jan@example.org'), action: 'confirm' });
    await reach(el, 'confirm');
    return el;
  },
  async confirmed() {
    const server = new FakeNewsletterServer();
    const { el } = await mount({ server, token: server.addPending('jan@example.org'), action: 'confirm' });
    await confirmLink(el);
    await reach(el, 'confirmed');
    return el;
  },
  async manage() {
    const server = new FakeNewsletterServer();
    const { el } = await mount({
      server,
      token: server.addSubscriber('jan@example.org', { objectResearch: true }),
    });
    await reach(el, 'manage');
    return el;
  },
  async unsubscribed() {
    const server = new FakeNewsletterServer();
    const { el } = await mount({
      server,
      token: server.addSubscriber('jan@example.org'),
      action: 'unsubscribe',
    });
    await reach(el, 'unsubscribed');
    return el;
  },
  async 'invalid link'() {
    const { el } = await mount({ token: 'nope', action: 'confirm' });
    await confirmLink(el);
    await reach(el, 'invalid-link');
    return el;
  },
  async error() {
    const { el, server } = await mount();
    server.breakNext({ status: 500 });
    await subscribe(el, 'jan@example.org');
    await reach(el, 'error');
    return el;
  },
  async 'error, "try again" waiting as the server asked'() {
    const { el, server } = await mount();
    server.mailFails = true;
    await subscribe(el, 'jan@example.org');
    await reach(el, 'error');
    expect($(el, '[part="retry-button"]').getAttribute('aria-disabled')).to.equal('true');
    return el;
  },
  async offline() {
    const { el, server } = await mount();
    server.offline = true;
    await subscribe(el, 'jan@example.org');
    await reach(el, 'offline');
    return el;
  },
  async unavailable() {
    const el = await fixture<PrivacyNewsletter>(
      html`<privacy-newsletter lang="en" revision="1"></privacy-newsletter>`,
    );
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      await subscribe(el, 'jan@example.org');
    } finally {
      console.error = original;
    }
    await reach(el, 'unavailable');
    expect(String(errors[0])).to.contain('endpoint');
    return el;
  },
};

describe('<privacy-newsletter> accessibility in every state', () => {
  for (const scheme of ['light', 'dark'] as const) {
    describe(`${scheme} colour scheme`, () => {
      before(() => emulateMedia({ colorScheme: scheme }));
      after(() => emulateMedia({ colorScheme: 'light' }));
      for (const [name, reachState] of Object.entries(STATES)) {
        it(`has no axe violations: ${name}`, async () => {
          const el = await reachState();
          await expect(el).to.be.accessible();
        });
      }
    });
  }

  it('is light or dark as the page is: dark only when the page supports it and the visitor prefers it', async () => {
    // Brightness 0–255 of the panel's background and text (the exact shades belong to the shared tokens).
    const brightness = (color: string): number => {
      const [r = 0, g = 0, b = 0] = (color.match(/\d+/g) ?? []).map(Number);
      return 0.299 * r + 0.587 * g + 0.114 * b;
    };
    const panel = async (): Promise<{ bg: number; fg: number }> => {
      const { el } = await mount();
      const style = getComputedStyle($(el, '[part="panel"]'));
      return { bg: brightness(style.backgroundColor), fg: brightness(style.color) };
    };
    const light = await panel();
    await emulateMedia({ colorScheme: 'dark' });
    try {
      // A light page (no color-scheme declared) keeps a light form on a dark system.
      const inLightPage = await panel();
      document.documentElement.style.colorScheme = 'light dark';
      const dark = await panel();
      expect(light.bg).to.be.above(200);
      expect(light.fg).to.be.below(60);
      expect(inLightPage).to.deep.equal(light);
      expect(dark.bg).to.be.below(60);
      expect(dark.fg).to.be.above(200);
    } finally {
      document.documentElement.style.colorScheme = '';
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('reflows at 320 CSS px without horizontal scrolling (WCAG 1.4.10), even with a long address', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      for (const name of ['subscribe with errors', 'pending', 'manage', 'error'] as const) {
        const el = await STATES[name]!();
        const panel = $(el, '[part="panel"]');
        expect(panel.scrollWidth, name).to.be.at.most(panel.clientWidth);
        expect(el.getBoundingClientRect().right, name).to.be.at.most(320);
      }
      const { el } = await mount();
      await subscribe(
        el,
        'heel.lange.naam.van.een.lezer@een-heel-lange-domeinnaam-voor-de-bibliotheek.example.org',
      );
      await reach(el, 'pending');
      const panel = $(el, '[part="panel"]');
      expect(panel.scrollWidth).to.be.at.most(panel.clientWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it("draws no focus ring on the state heading it moves focus to, and has the banner's button look", async () => {
    const { el } = await mount();
    await subscribe(el, 'jan@example.org');
    await reach(el, 'pending');
    const heading = $(el, '[part="heading"]');
    await sendKeys({ press: 'Shift' }); // keyboard modality: a focused element would match :focus-visible
    heading.focus();
    expect(el.shadowRoot?.activeElement === heading).to.equal(true);
    expect(getComputedStyle(heading).outlineStyle).to.equal('none');
    // Weight 600 and a grey (not accent) border on secondaries, as in the banner and the dialog.
    const primary = getComputedStyle($(el, '[part="resend-button"]'));
    const secondary = getComputedStyle($(el, '[part="change-email-button"]'));
    expect([primary.fontWeight, secondary.fontWeight]).to.deep.equal(['600', '600']);
    expect(secondary.borderTopColor).to.equal('rgb(110, 111, 120)');
    expect(secondary.borderTopColor).to.not.equal(primary.borderTopColor);
  });

  it('lets a site restyle it with --privacy-* properties', async () => {
    const { el } = await mount();
    el.style.setProperty('--privacy-color-accent', 'rgb(1, 2, 3)');
    expect(getComputedStyle($(el, '[part="submit-button"]')).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

describe('<privacy-newsletter> configuration', () => {
  it('talks to the `endpoint` attribute through the page fetch when no client is given', async () => {
    const server = new FakeNewsletterServer('/custom/newsletter');
    const original = window.fetch;
    window.fetch = server.fetch;
    try {
      const el = await fixture<PrivacyNewsletter>(
        html`<privacy-newsletter endpoint="/custom/newsletter/" revision="7" lang="nl"></privacy-newsletter>`,
      );
      await subscribe(el, 'jan@example.org');
      await reach(el, 'pending');
      expect(server.requestsTo('/subscribe')[0]?.body).to.include({
        revision: '7',
        email: 'jan@example.org',
      });
    } finally {
      window.fetch = original;
    }
  });

  it('shows a hostile revision attribute as text', async () => {
    const server = new FakeNewsletterServer();
    const client = createNewsletterClient({ endpoint: '/api/newsletter', fetch: server.fetch });
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await fixture<PrivacyNewsletter>(
      html`<privacy-newsletter lang="nl" revision=${hostile} .client=${client}></privacy-newsletter>`,
    );
    expect(text(el, '#consent-revision')).to.contain(hostile);
    expect(text(el, '#consent-revision')).to.contain('(versie');
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    await subscribe(el, 'jan@example.org');
    await reach(el, 'pending');
    expect(server.requestsTo('/subscribe')[0]?.body.revision).to.equal(hostile);
  });

  it('names a revision that is not a date as a version', async () => {
    const server = new FakeNewsletterServer();
    const client = createNewsletterClient({ endpoint: '/api/newsletter', fetch: server.fetch });
    const el = await fixture<PrivacyNewsletter>(
      html`<privacy-newsletter lang="nl" revision="v7" .client=${client}></privacy-newsletter>`,
    );
    await el.updateComplete;
    expect(text(el, '#consent-revision')).to.contain('Zoals beschreven in de privacyverklaring (versie v7).');
  });

  it('treats a mangled token the server refuses by format as an unknown link', async () => {
    const server = new FakeNewsletterServer();
    server.breakNext({
      status: 400,
      body: { error: 'validation', message: 'token', fields: { token: 'must match pattern' } },
    });
    const { el } = await mount({ server, token: 'a b', action: 'confirm' });
    await confirmLink(el);
    await reach(el, 'invalid-link');
    expect(text(el, '[part="heading"]')).to.equal('Deze link werkt niet (meer)');
  });

  it('an unknown confirmation link (most often one used before) does not tell a confirmed visitor to subscribe again', async () => {
    const { el } = await mount({ token: 'used-before', action: 'confirm' });
    await confirmLink(el);
    await reach(el, 'invalid-link');
    expect(text(el, '[part="heading"]')).to.equal('Deze link werkt niet (meer)');
    expect(text(el, 'p')).to.contain('Dan is uw aanmelding al bevestigd');
    expect(el.shadowRoot!.querySelector('[part="resubscribe-button"]')!.className).to.equal('secondary');
  });

  it('an unknown settings link still offers to subscribe again', async () => {
    const { el } = await mount({ token: 'revoked', action: 'manage' });
    await reach(el, 'invalid-link');
    expect(text(el, 'p')).to.contain('Meld u opnieuw aan');
    expect(el.shadowRoot!.querySelector('[part="resubscribe-button"]')!.className).to.equal('primary');
  });
});
