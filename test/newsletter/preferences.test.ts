/**
 * Switching preferences faster than the server answers: each switch shows what the visitor set
 * until its own answer, and a failure puts back only the switch it was about.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  NewsletterChangeDetail,
  PrivacyNewsletter,
} from '../../src/elements/privacy-newsletter/index.js';
import { createNewsletterClient } from '../../src/core/newsletter.js';
import { FakeNewsletterServer } from './fake-server.js';
import { $, focused, mount, reach } from './helpers.js';

const toggle = (el: PrivacyNewsletter, key: string): HTMLInputElement =>
  $<HTMLInputElement>(el, `[part="toggle"][data-preference="${key}"]`);

/** What the switches show, as a screen reader would read them (checked, and whether usable). */
const switches = (el: PrivacyNewsletter): Record<string, string> =>
  Object.fromEntries(
    ['measureOpens', 'objectMarketing', 'objectResearch'].map((key) => {
      const input = toggle(el, key);
      return [key, `${input.matches(':checked') ? 'on' : 'off'}${input.disabled ? ' disabled' : ''}`];
    }),
  );

async function nextChange(el: PrivacyNewsletter): Promise<NewsletterChangeDetail> {
  return ((await oneEvent(el, 'privacy-newsletter-change')) as CustomEvent<NewsletterChangeDetail>).detail;
}

describe('<privacy-newsletter> two quick preference changes', () => {
  it('keeps one switch that was stored when the other, sent earlier, fails', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');

    // "Object to marketing" goes out first and is slow; "object to research" is answered at once.
    const releaseMarketing = server.holdNext();
    toggle(el, 'objectMarketing').focus();
    await sendKeys({ press: 'Space' });
    toggle(el, 'objectResearch').focus();
    const researchSaved = nextChange(el);
    await sendKeys({ press: 'Space' });
    expect((await researchSaved).preferences).to.include({ objectResearch: true, objectMarketing: false });
    await el.updateComplete;
    // Research's answer does not switch marketing off while marketing's own answer is on its way.
    expect(switches(el)).to.deep.equal({
      measureOpens: 'off',
      objectMarketing: 'on',
      objectResearch: 'on',
    });
    expect($(el, '[part="panel"]').getAttribute('aria-busy')).to.equal('true');

    releaseMarketing('offline');
    await reach(el, 'offline');
    // Only marketing goes back; research stays as stored. Focus goes to "try again", as after any failure.
    expect(switches(el)).to.deep.equal({
      measureOpens: 'off',
      objectMarketing: 'off',
      objectResearch: 'on',
    });
    expect(server.subscriber('jan@example.org')).to.include({ objectMarketing: false, objectResearch: true });
    expect(focused(el)?.getAttribute('part')).to.equal('retry-button');
    expect($(el, '[part="panel"]').getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();

    const marketingSaved = nextChange(el);
    $(el, '[part="retry-button"]').click();
    await marketingSaved;
    await reach(el, 'manage');
    expect(switches(el)).to.deep.equal({
      measureOpens: 'off',
      objectMarketing: 'on',
      objectResearch: 'on',
    });
  });

  it('shows a switch as last set while its latest change is on its way, whatever an earlier answer says', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    // The visitor switches marketing on and straight back off; both requests are slow.
    const releaseOn = server.holdNext();
    toggle(el, 'objectMarketing').click();
    const releaseOff = server.holdNext();
    toggle(el, 'objectMarketing').click();
    await el.updateComplete;
    expect(switches(el).objectMarketing).to.equal('off');

    const onSaved = nextChange(el);
    releaseOn();
    expect((await onSaved).preferences?.objectMarketing).to.equal(true);
    await el.updateComplete;
    // "On" is stored, but the visitor's "off" is still on its way: the switch does not jump back.
    expect(switches(el).objectMarketing).to.equal('off');

    const offSaved = nextChange(el);
    releaseOff();
    expect((await offSaved).preferences?.objectMarketing).to.equal(false);
    await el.updateComplete;
    expect(switches(el).objectMarketing).to.equal('off');
    expect(server.subscriber('jan@example.org')?.objectMarketing).to.equal(false);
  });

  it('lets "try again" resend a failed switch while another switch is still being saved', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    const releaseMarketing = server.holdNext();
    toggle(el, 'objectMarketing').click();
    const releaseResearch = server.holdNext();
    toggle(el, 'objectResearch').click();
    releaseMarketing('offline');
    await reach(el, 'offline');
    // Research is still on its way: the element is busy, yet "try again" looks usable, so it must work.
    expect(server.requestsTo('/preferences')).to.have.length(3);
    $(el, '[part="retry-button"]').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requestsTo('/preferences')).to.have.length(4, 'the retry went out');
    releaseResearch();
    await waitUntil(() => server.subscriber('jan@example.org')?.objectMarketing === true, 'marketing stored');
  });

  it('keeps the other switch when the later change fails', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');

    const releaseMeasure = server.holdNext();
    toggle(el, 'measureOpens').click();
    server.breakNext({ status: 500 });
    toggle(el, 'objectResearch').click();
    await reach(el, 'error');
    expect(switches(el)).to.deep.equal({
      measureOpens: 'on',
      objectMarketing: 'off',
      objectResearch: 'off',
    });
    const measured = nextChange(el);
    releaseMeasure();
    expect((await measured).preferences?.measureOpens).to.equal(true);
    await el.updateComplete;
    expect(switches(el)).to.deep.equal({
      measureOpens: 'on',
      objectMarketing: 'off',
      objectResearch: 'off',
    });
  });

  it('takes a late answer to an earlier change for its own switch only', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    // The server stores each change at once, in order; the first answer is slow on its way back.
    let puts = 0;
    const slowFirstAnswer: typeof fetch = async (input, init) => {
      const response = await server.fetch(input, init);
      if (init?.method === 'PUT' && ++puts === 1) await new Promise((r) => setTimeout(r, 300));
      return response;
    };
    const { el } = await mount({ server, token });
    el.client = createNewsletterClient({ endpoint: '/api/newsletter', fetch: slowFirstAnswer });
    await reach(el, 'manage');
    let answers = 0;
    el.addEventListener('privacy-newsletter-change', () => answers++);
    toggle(el, 'objectMarketing').click(); // its answer says research is off
    toggle(el, 'objectResearch').click();
    await waitUntil(() => answers === 2, 'both changes answered');
    await el.updateComplete;
    expect(server.subscriber('jan@example.org')).to.include({ objectMarketing: true, objectResearch: true });
    expect(switches(el)).to.deep.equal({ measureOpens: 'off', objectMarketing: 'on', objectResearch: 'on' });
  });
});

