/** `<privacy-preferences>`: opening and closing, the switches and their rules, the decisions. */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createConsent, memoryStorage } from '../../src/core/index.js';
import type { ConsentState, PrivacyKit } from '../../src/core/types.js';
import { connectPreferences } from '../../src/elements/index.js';
import type { PrivacyBanner, PrivacyPreferences } from '../../src/elements/index.js';
import {
  $,
  announced,
  checkedMap,
  cleanUp,
  deepActive,
  mountDialog,
  sampleConfig,
  switches,
  toggle,
  useKit,
} from './helpers.js';

describe('<privacy-preferences>', function (this: { timeout(ms: number): void }) {
  // axe runs are slow on a shared two-core machine; behaviour, not speed, is under test here.
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('opens as a modal dialog, moves focus in, and Esc closes it without a decision, focus back on the opener', async () => {
    const kit = useKit();
    const opener = await fixture<HTMLButtonElement>(html`<button>open</button>`);
    opener.focus();
    const el = await mountDialog();
    await el.show(opener);
    const native = $<HTMLDialogElement>(el, 'dialog');
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    expect(native.contains(deepActive())).to.equal(true);
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    const closed = await oneEvent(el, 'privacy-preferences-close');
    expect(closed.detail.action).to.equal('cancel');
    expect(native.open).to.equal(false);
    expect(kit.getConsent()).to.equal(null);
    expect(document.activeElement).to.equal(opener);
  });

  it('returns focus to the opener it was given, even when focus was elsewhere when it opened', async () => {
    useKit();
    const page = await fixture(html`<div><button id="opener">open</button><a href="#x">elsewhere</a></div>`);
    const opener = page.querySelector<HTMLButtonElement>('#opener')!;
    page.querySelector('a')!.focus();
    const el = await mountDialog();
    await el.show(opener);
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'privacy-preferences-close');
    expect(document.activeElement === opener, 'focus on the given opener').to.equal(true);
  });

  // Also at once: two clicks on the settings button while the dialog's code loads.
  const secondShows: [string, (el: PrivacyPreferences, a: Element, b: Element) => Promise<unknown>][] = [
    ['while open', async (el, a, b) => (await el.show(a), el.show(b))],
    ['at the same time', (el, a, b) => Promise.all([el.show(a), el.show(b)])],
  ];
  for (const [when, showTwice] of secondShows) {
    it(`a second show() ${when} changes nothing: one open event, focus returns to the first opener`, async () => {
      useKit();
      const page = await fixture(html`<div><button id="a">a</button><button id="b">b</button></div>`);
      const [first, second] = [...page.querySelectorAll('button')] as HTMLButtonElement[];
      const el = await mountDialog();
      let opened = 0;
      el.addEventListener('privacy-preferences-open', () => opened++);
      await showTwice(el, first!, second!);
      expect(opened).to.equal(1);
      expect(el.open).to.equal(true);
      setTimeout(() => el.close());
      await oneEvent(el, 'privacy-preferences-close');
      expect(document.activeElement === first, 'focus on the first opener').to.equal(true);
    });
  }

  it('is named by its heading, and the necessary switch is described as always on', async () => {
    useKit();
    const el = await mountDialog();
    await el.show();
    const textOf = (ids: string | null): string =>
      (ids ?? '')
        .split(' ')
        .map((id) => el.shadowRoot?.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ');
    expect(textOf($(el, 'dialog').getAttribute('aria-labelledby'))).to.equal('Cookie-instellingen');
    const necessary = toggle(el, 'data-category="necessary"');
    expect(textOf(necessary.getAttribute('aria-describedby'))).to.contain('Altijd aan');
    el.close();
  });

  it('has one labelled switch per category and per service; necessary on and locked; nothing else pre-ticked', async () => {
    useKit();
    const el = await mountDialog();
    await el.show();
    const all = switches(el);
    expect(all.map((s) => s.dataset['category'] ?? `service:${s.dataset['service']}`)).to.deep.equal([
      'necessary',
      'analytics',
      'service:google-analytics',
      'service:adobe-analytics',
      'marketing',
      'service:youtube',
    ]);
    for (const s of all) {
      expect(s.type).to.equal('checkbox');
      expect(s.getAttribute('part')).to.equal('toggle');
      expect(s.labels?.[0]?.textContent?.trim()).to.not.equal('');
    }
    expect(toggle(el, 'data-category="necessary"').checked).to.equal(true);
    expect(toggle(el, 'data-category="necessary"').disabled).to.equal(true);
    expect(all.filter((s) => s.checked).length).to.equal(1);
    expect($(el, '[part="save-button"]').textContent?.trim()).to.equal('Keuze opslaan');
  });

  it('pre-fills an earlier decision (and the last stored one when asking again)', async () => {
    const cookie = memoryStorage();
    const before = createConsent(
      { ...sampleConfig, revision: 'old' },
      { cookies: cookie, localStorage: null, window: null, BroadcastChannel: null },
    );
    before.update({ categories: { analytics: true }, services: { 'adobe-analytics': false } });
    before.destroy();
    const kit = useKit(sampleConfig, { cookies: cookie });
    expect(kit.getConsent()).to.equal(null);
    const el = await mountDialog();
    await el.show();
    expect(checkedMap(el)).to.deep.equal({
      necessary: true,
      analytics: true,
      'google-analytics': true,
      'adobe-analytics': false,
      marketing: false,
      youtube: false,
    });
  });

  it('a service switched on turns its category on; a category switched off takes its services', async () => {
    useKit();
    const el = await mountDialog();
    await el.show();
    toggle(el, 'data-service="youtube"').click();
    await el.updateComplete;
    expect(toggle(el, 'data-category="marketing"').checked).to.equal(true);
    toggle(el, 'data-category="analytics"').click();
    await el.updateComplete;
    expect(toggle(el, 'data-service="google-analytics"').checked).to.equal(true);
    toggle(el, 'data-category="analytics"').click();
    await el.updateComplete;
    expect(toggle(el, 'data-service="google-analytics"').checked).to.equal(false);
    expect(toggle(el, 'data-service="adobe-analytics"').checked).to.equal(false);
  });

  it('"Save choices" stores exactly the switches, method preferences, announces and closes', async () => {
    const kit = useKit();
    const el = await mountDialog();
    await el.show();
    toggle(el, 'data-category="analytics"').click();
    await el.updateComplete;
    toggle(el, 'data-service="adobe-analytics"').click();
    await el.updateComplete;
    setTimeout(() => $(el, '[part="save-button"]').click());
    const closed = await oneEvent(el, 'privacy-preferences-close');
    expect(closed.detail.action).to.equal('save');
    const state = kit.getConsent();
    expect(state?.method).to.equal('preferences');
    expect(state?.categories).to.deep.equal({ necessary: true, analytics: true, marketing: false });
    expect(kit.isGranted('google-analytics')).to.equal(true);
    expect(kit.isGranted('adobe-analytics')).to.equal(false);
    expect(kit.isGranted('youtube')).to.equal(false);
    await document.querySelector('privacy-announcer')?.updateComplete;
    expect(announced()).to.equal('Uw keuze is opgeslagen.');
  });

  it('"Accept all" and "Reject all" decide for everything', async () => {
    const kit = useKit();
    const el = await mountDialog();
    await el.show();
    $(el, '[part="accept-button"]').click();
    expect(kit.getConsent()?.categories).to.deep.equal({ necessary: true, analytics: true, marketing: true });
    await el.show();
    expect(switches(el).every((s) => s.checked)).to.equal(true);
    $(el, '[part="reject-button"]').click();
    expect(kit.getConsent()?.categories).to.deep.equal({
      necessary: true,
      analytics: false,
      marketing: false,
    });
    expect(kit.getConsent()?.method).to.equal('preferences');
  });

  it('refusing from the banner, the dialog (reject all or save with nothing on) and the API stores the same state', async () => {
    const outcomes: ConsentState[] = [];
    const ways: ((kit: PrivacyKit) => Promise<void>)[] = [
      async () => {
        const banner = await fixture<PrivacyBanner>(html`<privacy-banner></privacy-banner>`);
        await banner.updateComplete;
        $(banner, '[part="reject-button"]').click();
      },
      async () => {
        const el = await mountDialog();
        await el.show();
        $(el, '[part="reject-button"]').click();
      },
      async () => {
        const el = await mountDialog();
        await el.show();
        $(el, '[part="save-button"]').click();
      },
      async (kit) => void kit.rejectAll(),
    ];
    for (const way of ways) {
      const kit = useKit();
      await way(kit);
      const state = kit.getConsent();
      expect(state).to.not.equal(null);
      outcomes.push(state as ConsentState);
      for (const name of [
        'necessary',
        'analytics',
        'marketing',
        'google-analytics',
        'adobe-analytics',
        'youtube',
      ]) {
        expect(kit.isGranted(name), name).to.equal(name === 'necessary');
      }
      cleanUp();
      document.documentElement.setAttribute('lang', 'nl');
    }
    for (const state of outcomes) {
      expect(state.categories).to.deep.equal(outcomes[3]?.categories);
      expect(state.services).to.deep.equal(outcomes[3]?.services);
    }
  });

  it('opens from the banner through showPreferences(), and focus returns to the banner button on Esc', async () => {
    const kit = useKit();
    connectPreferences(kit);
    const banner = await fixture<PrivacyBanner>(html`<privacy-banner></privacy-banner>`);
    await banner.updateComplete;
    const button = $(banner, '[part="preferences-button"]');
    button.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(document, 'privacy-preferences-open');
    const el = document.querySelector('privacy-preferences') as PrivacyPreferences;
    expect(el.parentElement).to.equal(document.body);
    expect(el.open).to.equal(true);
    setTimeout(() => void sendKeys({ press: 'Escape' }));
    await oneEvent(el, 'privacy-preferences-close');
    expect(deepActive()).to.equal(button);
    expect(banner.open).to.equal(true);
    expect(kit.getConsent()).to.equal(null);
  });

  it('saved in the dialog opened from the banner: the banner closes and focus returns to where the keyboard came from', async () => {
    const kit = useKit();
    connectPreferences(kit);
    const link = Object.assign(document.createElement('a'), { href: '#x', textContent: 'page link' });
    document.body.prepend(link);
    const banner = await fixture<PrivacyBanner>(html`<privacy-banner></privacy-banner>`);
    await banner.updateComplete;
    link.focus();
    $(banner, '[part="preferences-button"]').focus(); // as Tab does, from the link into the bar
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    await oneEvent(document, 'privacy-preferences-open');
    const el = document.querySelector('privacy-preferences') as PrivacyPreferences;
    setTimeout(() => $(el, '[part~="save-button"]').click());
    await oneEvent(el, 'privacy-preferences-close');
    await banner.updateComplete;
    expect(banner.open).to.equal(false);
    expect(kit.getConsent()?.method).to.equal('preferences');
    expect(document.activeElement === link, 'focus on the page link').to.equal(true);
    link.remove();
  });

  it('with Global Privacy Control, marketing is off with a note and accept-all keeps it off', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const kit = useKit(sampleConfig, { navigator: { globalPrivacyControl: true } });
      const el = await mountDialog();
      await el.show();
      const marketing = toggle(el, 'data-category="marketing"');
      expect(marketing.checked).to.equal(false);
      const note = $(el, '.note');
      expect(note.textContent).to.contain('Global Privacy Control');
      expect(marketing.getAttribute('aria-describedby')).to.contain(note.id);
      expect(el.shadowRoot?.querySelectorAll('.note').length).to.equal(1);
      await expect(el).to.be.accessible();
      $(el, '[part="accept-button"]').click();
      expect(kit.isGranted('marketing')).to.equal(false);
    } finally {
      delete (navigator as unknown as Record<string, unknown>)['globalPrivacyControl'];
    }
  });

  it('under the analytics exemption, says that analytics runs until the visitor chooses; saving with it off stops it', async () => {
    const kit = useKit({ ...sampleConfig, analyticsExemption: true });
    expect(kit.isGranted('analytics'), 'runs before any decision').to.equal(true);
    const el = await mountDialog();
    await el.show();
    const analytics = toggle(el, 'data-category="analytics"');
    expect(analytics.checked, 'not pre-ticked').to.equal(false);
    const note = $(el, '.note');
    expect(note.textContent).to.contain('dit meten wij al');
    expect(analytics.getAttribute('aria-describedby')).to.contain(note.id);
    expect(toggle(el, 'data-category="marketing"').getAttribute('aria-describedby')).not.to.contain(note.id);
    await expect(el).to.be.accessible();
    $(el, '[part="save-button"]').click();
    expect(kit.isGranted('analytics')).to.equal(false);
    await el.show();
    expect(el.shadowRoot?.querySelectorAll('.note').length, 'no note once decided').to.equal(0);
  });

  it('under the analytics exemption, shows no note when an out-of-date decision refused analytics (it stays off)', async () => {
    const cookies = memoryStorage();
    const before = createConsent(
      { ...sampleConfig, analyticsExemption: true },
      { cookies, localStorage: null, window: null, BroadcastChannel: null },
    );
    before.rejectAll();
    before.destroy();
    const kit = useKit({ ...sampleConfig, analyticsExemption: true, revision: 'next' }, { cookies });
    expect(kit.needsDecision()).to.equal(true);
    expect(kit.isGranted('analytics')).to.equal(false);
    const el = await mountDialog();
    await el.show();
    expect(toggle(el, 'data-category="analytics"').checked).to.equal(false);
    expect(el.shadowRoot?.querySelectorAll('.note').length).to.equal(0);
  });
});
