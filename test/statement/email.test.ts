/** The one plain-address rule behind every `mailto:` the statement and `<privacy-consent-id>` make. */
import { expect } from '@open-wc/testing';
import { validateStatement } from '../../src/elements/privacy-statement/document.js';
import { isPlainEmail } from '../../src/elements/shared/email.js';
import nl from '../../statements/kopgroep.nl.json';

/** Addresses a mail client would turn into more than one recipient, or into headers. */
const CRAFTED = [
  'spy%40evil.example%2Cprivacy@kopgroepbibliotheken.nl',
  'spy%40evil.example,privacy@kopgroepbibliotheken.nl',
  'a,b@kopgroepbibliotheken.nl',
  'spy@evil.example;privacy@kopgroepbibliotheken.nl',
  'privacy@kopgroepbibliotheken.nl%3Fbcc%3Dspy%2540evil.example',
  'privacy@kopgroepbibliotheken.nl?bcc=spy@evil.example',
  'privacy@kopgroepbibliotheken.nl&bcc=spy@evil.example',
  'privacy=x@kopgroepbibliotheken.nl',
  '"Privacy" <privacy@kopgroepbibliotheken.nl>',
  '<privacy@kopgroepbibliotheken.nl>',
  'privacy@kopgroepbibliotheken.nl (spy@evil.example)',
  'privacy @kopgroepbibliotheken.nl',
  'privacy@kopgroep\nbibliotheken.nl',
  'privacy@kopgroepbibliotheken',
  'privacy@kopgroepbibliotheken.',
  'privacy@.nl',
  'privacy@kopgroep..nl',
  '@kopgroepbibliotheken.nl',
  'javascript:alert(1)//@x.nl',
];

describe('isPlainEmail', () => {
  it('accepts ordinary addresses', () => {
    for (const email of [
      'privacy@kopgroepbibliotheken.nl',
      'fg@example.org',
      'first.last+privacy@mail.example.co.uk',
      "o'brien@example.ie",
      'info@bücherei.example',
    ])
      expect(isPlainEmail(email), email).to.equal(true);
  });

  it('refuses an address with % , ; < > " ( ) ? & = or whitespace, and one without a domain ending', () => {
    for (const email of CRAFTED) expect(isPlainEmail(email), email).to.equal(false);
  });
});

describe('validateStatement: the contact e-mail', () => {
  const withEmail = (email: string): unknown => {
    const doc = structuredClone(nl) as { sections: { id: string; blocks: { email?: string }[] }[] };
    const contact = doc.sections.find((s) => s.id === 'contactgegevens')?.blocks[0];
    if (!contact?.email) throw new Error('the shipped statement has no contact e-mail');
    contact.email = email;
    return doc;
  };

  it('refuses one that adds a recipient or a header (the request mail would go there too)', () => {
    for (const email of CRAFTED) {
      const result = validateStatement(withEmail(email));
      expect(result.ok, email).to.equal(false);
      if (!result.ok)
        expect(result.errors.map((e) => e.message)).to.deep.equal(['expected an e-mail address']);
    }
  });

  it('accepts a plain one', () => {
    expect(validateStatement(withEmail('fg@example.org')).ok).to.equal(true);
  });
});
