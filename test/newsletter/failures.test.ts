/**
 * What the visitor meets when a request fails: an error with "try again", no connection, a rate
 * limit, and what is kept meanwhile. The fake server stands in for the newsletter backend.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { FakeNewsletterServer, type Breakage } from './fake-server.js';
import { $, focused, mount, reach, subscribe, text } from './helpers.js';

/** A pending subscription whose "send again", once its delay is over, gets `answer`: the error shown. */
async function resendAnswered(answer: Breakage) {
  let now = 1_000_000;
  const { el, server } = await mount({ now: () => now });
  await subscribe(el, 'jan@example.org');
  await reach(el, 'pending');
  now += 61_000;
  el.requestUpdate();
  await el.updateComplete;
  server.breakNext(answer);
  $(el, '[part="resend-button"]').click();
  await reach(el, 'error');
  return el;
}

describe('<privacy-newsletter> when a request fails', () => {
  it('waits as long as the server asks when "send again" is rate limited', async () => {
    const el = await resendAnswered({
      status: 429,
      body: { error: 'rate_limited' },
      headers: { 'Retry-After': '120' },
    });
    const resend = $<HTMLButtonElement>(el, '[part="resend-button"]');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    // Two minutes in words, not "120 s".
    expect(resend.textContent).to.contain('(over 2 minuten)');
    expect(text(el, '[part="alert"] [role="alert"]')).to.contain('Probeer het over 2 minuten opnieuw.');
  });

  it('keeps what was typed through a server error, and retry sends the same subscription', async () => {
    const { el, server } = await mount();
    server.breakNext({ status: 500, body: { error: 'internal', message: 'boom' } });
    await subscribe(el, 'jan@example.org', { measure: true });
    await reach(el, 'error');
    expect(text(el, '[part="alert"] [role="alert"]')).to.contain('Er ging iets mis');
    expect($<HTMLInputElement>(el, '[part="email-input"]').value).to.equal('jan@example.org');
    expect($<HTMLInputElement>(el, '[part="consent-checkbox"]').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '[part="measure-checkbox"]').checked).to.equal(true);
    expect(focused(el)).to.equal($(el, '[part="retry-button"]'));
    await expect(el).to.be.accessible();

    $(el, '[part="retry-button"]').click();
    await reach(el, 'pending');
    const [first, second] = server.requestsTo('/subscribe');
    expect(second?.body).to.deep.equal(first?.body);
    expect(server.mails.get('jan@example.org')).to.have.length(1);
  });

  it('makes "try again" wait as long as the server asks when the mail could not be sent, then the mail goes out', async () => {
    let now = 1_000_000;
    const { el, server } = await mount({ now: () => now });
    // The relay refuses the mail: the reference server answers 503 with Retry-After: 60 (it gives
    // the address's mail slot back, but a relay that just failed is asked again after a pause).
    server.mailFails = true;
    await subscribe(el, 'jan@example.org', { measure: true });
    await reach(el, 'error');
    expect(text(el, '[part="alert"] [role="alert"]')).to.contain('over 60 seconden');
    expect($<HTMLInputElement>(el, '[part="email-input"]').value).to.equal('jan@example.org');
    const retry = $<HTMLButtonElement>(el, '[part="retry-button"]');
    // Focusable while it waits (focus goes there), its text says how long, pressing it does nothing.
    // Its name stays the same: a screen reader would speak every tick of a focused button's name.
    expect(focused(el)).to.equal(retry);
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el, '[part="retry-button"]')).to.equal('Opnieuw proberen (over 60 seconden)');
    expect(retry.getAttribute('aria-label')).to.equal('Opnieuw proberen');
    await expect(el).to.be.accessible();
    server.mailFails = false;
    retry.click();
    await el.updateComplete;
    expect(server.requestsTo('/subscribe')).to.have.length(1);

    now += 30_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(text(el, '[part="retry-button"]')).to.equal('Opnieuw proberen (over 30 seconden)');
    expect(retry.getAttribute('aria-label')).to.equal('Opnieuw proberen');
    now += 30_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(retry.getAttribute('aria-disabled')).to.equal('false');
    expect(text(el, '[part="retry-button"]')).to.equal('Opnieuw proberen');
    retry.click();
    await reach(el, 'pending');
    const [first, second] = server.requestsTo('/subscribe');
    expect(second?.body).to.deep.equal(first?.body);
    expect(server.mails.get('jan@example.org')).to.have.length(1);
  });

  it('makes "send again" and "try again" wait as long as a 503 asks (a server restarting)', async () => {
    const el = await resendAnswered({
      status: 503,
      body: { error: 'unavailable' },
      headers: { 'Retry-After': '5' },
    });
    expect($<HTMLButtonElement>(el, '[part="resend-button"]').getAttribute('aria-disabled')).to.equal('true');
    expect(text(el, '[part="resend-button"]')).to.contain('(over 5 seconden)');
    expect($(el, '[part="resend-button"]').getAttribute('aria-label')).to.equal('E-mail opnieuw versturen');
    expect(text(el, '[part="retry-button"]')).to.equal('Opnieuw proberen (over 5 seconden)');
  });

  it('shows an HTML error page from a proxy as an error with retry, not a crash', async () => {
    const { el, server } = await mount();
    server.breakNext('html-500');
    await subscribe(el, 'jan@example.org');
    await reach(el, 'error');
    $(el, '[part="retry-button"]').click();
    await reach(el, 'pending');
  });

  it('goes offline and back: the form is kept, retry (or the browser coming online) sends it', async () => {
    const { el, server } = await mount();
    server.offline = true;
    await subscribe(el, 'jan@example.org');
    await reach(el, 'offline');
    expect(text(el, '[part="alert"]')).to.contain('Er is geen verbinding');
    await expect(el).to.be.accessible();
    $(el, '[part="retry-button"]').click();
    await reach(el, 'offline');
    expect(server.requestsTo('/subscribe')).to.have.length(2);
    expect($<HTMLInputElement>(el, '[part="email-input"]').value).to.equal('jan@example.org');

    server.offline = false;
    window.dispatchEvent(new Event('online'));
    await reach(el, 'pending');
    expect(server.requestsTo('/subscribe')).to.have.length(3);
  });

  it('retries only a failure for want of a connection when the browser comes online', async () => {
    const { el, server } = await mount();
    server.breakNext({ status: 500, body: { error: 'internal', message: 'boom' } });
    await subscribe(el, 'jan@example.org');
    await reach(el, 'error');
    // The connection was never the problem: a reconnect repeats nothing behind the visitor's back.
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requestsTo('/subscribe')).to.have.length(1);
    expect(el.state).to.equal('error');
  });

  it('says how long to wait when rate limited', async () => {
    const { el, server } = await mount();
    server.breakNext({ status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '30' } });
    await subscribe(el, 'jan@example.org');
    await reach(el, 'error');
    expect(text(el, '[part="alert"] [role="alert"]')).to.contain('over 30 seconden');
    // No "try again" that the server would refuse again; the form stays as it was.
    expect(el.shadowRoot?.querySelector('[part="retry-button"]')).to.equal(null);
    expect($<HTMLInputElement>(el, '[part="email-input"]').value).to.equal('jan@example.org');
  });

  it('an edit after a failure withdraws its retry: "subscribe" (not a reconnect) sends what the form shows', async () => {
    const { el, server } = await mount();
    server.offline = true;
    await subscribe(el, 'jna@example.org', { measure: true });
    await reach(el, 'offline');
    // The visitor fixes the typo and unticks measurement while the connection is down.
    const input = $<HTMLInputElement>(el, '[part="email-input"]');
    input.value = 'jan@example.org';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    $<HTMLInputElement>(el, '[part="measure-checkbox"]').click();
    await el.updateComplete;
    // (=== null: chai's diff of a shadow element on failure would hang the runner)
    expect(el.shadowRoot?.querySelector('[part="retry-button"]') === null, 'retry withdrawn').to.equal(true);
    server.offline = false;
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requestsTo('/subscribe')).to.have.length(1, "nothing sent behind the visitor's back");
    $(el, '[part="submit-button"]').click();
    await reach(el, 'pending');
    expect(server.requestsTo('/subscribe').at(-1)?.body).to.include({
      email: 'jan@example.org',
      measureOpens: false,
    });
    expect(server.mails.has('jna@example.org')).to.equal(false);
  });

  it('a 404 on subscribing (a wrong endpoint, no link involved) is an error with retry, not a dead link', async () => {
    const { el, server } = await mount();
    server.breakNext({ status: 404, body: { error: 'not_found', message: 'no route' } });
    await subscribe(el, 'jan@example.org');
    await reach(el, 'error');
    expect(text(el, '[part="alert"] [role="alert"]')).to.contain('Er ging iets mis');
    $(el, '[part="retry-button"]').click();
    await reach(el, 'pending');
  });

  it('a 404 on "send again" (no link involved) is an error with retry on the pending page, not a dead link', async () => {
    const el = await resendAnswered({ status: 404, body: { error: 'not_found', message: 'no route' } });
    expect(text(el, '[part="alert"] [role="alert"]')).to.contain('Er ging iets mis');
    expect(el.shadowRoot?.querySelector('[part="resend-button"]') !== null, 'still pending').to.equal(true);
    $(el, '[part="retry-button"]').click();
    await reach(el, 'pending');
  });

  it('shows a refused address on "send again" as an error on the pending page, where there is no field for it', async () => {
    const el = await resendAnswered({
      status: 400,
      body: { error: 'validation', message: 'bad', fields: { email: 'invalid' } },
    });
    expect(text(el, '[part="alert"] [role="alert"]')).to.contain('Er ging iets mis');
    expect(el.shadowRoot?.querySelector('[part="resend-button"]') !== null, 'still pending').to.equal(true);
  });

  it('says an hour-long wait in minutes, not "3600 seconden"', async () => {
    const { el, server } = await mount({ lang: 'en' });
    server.breakNext({ status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '3600' } });
    await subscribe(el, 'jan@example.org');
    await reach(el, 'error');
    expect(text(el, '[part="alert"] [role="alert"]')).to.contain('Please try again in 60 minutes.');
  });

  it('a rate-limited mail link offers "try again" once the wait is over (its page has no other button)', async () => {
    let now = 1_000_000;
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    server.breakNext({ status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '2' } });
    const { el } = await mount({ server, token, action: 'unsubscribe', now: () => now });
    await reach(el, 'error');
    const retry = $<HTMLButtonElement>(el, '[part="retry-button"]');
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(text(el, '[part="retry-button"]')).to.equal('Opnieuw proberen (over 2 seconden)');
    now += 2000;
    el.requestUpdate();
    await el.updateComplete;
    retry.click();
    await reach(el, 'unsubscribed');
    expect(server.subscriber('jan@example.org')?.status).to.equal('unsubscribed');
  });

  it('leaves focus where it was when a mail link is rate limited, though its "try again" is shown', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    server.breakNext({ status: 429, body: { error: 'rate_limited' }, headers: { 'Retry-After': '2' } });
    const { el } = await mount({ server, token, action: 'unsubscribe' });
    await reach(el, 'error');
    // The retry is there (the page has no other button) but waits: focus is not pulled onto it.
    expect(el.shadowRoot?.querySelector('[part="retry-button"]') !== null, 'retry shown').to.equal(true);
    expect(focused(el) === null, `focus on ${focused(el)?.getAttribute('part')}`).to.equal(true);
  });

  it('clears the last "saved" announcement when the next request starts, so it never sits beside a failure', async () => {
    const server = new FakeNewsletterServer();
    const token = server.addSubscriber('jan@example.org');
    const { el } = await mount({ server, token });
    await reach(el, 'manage');
    const preference = (key: string) => $(el, `[part="toggle"][data-preference="${key}"]`);
    preference('objectMarketing').click();
    await waitUntil(() => text(el, '[part="status"]') === 'Uw keuze is opgeslagen.', 'first save announced');
    const release = server.holdNext();
    preference('objectResearch').click();
    await el.updateComplete;
    // On its way: the earlier save is no news about this one.
    expect(text(el, '[part="status"]')).to.equal('');
    release({ status: 500 });
    await reach(el, 'error');
    expect(text(el, '[part="status"]')).to.equal('');
  });
});
