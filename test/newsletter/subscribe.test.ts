import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { NewsletterChangeDetail } from '../../src/elements/privacy-newsletter/index.js';
import { FakeNewsletterServer } from './fake-server.js';
import { $, focused, mount, reach, REVISION, subscribe, text } from './helpers.js';

describe('<privacy-newsletter> subscribing', () => {
  it('shows the form with the consent box and the measurement box both unticked, and the revision', async () => {
    const { el } = await mount();
    expect(el.state).to.equal('subscribe');
    const consent = $<HTMLInputElement>(el, '[part="consent-checkbox"]');
    const measure = $<HTMLInputElement>(el, '[part="measure-checkbox"]');
    expect(consent.checked).to.equal(false);
    expect(consent.required).to.equal(true);
    expect(measure.checked).to.equal(false);
    expect(text(el, 'label[for="consent"]')).to.contain('maandelijkse digitale nieuwsbrief');
    expect(text(el, 'label[for="measure"]')).to.equal(
      'Ja, meet ook of ik de nieuwsbrief open en waarop ik klik.',
    );
    // The revision is tied to the consent box, so a screen reader reads it with the box.
    expect(consent.getAttribute('aria-describedby')).to.contain('consent-revision');
    // A date revision reads as a date, in the visitor's language.
    expect(REVISION).to.equal('2018-06-18');
    expect(text(el, '#consent-revision')).to.contain(
      'Zoals beschreven in de privacyverklaring van 18 juni 2018.',
    );
    expect($(el, 'label[for="email"]').textContent).to.contain('Uw e-mailadres');
    // Required, and said so in the label as for the consent box (WCAG 3.3.2).
    expect($(el, 'label[for="email"]').textContent).to.contain('(verplicht)');
    await expect(el).to.be.accessible();
  });

  it('refuses a malformed address: no request, focus on the field, the error read with it (said once)', async () => {
    const { el, server } = await mount();
    await subscribe(el, 'jan@voorbeeld');
    const input = $<HTMLInputElement>(el, '[part="email-input"]');
    expect(focused(el)).to.equal(input);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const error = $(el, '#email-error');
    expect(input.getAttribute('aria-describedby')).to.equal('email-error');
    // Read as the focused field's description, not also as an alert.
    expect(error.hasAttribute('role')).to.equal(false);
    expect(error.textContent).to.contain('Dit e-mailadres klopt niet');
    expect(server.requests).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('says the error when Enter in the address field submits it: focus is there already, so moving it says nothing', async () => {
    const { el, server } = await mount();
    const input = $<HTMLInputElement>(el, '[part="email-input"]');
    $<HTMLInputElement>(el, '[part="consent-checkbox"]').click();
    input.focus();
    await sendKeys({ type: 'jan@voorbeeld' });
    await sendKeys({ press: 'Enter' });
    const region = () =>
      document.querySelector('privacy-announcer')?.shadowRoot?.querySelector('[role="status"]');
    await waitUntil(() => region()?.textContent?.includes('Dit e-mailadres klopt niet'));
    expect(focused(el)).to.equal(input);
    expect(server.requests).to.have.length(0);
    // Focus moved by a click on "Aanmelden": the field's description says it; nothing more is said.
    const said = region()!.textContent;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await subscribe(el, 'piet@voorbeeld');
    expect(region()!.textContent).to.equal(said);
  });

  it('asks for an address when the field is empty', async () => {
    const { el, server } = await mount();
    await subscribe(el, '   ');
    expect(text(el, '#email-error')).to.equal('Vul uw e-mailadres in.');
    expect(focused(el)).to.equal($(el, '[part="email-input"]'));
    expect(server.requests).to.have.length(0);
  });

  it('requires the consent box: no request, focus on the box, the error announced', async () => {
    const { el, server } = await mount();
    await subscribe(el, 'jan@example.org', { consent: false, measure: true });
    const consent = $<HTMLInputElement>(el, '[part="consent-checkbox"]');
    expect(focused(el)).to.equal(consent);
    expect(consent.getAttribute('aria-invalid')).to.equal('true');
    expect(consent.getAttribute('aria-describedby')).to.contain('consent-error');
    expect($(el, '#consent-error').hasAttribute('role')).to.equal(false);
    expect(server.requests).to.have.length(0);
    // Fixing it clears the error on the next submit and sends the subscription.
    consent.click();
    $(el, '[part="submit-button"]').click();
    await reach(el, 'pending');
    expect(server.requestsTo('/subscribe')).to.have.length(1);
  });

  it('focuses the first of two errors (the address) on submit', async () => {
    const { el } = await mount();
    await subscribe(el, 'nope', { consent: false });
    expect(focused(el)).to.equal($(el, '[part="email-input"]'));
    expect(el.shadowRoot?.querySelectorAll('[part="field-error"]')).to.have.length(2);
    expect(el.shadowRoot?.querySelectorAll('[role="alert"]')).to.have.length(0);
  });

  it('subscribes with the exact consent wording, the revision and the measurement choice, then says to check the inbox', async () => {
    const { el, server } = await mount();
    const changed = oneEvent(el, 'privacy-newsletter-change');
    await subscribe(el, 'jan@example.org', { measure: true });
    const event = (await changed) as CustomEvent<NewsletterChangeDetail>;
    expect(event.detail).to.deep.equal({ action: 'subscribe' });
    expect(event.bubbles && event.composed).to.equal(true);
    await reach(el, 'pending');
    const body = server.requestsTo('/subscribe')[0]?.body;
    expect(body).to.deep.equal({
      email: 'jan@example.org',
      revision: REVISION,
      consentText:
        'Ja, ik wil de maandelijkse digitale nieuwsbrief ontvangen. Ik weet dat ik mij op elk moment weer kan afmelden.',
      measureOpens: true,
      language: 'nl',
    });
    expect(server.subscriber('jan@example.org')?.status).to.equal('pending');
    expect(text(el, '[part="heading"]')).to.equal('Kijk in uw mailbox');
    expect(el.shadowRoot?.textContent).to.contain('jan@example.org');
    expect(focused(el)).to.equal($(el, '[part="heading"]'));
    await expect(el).to.be.accessible();
  });

  it('leaves measurement off unless the visitor ticks it', async () => {
    const { el, server } = await mount();
    await subscribe(el, 'jan@example.org');
    await reach(el, 'pending');
    expect(server.requestsTo('/subscribe')[0]?.body.measureOpens).to.equal(false);
  });

  it('answers a known address exactly like a new one, whether the mail went or was held back (no leak)', async () => {
    let now = 1_000_000;
    const server = new FakeNewsletterServer();
    server.now = () => now;
    server.addSubscriber('bekend@example.org');
    server.addPending('wacht@example.org'); // mailed just now: the limit holds its next mail back
    const addresses = ['bekend@example.org', 'wacht@example.org', 'nieuw@example.org'];
    const mailsTo = (address: string): number => server.mails.get(address)?.length ?? 0;
    const journeys = await Promise.all(
      addresses.map(async (address) => {
        const { el } = await mount({ server, now: () => now });
        const events: unknown[] = [];
        el.addEventListener('privacy-newsletter-change', (e) => events.push(e.detail));
        return { address, el, events, mailsBefore: mailsTo(address) };
      }),
    );
    /** Everything the visitor and the site can observe, with the typed address taken out. */
    const observed = async ({ el, address, events }: (typeof journeys)[number]) => {
      await el.updateComplete;
      const resend = $<HTMLButtonElement>(el, '[part="resend-button"]');
      return {
        state: el.state,
        text: (el.shadowRoot?.textContent ?? '').replaceAll(address, 'ADDRESS').replace(/\s+/g, ' '),
        focus: focused(el)?.getAttribute('part'),
        resend: `aria-disabled=${resend.getAttribute('aria-disabled')}: ${text(el, '[part="resend-button"]')}`,
        events: [...events],
        requests: server.requests
          .filter((r) => r.body.email === address)
          .map((r) => `${r.path} ${Object.keys(r.body).join(',')}`),
      };
    };

    // One visitor after another (focus is in one element at a time), each observed after their step.
    const afterSubscribe = [];
    for (const journey of journeys) {
      await subscribe(journey.el, journey.address);
      await reach(journey.el, 'pending');
      afterSubscribe.push(await observed(journey));
    }
    // The premise: behind the same answer, one mail went out and two did not.
    expect(journeys.map((j) => mailsTo(j.address) - j.mailsBefore)).to.deep.equal([0, 0, 1]);
    const [known, held, fresh] = afterSubscribe;
    expect(known).to.deep.equal(fresh);
    expect(held).to.deep.equal(fresh);
    expect(fresh?.focus).to.equal('heading');
    expect(fresh?.resend).to.equal('aria-disabled=true: E-mail opnieuw versturen (over 60 seconden)');

    now += 60_000;
    const afterResend = [];
    for (const journey of journeys) {
      journey.el.requestUpdate();
      await journey.el.updateComplete;
      // Pressed as a visitor would (focused first), so no journey keeps focus from the step before.
      $(journey.el, '[part="resend-button"]').focus();
      $(journey.el, '[part="resend-button"]').click();
      await waitUntil(() => journey.events.length === 2, 'the resend was not answered');
      afterResend.push(await observed(journey));
    }
    const [knownAgain, heldAgain, freshAgain] = afterResend;
    expect(knownAgain).to.deep.equal(freshAgain);
    expect(heldAgain).to.deep.equal(freshAgain);
    expect(freshAgain?.text).to.contain('We hebben de e-mail opnieuw verstuurd.');
  });

  it('waits the resend-delay the integrator set before "send again"', async () => {
    const { el } = await mount();
    el.setAttribute('resend-delay', '10');
    await subscribe(el, 'jan@example.org');
    await reach(el, 'pending');
    expect(text(el, '[part="resend-button"]')).to.contain('over 10 s');
  });

  it('enables "send again" only after the delay, counting down by the clock, and sends again', async () => {
    let now = 1_000_000;
    const { el, server } = await mount({ now: () => now });
    await subscribe(el, 'jan@example.org');
    await reach(el, 'pending');
    const resend = $<HTMLButtonElement>(el, '[part="resend-button"]');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect(resend.textContent).to.contain('over 60 s');
    now += 45_500;
    el.requestUpdate();
    await el.updateComplete;
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect(resend.textContent).to.contain('over 15 s');
    now += 15_000;
    el.requestUpdate();
    await el.updateComplete;
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    expect(resend.textContent?.trim()).to.equal('E-mail opnieuw versturen');
    await expect(el).to.be.accessible();

    const changed = oneEvent(el, 'privacy-newsletter-change');
    resend.focus();
    resend.click();
    expect(((await changed) as CustomEvent<NewsletterChangeDetail>).detail.action).to.equal('resend');
    await el.updateComplete;
    expect(server.requestsTo('/resend')[0]?.body).to.deep.equal({ email: 'jan@example.org' });
    expect(text(el, '[part="status"]')).to.equal('We hebben de e-mail opnieuw verstuurd.');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    // The visitor who pressed it keeps their place; pressing it again while it waits sends nothing.
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.equal('resend-button');
    resend.click();
    await el.updateComplete;
    expect(server.requestsTo('/resend')).to.have.length(1);
  });

  it('goes back to the form with the address kept to correct a typo, without the last status', async () => {
    let now = Date.now();
    const { el } = await mount({ now: () => now });
    await subscribe(el, 'jan@exampel.org');
    await reach(el, 'pending');
    now += 61_000;
    el.requestUpdate();
    await el.updateComplete;
    $(el, '[part="resend-button"]').click();
    await waitUntil(() => text(el, '[part="status"]'), 'no status after sending again');
    $(el, '[part="change-email-button"]').click();
    await reach(el, 'subscribe');
    expect($<HTMLInputElement>(el, '[part="email-input"]').value).to.equal('jan@exampel.org');
    expect(focused(el)).to.equal($(el, '[part="heading"]'));
    // "We sent the e-mail again" belongs to the waiting view, not to the form.
    expect(text(el, '[part="status"]')).to.equal('');
  });

  it('shows an address the server refuses on the field, like a client-side check', async () => {
    const { el, server } = await mount();
    server.breakNext({
      status: 400,
      body: { error: 'validation', message: 'bad', fields: { email: 'undeliverable' } },
    });
    await subscribe(el, 'jan@example.org');
    await waitUntil(() => el.shadowRoot?.querySelector('#email-error'), 'no field error');
    expect(el.state).to.equal('subscribe');
    expect(text(el, '#email-error')).to.contain('Dit e-mailadres klopt niet');
    expect(focused(el)).to.equal($(el, '[part="email-input"]'));
  });

  it('renders a hostile address as text', async () => {
    const { el, server } = await mount();
    const hostile = '"<img src=x onerror=alert(1)>"@x.org';
    await subscribe(el, hostile);
    await reach(el, 'pending');
    expect(server.requestsTo('/subscribe')[0]?.body.email).to.equal(hostile);
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect(el.shadowRoot?.textContent).to.contain(hostile);
  });

  it('can be used with the keyboard alone', async () => {
    const { el, server } = await mount();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part="email-input"]'));
    await sendKeys({ type: 'jan@example.org' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part="consent-checkbox"]'));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal($(el, '[part="submit-button"]'));
    await sendKeys({ press: 'Enter' });
    await reach(el, 'pending');
    expect(server.requestsTo('/subscribe')[0]?.body).to.include({
      email: 'jan@example.org',
      measureOpens: false,
    });
    // "Send again" is reachable while it waits (aria-disabled, its name says how long); then the address.
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('resend-button');
    expect(focused(el)?.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('change-email-button');
    before.remove();
  });

  it('speaks English with lang="en", and sends the English consent wording', async () => {
    const { el, server } = await mount({ lang: 'en' });
    expect(text(el, '[part="heading"]')).to.equal('Subscribe to the newsletter');
    await subscribe(el, 'jan@example.org');
    await reach(el, 'pending');
    expect(text(el, '[part="heading"]')).to.equal('Check your inbox');
    expect(server.requestsTo('/subscribe')[0]?.body).to.include({
      language: 'en',
      consentText:
        'Yes, I would like to receive the monthly digital newsletter. I understand that I can unsubscribe at any time.',
    });
    await expect(el).to.be.accessible();
  });
});
