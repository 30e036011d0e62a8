/** `<privacy-consent-id>`: the id, the request mail, and where its address comes from. */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { PrivacyConsentId } from '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import {
  AXE_TEST_TIMEOUT_MS,
  cleanUp,
  kopgroepConfig,
  mountStatement,
  shadowAll,
  shadowOne,
  squash,
  useKit,
  useKitAfterRevisionChange,
  type SuiteContext,
  parseMailto,
} from './helpers.js';

describe('<privacy-consent-id>', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => cleanUp());

  it('shows "no choice yet" and a request mail without an id before a decision', async () => {
    useKit();
    const el = await fixture<PrivacyConsentId>(
      html`<privacy-consent-id lang="nl" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`,
    );
    expect(squash(shadowOne(el, '[part="id"]').textContent)).to.equal(
      'U hebt op deze website nog geen keuze over cookies gemaakt.',
    );
    const mail = parseMailto(shadowOne<HTMLAnchorElement>(el, 'a[part="mail-link"]').href);
    expect(mail.to).to.equal('privacy@kopgroepbibliotheken.nl');
    expect(mail.subject).to.equal('Verzoek om inzage of correctie');
    await expect(el).to.be.accessible();
  });

  it('keeps a subject set by the site whole in the mail link, & and # included', async () => {
    const subject = 'Inzage & correctie #1';
    useKit({ ...kopgroepConfig, translations: { nl: { 'statement.consentId.subjectNoId': subject } } });
    const el = await fixture<PrivacyConsentId>(
      html`<privacy-consent-id lang="nl" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`,
    );
    const mail = parseMailto(shadowOne<HTMLAnchorElement>(el, 'a[part="mail-link"]').href);
    expect(mail.subject).to.equal(subject);
    expect(mail.body).to.contain('\r\n');
  });

  it('after the statement changed, still shows the id of the last stored choice (its receipts are under it)', async () => {
    const { kit, old } = useKitAfterRevisionChange();
    expect(kit.getConsent()).to.equal(null);
    const el = await fixture<PrivacyConsentId>(
      html`<privacy-consent-id lang="en" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`,
    );
    expect(shadowOne(el, 'code').textContent).to.equal(old.id);
    const mail = parseMailto(shadowOne<HTMLAnchorElement>(el, 'a[part="mail-link"]').href);
    expect(mail.subject).to.contain(old.id);
  });

  it('carries the consent id in the mail link once the visitor decided, live', async () => {
    const kit = useKit();
    const el = await fixture<PrivacyConsentId>(
      html`<privacy-consent-id lang="en" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`,
    );
    const state = kit.rejectAll();
    await el.updateComplete;
    expect(state.id).to.be.a('string').and.not.equal('');
    expect(shadowOne(el, 'code').textContent).to.equal(state.id);
    expect(squash(shadowOne(el, '[part="id"]').textContent)).to.equal(`Your consent ID: ${state.id}`);
    const mail = parseMailto(shadowOne<HTMLAnchorElement>(el, 'a[part="mail-link"]').href);
    expect(mail.subject).to.equal(`Request for access or correction (consent ID ${state.id})`);
    expect(mail.body).to.contain(`My consent ID on your website: ${state.id}`);
    expect(mail.body).to.contain('\r\n');
    await expect(el).to.be.accessible();
  });

  it('uses the statement’s contact e-mail inside the statement, or the element’s email attribute', async () => {
    const kit = useKit();
    const state = kit.acceptAll();
    const { el } = await mountStatement((s) => (s.document = nl));
    const id = shadowOne<PrivacyConsentId>(el, 'privacy-consent-id');
    expect(id.closest('section')?.getAttribute('data-section')).to.equal('inzage-en-correctie');
    const mail = parseMailto(shadowOne<HTMLAnchorElement>(id, 'a').href);
    expect(mail.to).to.equal('privacy@kopgroepbibliotheken.nl');
    expect(mail.body).to.contain(`Mijn toestemmingscode op uw website: ${state.id}`);
    expect(mail.body.startsWith('Geachte heer/mevrouw,\r\n')).to.equal(true);
    el.setAttribute('email', 'fg@example.org');
    await el.updateComplete;
    await id.updateComplete;
    expect(parseMailto(shadowOne<HTMLAnchorElement>(id, 'a').href).to).to.equal('fg@example.org');
    el.remove();
  });

  it('keeps the statement’s contact e-mail when the email attribute is no plain address, and warns once', async () => {
    useKit();
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const { el } = await mountStatement((s) => {
        s.setAttribute('email', 'privacy@kopgroepbibliotheken'); // a typo: no domain ending
        s.document = nl;
      });
      const id = shadowOne<PrivacyConsentId>(el, 'privacy-consent-id');
      expect(parseMailto(shadowOne<HTMLAnchorElement>(id, 'a[part="mail-link"]').href).to).to.equal(
        'privacy@kopgroepbibliotheken.nl',
      );
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.deep.equal([
        'privacy-statement: email="privacy@kopgroepbibliotheken" is not one plain e-mail address; the document\'s contact e-mail is used',
      ]);
      el.remove();
    } finally {
      console.warn = warn;
    }
  });

  it('on a page without consent settings says the id cannot be shown, and still offers the request mail', async () => {
    const el = await fixture<PrivacyConsentId>(
      html`<privacy-consent-id lang="nl" email="privacy@kopgroepbibliotheken.nl"></privacy-consent-id>`,
    );
    expect(squash(shadowOne(el, '[part="id"]').textContent)).to.equal(
      'Uw toestemmingscode kan op deze pagina niet worden getoond: hier zijn geen cookie-instellingen geladen.',
    );
    expect(parseMailto(shadowOne<HTMLAnchorElement>(el, 'a[part="mail-link"]').href).subject).to.equal(
      'Verzoek om inzage of correctie',
    );
    await expect(el).to.be.accessible();
  });

  it('offers no link for an address that would add recipients or headers', async () => {
    useKit();
    for (const email of [
      'a@b.nl?cc=x@y.nl',
      'a@b.nl&bcc=x@y.nl',
      'javascript:alert(1)//@x.nl',
      'not-an-address',
      // Mail clients percent-decode the address and split it at commas: two recipients.
      'spy%40evil.example%2Cprivacy@kopgroepbibliotheken.nl',
      'spy%40evil.example,privacy@kopgroepbibliotheken.nl',
      'spy@evil.example;privacy@kopgroepbibliotheken.nl',
      'privacy@kopgroepbibliotheken.nl%3Fbcc%3Dspy%2540evil.example',
      '"Privacy" <privacy@kopgroepbibliotheken.nl>',
      'privacy@kopgroepbibliotheken.nl (spy@evil.example)',
    ]) {
      const el = await fixture<PrivacyConsentId>(
        html`<privacy-consent-id email=${email}></privacy-consent-id>`,
      );
      expect(shadowAll(el, 'a'), email).to.have.length(0);
    }
  });

  it('sends the request to the address without the spaces around it in the attribute', async () => {
    useKit();
    const el = await fixture<PrivacyConsentId>(
      html`<privacy-consent-id lang="nl" email="  privacy@kopgroepbibliotheken.nl "></privacy-consent-id>`,
    );
    const href = shadowOne<HTMLAnchorElement>(el, 'a[part="mail-link"]').getAttribute('href') ?? '';
    expect(href.startsWith('mailto:privacy@kopgroepbibliotheken.nl?')).to.equal(true);
  });
});
