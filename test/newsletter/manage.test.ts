import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  NewsletterChangeDetail,
  PrivacyNewsletter,
} from '../../src/elements/privacy-newsletter/index.js';
import { FakeNewsletterServer } from './fake-server.js';
import {
  $,
  confirmLink,
  focused,
  mount,
  reach,
  restoreAddressAndTabAfterEach,
  REVISION,
  text,
} from './helpers.js';

const toggle = (el: PrivacyNewsletter, key: string): HTMLInputElement =>
  $<HTMLInputElement>(el, `[part="toggle"][data-preference="${key}"]`);

async function nextChange(el: PrivacyNewsletter): Promise<NewsletterChangeDetail> {
  return ((await oneEvent(el, 'privacy-newsletter-change')) as CustomEvent<NewsletterChangeDetail>).detail;
}

describe('<privacy-newsletter> links from the mail', () => {
  restoreAddressAndTabAfterEach();

  it('confirms from ?token=…&action=confirm, shows the settings, and takes the token out of the address bar', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addPending('jan@example.org');
    history.replaceState(null, '', `?token=${token}&action=confirm&utm_source=mail`);
    const { el } = await mount({ server });
    // Gone before any answer: analytics loaded after consent reports the address (page_location).
    expect(location.search).to.equal('?utm_source=mail');
    // Opening the link confirms nothing: a mail scanner that opens it (and runs scripts) must not.
    await reach(el, 'confirm');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requestsTo('/confirm')).to.have.length(0);
    expect(server.subscriber('jan@example.org')?.status).to.equal('pending');
    expect(text(el, '[part="heading"]')).to.equal('Bevestig uw aanmelding');
    // Landing on the page does not steal focus.
    expect(focused(el)).to.equal(null);
    await expect(el).to.be.accessible();
    $(el, '[part="confirm-button"]').click();
    await reach(el, 'confirmed');
    expect(server.requestsTo('/confirm')[0]?.body).to.deep.equal({ token });
    expect(server.subscriber('jan@example.org')?.status).to.equal('confirmed');
    expect(text(el, '[part="heading"]')).to.equal('Uw aanmelding is bevestigd');
    expect(text(el, '[part="subscriber"]')).to.equal('Aangemeld met j***@example.org');
    expect(el.shadowRoot?.querySelectorAll('[part="toggle"]')).to.have.length(3);
    expect(location.href).not.to.contain(token);
    expect(location.href).not.to.contain('manage-');
    // Focus follows the visitor's press to the new state.
    expect(focused(el)).to.equal($(el, '[part="heading"]'));
    await expect(el).to.be.accessible();

    // The manage token from the answer, kept in memory, works for changes.
    toggle(el, 'objectResearch').click();
    const change = await nextChange(el);
    expect(change.preferences?.objectResearch).to.equal(true);
    const manageToken = server.requestsTo('/preferences')[0]?.body.token;
    expect(manageToken).to.match(/^manage-/);

    // A reload in this tab still shows the settings: the manage token is kept for the tab.
    el.remove();
    const { el: reloaded } = await mount({ server });
    await reach(reloaded, 'manage');
    expect(server.requestsTo('/confirm')).to.have.length(1, 'the used confirmation is not sent again');
    expect(server.requestsTo('/preferences').at(-1)?.body).to.deep.equal({ token: manageToken });
    expect(toggle(reloaded, 'objectResearch').checked).to.equal(true);
  });

  it('forgets a kept token that stopped working, and shows the form on the next visit', async () => {
    const server = new FakeNewsletterServer();
    sessionStorage.setItem('privacy-newsletter-token', 'manage-revoked');
    const { el } = await mount({ server });
    await reach(el, 'invalid-link');
    el.remove();
    const { el: again } = await mount({ server });
    await reach(again, 'subscribe');
  });

  it('keeps nothing for a token given as an attribute (the integrator owns it)', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    expect(sessionStorage.length).to.equal(0);
  });

  it('keeps no manage token after confirming a link given as an attribute (the integrator owns it)', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addPending('jan@example.org');
    const { el } = await mount({ server, token, action: 'confirm' });
    await confirmLink(el);
    await reach(el, 'confirmed');
    expect(sessionStorage.length).to.equal(0);
  });

  it('fires a change event after confirming', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addPending('jan@example.org');
    const changed = new Promise<NewsletterChangeDetail>((resolve) =>
      document.addEventListener(
        'privacy-newsletter-change',
        (e) => resolve((e as CustomEvent<NewsletterChangeDetail>).detail),
        { once: true },
      ),
    );
    const { el } = await mount({ server, token, action: 'confirm' });
    await confirmLink(el);
    const detail = await changed;
    expect(detail.action).to.equal('confirm');
    expect(detail.preferences?.status).to.equal('confirmed');
  });

  it('offers to subscribe again when the link has expired', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addPending('jan@example.org');
    server.expiredTokens.add(token);
    const { el } = await mount({ server, token, action: 'confirm' });
    await confirmLink(el);
    await reach(el, 'invalid-link');
    expect(text(el, '[part="heading"]')).to.equal('Deze link is verlopen');
    await expect(el).to.be.accessible();
    $(el, '[part="resubscribe-button"]').click();
    await reach(el, 'subscribe');
    expect(focused(el)).to.equal($(el, '[part="heading"]'));
  });

  it('says so when the link is unknown', async () => {
    const { el } = await mount({ token: 'confirm-does-not-exist', action: 'confirm' });
    await confirmLink(el);
    await reach(el, 'invalid-link');
    expect(text(el, '[part="heading"]')).to.equal('Deze link werkt niet (meer)');
  });

  it('says a dead unsubscribe link most likely means they are already unsubscribed, subscribing only as a side option', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    server.expiredTokens.add(token);
    const { el } = await mount({ server, token, action: 'unsubscribe' });
    await reach(el, 'invalid-link');
    expect(text(el, '[part="heading"]')).to.equal('U bent waarschijnlijk al afgemeld');
    expect(text(el, 'p')).to.contain('Krijgt u de nieuwsbrief toch nog?');
    const button = $(el, '[part="resubscribe-button"]');
    expect(button.classList.contains('secondary')).to.equal(true);
    expect(text(el, '[part="resubscribe-button"]')).to.equal('Toch weer aanmelden');
    await expect(el).to.be.accessible();
    // Subscribing again after all is a fresh start: a confirmation link's failure reads as its own.
    button.click();
    await reach(el, 'subscribe');
    const { el: other } = await mount({ server, token: 'confirm-does-not-exist', action: 'confirm' });
    await confirmLink(other);
    await reach(other, 'invalid-link');
    expect(text(other, '[part="heading"]')).to.equal('Deze link werkt niet (meer)');
    expect(text(other, 'p')).to.contain('Hebt u deze link al eerder gebruikt?');
  });

  it('unsubscribes on landing from the unsubscribe link in a mail, with no question asked', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    history.replaceState(null, '', `?action=unsubscribe&token=${token}`);
    const { el } = await mount({ server });
    expect(location.search).to.equal('');
    await reach(el, 'unsubscribed');
    expect(server.requestsTo('/unsubscribe')[0]?.body).to.deep.equal({ token, revision: REVISION });
    expect(server.subscriber('jan@example.org')?.status).to.equal('unsubscribed');
    expect(text(el, '[part="heading"]')).to.equal('U bent afgemeld');
    // A reload shows the state; it does not unsubscribe again.
    el.remove();
    const { el: reloaded } = await mount({ server });
    await reach(reloaded, 'unsubscribed');
    expect(server.requestsTo('/unsubscribe')).to.have.length(1);
    // "Subscribe again" starts over: the next reload shows the form, not the old link's state.
    $(reloaded, '[part="resubscribe-button"]').click();
    await reach(reloaded, 'subscribe');
    reloaded.remove();
    const { el: fresh } = await mount({ server });
    await reach(fresh, 'subscribe');
  });

  it('retries a confirmation that failed on a server error', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addPending('jan@example.org');
    server.breakNext({ status: 503, headers: { 'Retry-After': '1' } });
    let now = 1_000_000;
    const { el } = await mount({ server, token, action: 'confirm', now: () => now });
    await confirmLink(el);
    await reach(el, 'error');
    await expect(el).to.be.accessible();
    // "Try again" waits the second the server asked for.
    expect($(el, '[part="retry-button"]').getAttribute('aria-disabled')).to.equal('true');
    now += 1000;
    el.requestUpdate();
    await el.updateComplete;
    $(el, '[part="retry-button"]').click();
    await reach(el, 'confirmed');
  });
});