describe('<privacy-newsletter> unsubscribing', () => {
  it('is not held up (or dropped) by a switch still being saved', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    const release = server.holdNext();
    toggle(el, 'objectMarketing').click();
    await el.updateComplete; // the page shows the save on its way
    expect($(el, '[part="panel"]').getAttribute('aria-busy')).to.equal('true');
    $(el, '[part="unsubscribe-button"]').click();
    $(el, '[part="unsubscribe-button"]').click(); // a double click sends one request
    await reach(el, 'unsubscribed');
    expect(server.requestsTo('/unsubscribe')).to.have.length(1);
    release();
    await nextChange(el);
    expect(server.subscriber('jan@example.org')).to.include({
      status: 'unsubscribed',
      objectMarketing: true,
    });
  });

  it('keeps the objections switchable afterwards: the server keeps and honours them', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org', { status: 'unsubscribed' });
    const { el } = await mount({ server, token });
    await reach(el, 'unsubscribed');
    // Measuring opens means nothing without a newsletter: only the two objections.
    const shown = [...(el.shadowRoot?.querySelectorAll('[part="toggle"]') ?? [])];
    expect(shown.map((t) => t.getAttribute('data-preference'))).to.deep.equal([
      'objectMarketing',
      'objectResearch',
    ]);
    await expect(el).to.be.accessible();
    const saved = nextChange(el);
    toggle(el, 'objectResearch').click();
    expect((await saved).preferences).to.include({ status: 'unsubscribed', objectResearch: true });
    expect(server.subscriber('jan@example.org')?.objectResearch).to.equal(true);
  });
});
