/**
 * Shipped Dutch and English strings of the statement and its live blocks (namespace `statement`),
 * shared by `<privacy-statement>`, `<privacy-cookie-table>` and `<privacy-consent-id>`.
 * Sites override any of them through the config's `translations` (`statement.toc`, …).
 */
import { registerStrings, type Strings } from '../../i18n/strings.js';

const nl: Strings = {
  lastChanged: 'Laatst gewijzigd op {{date}}',
  lastChangedFooter: 'Deze privacyverklaring is voor het laatst aangepast op: {{date}}',
  toc: 'Inhoud',
  changesHeading: 'Wat is er veranderd?',
  changeRevision: 'versie {{revision}}',
  translationNote:
    'Dit is een vertaling van de oorspronkelijke verklaring in het {{language}} (versie {{revision}}). Bij verschillen geldt de oorspronkelijke tekst.',
  changeChoices: 'Cookie-instellingen wijzigen',
  newsletter: 'Aanmelden voor of afmelden van de nieuwsbrief',
  loading: 'De privacyverklaring wordt geladen…',
  contact: { email: 'E-mail', phone: 'Telefoon', website: 'Website' },
  error: {
    title: 'De privacyverklaring kan niet worden getoond.',
    http: 'Het document {{src}} kon niet worden geladen (HTTP-status {{status}}).',
    network: 'Het document {{src}} kon niet worden opgehaald: geen verbinding met de server.',
    timeout: 'Het document {{src}} kon niet worden opgehaald: de server antwoordde niet op tijd.',
    json: 'Het document {{src}} is geen geldige JSON.',
    invalid: 'Het document {{src}} bevat fouten:',
    empty:
      'Er staat hier nog geen privacyverklaring. Geef een adres op (src), zet het JSON-document erin of schrijf de tekst als HTML in het element.',
    inlineSource: 'in deze pagina',
  },
  cookieTable: {
    caption: 'Diensten en cookies op deze website',
    service: 'Dienst',
    purpose: 'Doel',
    provider: 'Aanbieder',
    cookies: 'Cookies en bewaartermijn',
    status: 'Uw keuze',
    granted: 'Toegestaan',
    refused: 'Geweigerd',
    none: 'Nog geen keuze',
    always: 'Altijd aan (noodzakelijk)',
    noCookies: 'Geen',
    notListed: 'Niet opgegeven',
    days_one: '{{count}} dag',
    days_other: '{{count}} dagen',
    consentCookie: 'Uw cookiekeuze',
    consentCookiePurpose: 'Onthoudt welke cookies u toestaat, zodat wij het u niet bij elk bezoek vragen.',
    thisSite: 'Deze website',
    unavailable:
      'Het overzicht van cookies is niet beschikbaar: op deze pagina zijn geen cookie-instellingen geladen.',
  },
  consentId: {
    label: 'Uw toestemmingscode:',
    none: 'U hebt op deze website nog geen keuze over cookies gemaakt.',
    inlineNone: 'nog niet bekend (u hebt nog geen keuze over cookies gemaakt)',
    unavailable:
      'Uw toestemmingscode kan op deze pagina niet worden getoond: hier zijn geen cookie-instellingen geladen.',
    mailLink: 'Vraag per e-mail inzage of correctie aan',
    subject: 'Verzoek om inzage of correctie (toestemmingscode {{id}})',
    subjectNoId: 'Verzoek om inzage of correctie',
    body: 'Geachte heer/mevrouw,\r\n\r\nIk wil graag mijn persoonsgegevens inzien of laten corrigeren.\r\n\r\nMijn toestemmingscode op uw website: {{id}}\r\n\r\nMet vriendelijke groet,\r\n',
    bodyNoId:
      'Geachte heer/mevrouw,\r\n\r\nIk wil graag mijn persoonsgegevens inzien of laten corrigeren.\r\n\r\nMet vriendelijke groet,\r\n',
  },
};

const en: Strings = {
  lastChanged: 'Last changed on {{date}}',
  lastChangedFooter: 'This privacy statement was last updated on {{date}}.',
  toc: 'Contents',
  changesHeading: 'What has changed?',
  changeRevision: 'revision {{revision}}',
  translationNote:
    'This is a translation of the original statement in {{language}} (revision {{revision}}). Where they differ, the original text applies.',
  changeChoices: 'Change cookie settings',
  newsletter: 'Subscribe to or unsubscribe from the newsletter',
  loading: 'Loading the privacy statement…',
  contact: { email: 'Email', phone: 'Phone', website: 'Website' },
  error: {
    title: 'The privacy statement cannot be shown.',
    http: 'The document {{src}} could not be loaded (HTTP status {{status}}).',
    network: 'The document {{src}} could not be fetched: no connection to the server.',
    timeout: 'The document {{src}} could not be fetched: the server did not answer in time.',
    json: 'The document {{src}} is not valid JSON.',
    invalid: 'The document {{src}} contains errors:',
    empty:
      'There is no privacy statement here yet. Give its address (src), put the JSON document inside, or write the text as HTML inside the element.',
    inlineSource: 'in this page',
  },
  cookieTable: {
    caption: 'Services and cookies on this website',
    service: 'Service',
    purpose: 'Purpose',
    provider: 'Provider',
    cookies: 'Cookies and expiry',
    status: 'Your choice',
    granted: 'Allowed',
    refused: 'Refused',
    none: 'No choice yet',
    always: 'Always on (necessary)',
    noCookies: 'None',
    notListed: 'Not listed',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    consentCookie: 'Your cookie choice',
    consentCookiePurpose:
      'Remembers which cookies you allow, so that we do not have to ask you on every visit.',
    thisSite: 'This website',
    unavailable: 'The cookie overview is not available: no cookie settings are loaded on this page.',
  },
  consentId: {
    label: 'Your consent ID:',
    none: 'You have not made a choice about cookies on this website yet.',
    inlineNone: 'not known yet (you have not made a choice about cookies)',
    unavailable: 'Your consent ID cannot be shown on this page: no cookie settings are loaded here.',
    mailLink: 'Request access or correction by email',
    subject: 'Request for access or correction (consent ID {{id}})',
    subjectNoId: 'Request for access or correction',
    body: 'Hello,\r\n\r\nI would like to access or correct my personal data.\r\n\r\nMy consent ID on your website: {{id}}\r\n\r\nKind regards,\r\n',
    bodyNoId: 'Hello,\r\n\r\nI would like to access or correct my personal data.\r\n\r\nKind regards,\r\n',
  },
};

let registered = false;

/** Registers the `statement` strings once; every element of this family calls it when constructed. */
export function ensureStatementStrings(): void {
  if (registered) return;
  registered = true;
  registerStrings('statement', { nl, en });
}