describe('<privacy-newsletter> managing preferences', () => {
  it('shows the stored choices as switches', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org', { measureOpens: true, objectMarketing: true });
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    expect(text(el, '[part="heading"]')).to.equal('Uw nieuwsbrief-instellingen');
    expect(toggle(el, 'measureOpens').checked).to.equal(true);
    expect(toggle(el, 'objectMarketing').checked).to.equal(true);
    expect(toggle(el, 'objectResearch').checked).to.equal(false);
    expect(toggle(el, 'measureOpens').getAttribute('role')).to.equal('switch');
    await expect(el).to.be.accessible();
  });

  it('sends each switch with the revision, announces the save and fires a change', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');

    toggle(el, 'measureOpens').click();
    const measured = await nextChange(el);
    expect(measured).to.deep.include({ action: 'update' });
    expect(measured.preferences?.measureOpens).to.equal(true);
    await el.updateComplete;
    expect(text(el, '[part="status"]')).to.equal('Uw keuze is opgeslagen.');

    toggle(el, 'objectMarketing').click();
    await nextChange(el);
    toggle(el, 'objectResearch').click();
    await nextChange(el);
    expect(
      server
        .requestsTo('/preferences')
        .filter((r) => r.method === 'PUT')
        .map((r) => r.body),
    ).to.deep.equal([
      { token, revision: REVISION, measureOpens: true },
      { token, revision: REVISION, objectMarketing: true },
      { token, revision: REVISION, objectResearch: true },
    ]);
    expect(server.subscriber('jan@example.org')).to.include({
      measureOpens: true,
      objectMarketing: true,
      objectResearch: true,
    });

    toggle(el, 'measureOpens').click();
    expect((await nextChange(el)).preferences?.measureOpens).to.equal(false);
    expect(server.subscriber('jan@example.org')?.measureOpens).to.equal(false);
  });

  it('puts a switch back when the change was not stored, and retry stores it', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    server.offline = true;
    toggle(el, 'objectMarketing').click();
    await reach(el, 'offline');
    expect(toggle(el, 'objectMarketing').checked).to.equal(false);
    expect(server.subscriber('jan@example.org')?.objectMarketing).to.equal(false);
    await expect(el).to.be.accessible();
    server.offline = false;
    const saved = nextChange(el);
    $(el, '[part="retry-button"]').click();
    await saved;
    await reach(el, 'manage');
    expect(toggle(el, 'objectMarketing').checked).to.equal(true);
    expect(server.subscriber('jan@example.org')?.objectMarketing).to.equal(true);
  });

  it('unsubscribes in one click, then offers to subscribe again with both boxes unticked', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org', { measureOpens: true });
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    const changed = nextChange(el);
    $(el, '[part="unsubscribe-button"]').click();
    expect((await changed).preferences?.status).to.equal('unsubscribed');
    await reach(el, 'unsubscribed');
    expect(server.requestsTo('/unsubscribe')).to.have.length(1);
    expect(server.subscriber('jan@example.org')?.status).to.equal('unsubscribed');
    expect(focused(el)).to.equal($(el, '[part="heading"]'));
    await expect(el).to.be.accessible();

    $(el, '[part="resubscribe-button"]').click();
    await reach(el, 'subscribe');
    expect($<HTMLInputElement>(el, '[part="consent-checkbox"]').checked).to.equal(false);
    expect($<HTMLInputElement>(el, '[part="measure-checkbox"]').checked).to.equal(false);
  });

  it('unsubscribes when "unsubscribe" is pressed again after a failed attempt', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    server.breakNext({ status: 500 });
    $(el, '[part="unsubscribe-button"]').click();
    await reach(el, 'error');
    // The button itself, not "try again": a visitor may well press it once more.
    $(el, '[part="unsubscribe-button"]').click();
    await reach(el, 'unsubscribed');
    expect(server.requestsTo('/unsubscribe')).to.have.length(2);
    expect(server.subscriber('jan@example.org')?.status).to.equal('unsubscribed');
  });

  it('shows an already unsubscribed address as unsubscribed', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org', { status: 'unsubscribed' });
    const { el } = await mount({ server, token });
    await reach(el, 'unsubscribed');
  });

  it('works with the keyboard alone: Space flips a switch, Enter unsubscribes', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    toggle(el, 'measureOpens').focus();
    const saved = nextChange(el);
    await sendKeys({ press: 'Space' });
    await saved;
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(toggle(el, 'objectMarketing'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part="unsubscribe-button"]'));
    await sendKeys({ press: 'Enter' });
    await reach(el, 'unsubscribed');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part="resubscribe-button"]'));
    await sendKeys({ press: 'Enter' });
    await reach(el, 'subscribe');
    expect(server.subscriber('jan@example.org')).to.include({ measureOpens: true, status: 'unsubscribed' });
  });

  it('renders a hostile address from the server as text', async () => {
    const hostile = '"<img src=x onerror=alert(1)>"@x.org';
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('x');
    // A backend that does not mask (or is compromised) still cannot inject markup.
    server.breakNext({
      status: 200,
      body: {
        preferences: {
          status: 'confirmed',
          email: hostile,
          measureOpens: false,
          objectMarketing: false,
          objectResearch: false,
          updatedAt: 'x',
        },
      },
    });
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect(text(el, '[part="subscriber"]')).to.equal(`Aangemeld met ${hostile}`);
  });
});
