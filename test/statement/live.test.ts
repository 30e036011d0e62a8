import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { PrivacyConsentId, PrivacyCookieTable } from '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import { loadI18next, resetI18nextForTests } from '../../src/i18n/i18n.js';
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from '../wait.js';
import { twelveServicesConfig } from '../elements/helpers.js';
import {
  AXE_TEST_TIMEOUT_MS,
  cleanUp,
  kopgroepConfig,
  mountStatement,
  shadowAll,
  shadowOne,
  squash,
  useKit,
  type SuiteContext,
} from './helpers.js';

/** Service → status text, as the table shows it. */
function statuses(table: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of shadowAll(table, 'tbody tr')) {
    out[row.getAttribute('data-service') ?? ''] = squash(row.querySelector('td:last-child')?.textContent);
  }
  return out;
}

/** The decoded parts of a mailto: link. */
function parseMailto(href: string): { to: string; subject: string; body: string } {
  const url = new URL(href);
  return {
    to: url.pathname,
    subject: url.searchParams.get('subject') ?? '',
    body: url.searchParams.get('body') ?? '',
  };
}

describe('<privacy-cookie-table>', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => cleanUp());

  it('lists every configured service with purpose, provider, cookies and lifetimes', async () => {
    useKit();
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    const ga = shadowOne(table, 'tr[data-service="google-analytics"]');
    const cells = [...ga.children].map((c) => squash(c.textContent));
    expect([0, 1, 2, 4].map((i) => cells[i])).to.deep.equal([
      'Google Analytics',
      'Bezoek meten',
      'Google',
      'Nog geen keuze',
    ]);
    expect([...ga.querySelectorAll('li')].map((li) => squash(li.textContent))).to.deep.equal([
      '_ga — 2 jaar',
      '_gid',
    ]);
    const yt = [...shadowOne(table, 'tr[data-service="youtube"]').children].map((c) => squash(c.textContent));
    expect(yt.slice(0, 3)).to.deep.equal(['YouTube', 'Video’s van YouTube', 'Google']);
    const own = [...shadowOne(table, 'tr[data-service="(consent)"]').children].map((c) =>
      squash(c.textContent),
    );
    expect(own).to.deep.equal([
      'Uw cookiekeuze',
      'Onthoudt welke cookies u toestaat, zodat wij het u niet bij elk bezoek vragen.',
      'Deze website',
      'privacy_consent — 182 dagen',
      'Altijd aan (noodzakelijk)',
    ]);
    expect(squash(shadowOne(table, 'caption').textContent)).to.equal('Diensten en cookies op deze website');
    await expect(table).to.be.accessible();
  });

  it('follows the visitor’s choice live, without a reload', async () => {
    const kit = useKit();
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="en"></privacy-cookie-table>`,
    );
    expect(statuses(table)).to.deep.include({
      'google-analytics': 'No choice yet',
      youtube: 'No choice yet',
    });
    kit.update({ categories: { analytics: true, marketing: false } });
    await table.updateComplete;
    expect(statuses(table)).to.deep.include({
      'google-analytics': 'Allowed',
      'adobe-analytics': 'Allowed',
      youtube: 'Refused',
    });
    kit.update({ services: { 'adobe-analytics': false } });
    await table.updateComplete;
    expect(statuses(table)).to.deep.include({ 'google-analytics': 'Allowed', 'adobe-analytics': 'Refused' });
    kit.rejectAll();
    await table.updateComplete;
    expect(statuses(table)).to.deep.include({
      'google-analytics': 'Refused',
      youtube: 'Refused',
      '(consent)': 'Always on (necessary)',
    });
    await expect(table).to.be.accessible();
  });

  it('updates inside the statement too', async () => {
    const kit = useKit();
    const { el } = await mountStatement((s) => (s.document = nl));
    const table = shadowOne<PrivacyCookieTable>(el, 'privacy-cookie-table');
    expect(table.closest('section')?.getAttribute('data-section')).to.equal('website');
    expect(statuses(table)['google-analytics']).to.equal('Nog geen keuze');
    kit.acceptAll();
    await table.updateComplete;
    expect(statuses(table)['google-analytics']).to.equal('Toegestaan');
    el.remove();
  });

  it('says "1 dag" / "1 day" and "N dagen" / "N days", with or without i18next', async () => {
    const lifetime = async (lang: string) => {
      const table = await fixture<PrivacyCookieTable>(
        html`<privacy-cookie-table lang=${lang}></privacy-cookie-table>`,
      );
      return squash(shadowOne(table, 'tr[data-service="(consent)"] li').textContent);
    };
    useKit({ ...kopgroepConfig, cookie: { maxAgeDays: 1 } });
    expect(await lifetime('nl')).to.equal('privacy_consent — 1 dag');
    expect(await lifetime('en')).to.equal('privacy_consent — 1 day');
    await loadI18next();
    try {
      expect(await lifetime('nl')).to.equal('privacy_consent — 1 dag');
      cleanUp();
      useKit({ ...kopgroepConfig, cookie: { maxAgeDays: 30 } });
      expect(await lifetime('en')).to.equal('privacy_consent — 30 days');
    } finally {
      resetI18nextForTests();
    }
  });

  it('names well-known services and categories when the config gives no labels (the minimal script-tag config)', async () => {
    useKit({
      revision: '2018-06-18',
      language: 'nl',
      categories: { analytics: {}, marketing: {} },
      services: {
        'google-analytics': { category: 'analytics', google: { measurementId: 'G-XXXX' } },
        'adobe-analytics': { category: 'analytics' },
      },
    });
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    const cells = (service: string) =>
      [...shadowOne(table, `tr[data-service="${service}"]`).children]
        .slice(0, 2)
        .map((c) => squash(c.textContent));
    expect(cells('google-analytics')).to.deep.equal(['Google Analytics', 'Statistieken']);
    expect(cells('adobe-analytics')).to.deep.equal(['Adobe Analytics', 'Statistieken']);
  });

  it('says the overview is unavailable on a page without consent settings', async () => {
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    expect(squash(shadowOne(table, '[part="unavailable"]').textContent)).to.contain('niet beschikbaar');
    await expect(table).to.be.accessible();
  });

  it('treats an empty text in the config as missing and falls back (next language, then the category)', async () => {
    useKit({
      ...kopgroepConfig,
      services: {
        'google-analytics': { category: 'analytics', label: { nl: '', en: 'GA' }, description: '' },
      },
    });
    const table = await fixture<PrivacyCookieTable>(
      html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
    );
    const cells = [...shadowOne(table, 'tr[data-service="google-analytics"]').children].map((c) =>
      squash(c.textContent),
    );
    expect(cells.slice(0, 2)).to.deep.equal(['GA', 'Bezoek meten']);
  });

  it("lets a keyboard user reach the table's scroll region and scroll it with the arrow keys", async () => {
    useKit();
    const page = await fixture<HTMLElement>(
      html`<div style="width: 320px">
        <button id="before">before</button>
        <privacy-cookie-table lang="nl"></privacy-cookie-table>
      </div>`,
    );
    const table = page.querySelector('privacy-cookie-table') as PrivacyCookieTable;
    await table.updateComplete;
    const region = shadowOne(table, '[role="region"]');
    expect(region.getAttribute('aria-labelledby')).to.equal('caption');
    expect(region.scrollWidth, 'the table is wider than 320 px').to.be.greaterThan(region.clientWidth);
    (page.querySelector('#before') as HTMLElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(table.shadowRoot?.activeElement).to.equal(region);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => region.scrollLeft > 0, 'the region scrolls');
  });

  for (const [name, config, rows] of [
    ['no services', { ...kopgroepConfig, services: {} }, 1],
    ['twelve services', twelveServicesConfig(), 13],
  ] as const) {
    it(`lists the consent cookie and every service with ${name}, accessibly`, async () => {
      useKit(config);
      const table = await fixture<PrivacyCookieTable>(
        html`<privacy-cookie-table lang="nl"></privacy-cookie-table>`,
      );
      expect(shadowAll(table, 'tbody tr')).to.have.length(rows);
      await expect(table).to.be.accessible();
    });
  }

  it('renders config strings as text', async () => {
    useKit({
      ...kopgroepConfig,
      services: {
        evil: {
          category: 'analytics',
          label: '<img src=x onerror=alert(1)>',
          provider: '<b>x</b>',
          cookies: ['<i>'],
        },
      },
    });
    const table = await fixture<PrivacyCookieTable>(html`<privacy-cookie-table></privacy-cookie-table>`);
    expect(shadowAll(table, 'img, b, i')).to.have.length(0);
    expect(squash(shadowOne(table, 'tr[data-service="evil"] th').textContent)).to.equal(
      '<img src=x onerror=alert(1)>',
    );
  });
});

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
    ]) {
      const el = await fixture<PrivacyConsentId>(
        html`<privacy-consent-id email=${email}></privacy-consent-id>`,
      );
      expect(shadowAll(el, 'a'), email).to.have.length(0);
    }
  });
});

describe('<privacy-statement> live blocks', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  it('opens the preferences from the change-choices button, with the button as opener', async () => {
    const kit = useKit();
    const openers: (Element | null | undefined)[] = [];
    kit.on('show-preferences', (d) => openers.push(d.opener));
    const { el } = await mountStatement((s) => (s.document = nl));
    const button = shadowOne<HTMLButtonElement>(el, 'button[part="change-choices"]');
    expect(squash(button.textContent)).to.equal('Cookie-instellingen wijzigen');
    button.click();
    expect(openers).to.deep.equal([button]);
  });

  it('leaves the button out when the page has no consent settings (a button that does nothing misleads)', async () => {
    const { el } = await mountStatement((s) => (s.document = nl));
    expect(shadowAll(el, 'button')).to.have.length(0);
  });

  it('links the newsletter block to newsletter-href, or to an in-page <privacy-newsletter>', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('newsletter-href', '/nieuwsbrief');
      s.document = nl;
    });
    const link = shadowOne<HTMLAnchorElement>(el, 'a[part="newsletter-link"]');
    expect(link.getAttribute('href')).to.equal('/nieuwsbrief');
    expect(link.closest('section')?.getAttribute('data-section')).to.equal('nieuwsbrief');
    el.remove();

    const target = document.createElement('privacy-newsletter');
    target.id = 'aanmelden';
    document.body.append(target);
    const { el: inPage } = await mountStatement((s) => (s.document = nl));
    expect(shadowOne(inPage, 'a[part="newsletter-link"]').getAttribute('href')).to.equal('#aanmelden');
  });

  it('fills live references inside a sentence: the consent id (live) and a change-choices button', async () => {
    const kit = useKit();
    const openers: (Element | null | undefined)[] = [];
    kit.on('show-preferences', (d) => openers.push(d.opener));
    const doc = {
      format: 'privacy-statement/1',
      revision: 'r1',
      updated: '2024-03-01',
      language: 'nl',
      title: 'Privacyverklaring',
      sections: [
        {
          id: 'inzage',
          heading: 'Inzage',
          blocks: [
            {
              type: 'paragraph',
              text: [
                'Uw toestemmingscode: ',
                { live: 'consent-id' },
                '. Wijzigen? ',
                { live: 'change-choices' },
              ],
            },
          ],
        },
      ],
    };
    const { el } = await mountStatement((s) => (s.document = doc));
    const p = shadowOne(el, 'section p');
    expect(squash(p.textContent)).to.equal(
      'Uw toestemmingscode: nog niet bekend (u hebt nog geen keuze over cookies gemaakt). Wijzigen? Cookie-instellingen wijzigen',
    );
    const state = kit.acceptAll();
    await el.updateComplete;
    expect(shadowOne(el, 'section p code[part="consent-id"]').textContent).to.equal(state.id);
    const button = shadowOne<HTMLButtonElement>(el, 'section p button[part="change-choices"]');
    button.click();
    expect(openers).to.deep.equal([button]);
    await expect(el).to.be.accessible();
  });

  for (const [name, config, rows] of [
    ['no services', { ...kopgroepConfig, services: {} }, 1],
    ['twelve services', twelveServicesConfig(), 13],
  ] as const) {
    it(`shows the whole statement with ${name} configured`, async () => {
      const kit = useKit(config);
      const { el, event } = await mountStatement((s) => (s.document = nl));
      expect(event.type).to.equal('privacy-statement-load');
      const table = shadowOne<PrivacyCookieTable>(el, 'privacy-cookie-table');
      expect(shadowAll(table, 'tbody tr')).to.have.length(rows);
      kit.acceptAll();
      await table.updateComplete;
      const statuses = shadowAll(table, 'tbody tr').map((r) => r.getAttribute('data-status'));
      expect(statuses.filter((s) => s === 'granted')).to.have.length(rows - 1);
    });
  }

  it('keeps working when the statement revision differs from the consent config revision', async () => {
    const kit = useKit({ ...kopgroepConfig, revision: '2025-01-01' });
    const { el, event } = await mountStatement((s) => (s.document = nl));
    expect(event.type).to.equal('privacy-statement-load');
    kit.acceptAll();
    const table = shadowOne<PrivacyCookieTable>(el, 'privacy-cookie-table');
    await table.updateComplete;
    expect(statuses(table)['google-analytics']).to.equal('Toegestaan');
  });
});
