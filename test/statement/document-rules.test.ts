/** `validateStatement` and `contactEmail`: rules the broader checks in document.test.ts leave open. */
import { expect } from '@open-wc/testing';
import {
  contactEmail,
  validateStatement,
  type StatementDocument,
} from '../../src/elements/privacy-statement/document.js';
import { editedCopy, errorsOf } from './helpers.js';

/** A small valid document with one section and one sub-section. */
function base(): Record<string, unknown> {
  return {
    format: 'privacy-statement/1',
    revision: '2024-01-01',
    updated: '2024-01-01',
    language: 'nl',
    title: 'Privacyverklaring',
    sections: [
      {
        id: 'intro',
        heading: 'Inleiding',
        blocks: [{ type: 'paragraph', text: 'Tekst.' }],
        subsections: [{ id: 'vragen', heading: 'Vragen', blocks: [] }],
      },
    ],
  };
}

/** `base()` with `edit` applied to a deep copy. */
const withEdit = (edit: Parameters<typeof editedCopy>[1]) => editedCopy(base(), edit);

describe('validateStatement: blank text and empty runs', () => {
  it('refuses a title, heading or text that is only spaces (the visitor would see nothing)', () => {
    const errors = errorsOf(
      withEdit((d) => {
        d.title = '   ';
        d.sections[0].heading = ' \n ';
        d.sections[0].blocks[0].text = [{ strong: '  ' }];
      }),
    );
    expect(errors).to.deep.equal([
      'title: expected a non-empty string',
      'sections[0].heading: expected a non-empty string',
      'sections[0].blocks[0].text[0].strong: expected a non-empty string',
    ]);
  });

  it('names a run with no kind at all (an empty object, or an href alone) as such', () => {
    const errors = errorsOf(
      withEdit((d) => (d.sections[0].blocks[0].text = ['Zie ', {}, { href: 'https://example.org' }])),
    );
    const p = 'sections[0].blocks[0].text';
    expect(errors).to.deep.equal([
      `${p}[1]: expected exactly one of "text", "em", "strong", "link", "live"`,
      `${p}[2]: expected exactly one of "text", "em", "strong", "link", "live"`,
    ]);
  });
});

describe('contactEmail', () => {
  it('finds the contact address in a sub-section (where the access-request mail goes)', () => {
    const result = validateStatement(
      withEdit((d) => {
        d.sections[0].subsections[0].blocks = [
          { type: 'contact', organisation: 'Stichting X', email: 'privacy@example.org' },
        ];
      }),
    );
    expect(result.ok).to.equal(true);
    expect(contactEmail((result.ok ? result.value : base()) as StatementDocument)).to.equal(
      'privacy@example.org',
    );
  });

  it('takes the first contact block that has an address, in reading order', () => {
    const doc = withEdit((d) => {
      d.sections[0].blocks.push({ type: 'contact', organisation: 'Zonder adres' });
      d.sections[0].subsections[0].blocks = [
        { type: 'contact', organisation: 'Eerste', email: 'eerste@example.org' },
      ];
      d.sections.push({
        id: 'later',
        heading: 'Later',
        blocks: [{ type: 'contact', organisation: 'Tweede', email: 'tweede@example.org' }],
      });
    }) as StatementDocument;
    expect(validateStatement(doc).ok).to.equal(true);
    expect(contactEmail(doc)).to.equal('eerste@example.org');
  });
});
