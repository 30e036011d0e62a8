import { expect } from '@open-wc/testing';
import nl from '../../statements/kopgroep.nl.json';
import en from '../../statements/kopgroep.en.json';
import {
  isSafeHref,
  validateStatement,
  contactEmail,
  type StatementDocument,
} from '../../src/elements/privacy-statement/document.js';
import { editedCopy, errorsOf } from './helpers.js';

/** A small valid document to break one field at a time. */
function base(): Record<string, unknown> {
  return {
    format: 'privacy-statement/1',
    revision: '2024-01-01',
    updated: '2024-01-01',
    language: 'nl',
    title: 'Privacyverklaring',
    sections: [
      { id: 'intro', heading: 'Inleiding', blocks: [{ type: 'paragraph', text: 'Tekst.' }] },
      { id: 'tweede', heading: 'Tweede', blocks: [] },
      {
        id: 'derde',
        heading: 'Derde',
        blocks: [{ type: 'list', items: ['een', 'twee'] }],
      },
    ],
  };
}

/** `base()` with `edit` applied to a deep copy. */
const withEdit = (edit: Parameters<typeof editedCopy>[1]) => editedCopy(base(), edit);

function warningsOf(input: unknown): string[] {
  return validateStatement(input).warnings.map((w) => `${w.path}: ${w.message}`);
}

const LEFT_OUT = 'not an http(s) or mailto URL: the link is left out';

describe('validateStatement', () => {
  it('accepts the shipped Dutch and English KopGroep statements', () => {
    const nlResult = validateStatement(nl);
    const enResult = validateStatement(en);
    expect(nlResult.ok ? [] : nlResult.errors).to.deep.equal([]);
    expect(enResult.ok ? [] : enResult.errors).to.deep.equal([]);
    expect([...nlResult.warnings, ...enResult.warnings]).to.deep.equal([]);
  });

  it('binds both statements to the revision 2018-06-18 and marks the English one as a translation', () => {
    expect(nl.revision).to.equal('2018-06-18');
    expect(nl.updated).to.equal('2018-06-18');
    expect(en.translationOf).to.deep.equal({ language: 'nl', revision: nl.revision });
    expect(contactEmail(nl as StatementDocument)).to.equal('privacy@kopgroepbibliotheken.nl');
  });

  it('accepts the small base document', () => {
    expect(validateStatement(base()).ok).to.equal(true);
  });

  it('refuses what is not an object', () => {
    for (const input of [null, 'text', 42, [], undefined]) {
      expect(errorsOf(input)).to.deep.equal([': expected a statement document (a JSON object)']);
    }
  });

  it('names the path of bad inline content inside a list', () => {
    const errors = errorsOf(withEdit((d) => (d.sections[2].blocks[0].items[1] = 42)));
    expect(errors).to.deep.equal(['sections[2].blocks[0].items[1]: expected inline content']);
  });

  it('reports unknown keys at every level', () => {
    const errors = errorsOf(
      withEdit((d) => {
        d.extra = 1;
        d.sections[0].colour = 'red';
        d.sections[0].blocks[0].style = 'bold';
      }),
    );
    expect(errors).to.have.members([
      'extra: unknown key "extra"',
      'sections[0].colour: unknown key "colour"',
      'sections[0].blocks[0].style: unknown key "style"',
    ]);
  });

  it('refuses a revision that could not be a consent revision (over 64 characters, or two lines)', () => {
    for (const revision of ['2024-05-01 '.padEnd(65, 'x'), '2024-05-01\nnieuw']) {
      expect(errorsOf(withEdit((d) => (d.revision = revision)))).to.deep.equal([
        'revision: at most 64 characters on one line',
      ]);
    }
  });

  it('checks the header fields', () => {
    const errors = errorsOf(
      withEdit((d) => {
        d.format = 'privacy-statement/2';
        d.revision = '';
        d.updated = '2018-02-30';
        d.language = 'Nederlands';
        d.title = 3;
        d.sections = [];
      }),
    );
    expect(errors).to.deep.equal([
      'format: expected "privacy-statement/1"',
      'revision: expected a non-empty string',
      'updated: expected a date written YYYY-MM-DD',
      'language: expected a language code such as "nl" or "en"',
      'title: expected a non-empty string',
      'sections: expected at least one entry',
    ]);
  });

  it('checks translationOf and the change history', () => {
    const errors = errorsOf(
      withEdit((d) => {
        d.translationOf = { language: 'xx-1', revision: '', note: 'x' };
        d.changes = [{ revision: 'r1', date: '18-06-2018', summary: [] }, 'r2'];
      }),
    );
    expect(errors).to.have.members([
      'translationOf.note: unknown key "note"',
      'translationOf.language: expected a language code such as "nl"',
      'translationOf.revision: expected a non-empty string',
      'changes[0].date: expected a date written YYYY-MM-DD',
      'changes[0].summary: expected inline content',
      'changes[1]: expected an object',
    ]);
  });

  it('refuses an original that calls itself a translation (translationOf in its own language)', () => {
    const errors = errorsOf(withEdit((d) => (d.translationOf = { language: d.language, revision: 'r' })));
    expect(errors).to.deep.equal([
      "translationOf.language: the document's own language: leave translationOf out of the original",
    ]);
  });

  it('checks section ids: format, uniqueness across sub-sections, and the reserved "changes"', () => {
    const errors = errorsOf(
      withEdit((d) => {
        d.sections[0].id = 'Intro Section';
        d.sections[1].id = 'changes';
        d.sections[2].subsections = [{ id: 'derde', heading: 'Sub', blocks: [] }];
      }),
    );
    expect(errors).to.deep.equal([
      'sections[0].id: expected an id of lowercase letters, digits and hyphens, starting with a letter',
      'sections[1].id: "changes" is reserved for the change history',
      'sections[2].subsections[0].id: duplicate id "derde"',
    ]);
  });

  it('allows one level of sub-sections only (no skipped or runaway heading levels)', () => {
    const errors = errorsOf(
      withEdit((d) => {
        d.sections[0].subsections = [
          {
            id: 'sub',
            heading: 'Sub',
            blocks: [],
            subsections: [{ id: 'subsub', heading: 'X', blocks: [] }],
          },
        ];
      }),
    );
    expect(errors).to.deep.equal([
      'sections[0].subsections[0].subsections: sub-sections cannot have sub-sections',
    ]);
  });

  it('checks every block type', () => {
    const doc = withEdit((d) => {
      d.sections[0].blocks = [
        { type: 'quote', text: 'x' },
        { type: 'list', items: [], ordered: 'yes' },
        { type: 'table', header: ['A', 'B'], rows: [['1', '2'], ['3']] },
        {
          type: 'contact',
          organisation: '',
          address: ['ok', 5],
          email: 'privacy@example.org?cc=evil@example.org',
          url: 'ftp://x',
        },
        { type: 'live', block: 'weather' },
        { type: 'live', block: 'cookie-table', href: 'https://example.org' },
        { type: 'live', block: 'newsletter', href: 'javascript:alert(1)' },
      ];
    });
    expect(errorsOf(doc)).to.deep.equal([
      'sections[0].blocks[0].type: expected "paragraph", "list", "table", "contact" or "live"',
      'sections[0].blocks[1].ordered: expected true or false',
      'sections[0].blocks[1].items: expected at least one entry',
      'sections[0].blocks[2].rows[1]: expected 2 cells like the header, got 1',
      'sections[0].blocks[3].organisation: expected a non-empty string',
      'sections[0].blocks[3].address[1]: expected a non-empty string',
      'sections[0].blocks[3].email: expected an e-mail address',
      'sections[0].blocks[4].block: expected one of cookie-table, change-choices, consent-id, newsletter',
      'sections[0].blocks[5].href: "href" belongs to the newsletter block only',
    ]);
    // Unsafe link targets spoil nothing else: they are left out, with a warning naming the path.
    expect(warningsOf(doc)).to.deep.equal([
      `sections[0].blocks[3].url: ${LEFT_OUT}`,
      `sections[0].blocks[6].href: ${LEFT_OUT}`,
    ]);
  });

  it('accepts an empty list of sub-sections', () => {
    expect(validateStatement(withEdit((d) => (d.sections[0].subsections = []))).ok).to.equal(true);
  });

  it('accepts live references inside a sentence, for the blocks that fit in one', () => {
    const ok = withEdit((d) => {
      d.sections[0].blocks[0].text = [
        'Uw code: ',
        { live: 'consent-id' },
        '. ',
        { live: 'change-choices' },
        { live: 'newsletter' },
      ];
    });
    expect(validateStatement(ok).ok).to.equal(true);
    const errors = errorsOf(
      withEdit((d) => {
        d.sections[0].blocks[0].text = [
          { live: 'cookie-table' },
          { live: 'weather' },
          { live: 'consent-id', text: 'x' },
        ];
      }),
    );
    const p = 'sections[0].blocks[0].text';
    expect(errors).to.deep.equal([
      `${p}[0].live: expected one of change-choices, consent-id, newsletter`,
      `${p}[1].live: expected one of change-choices, consent-id, newsletter`,
      `${p}[2]: expected exactly one of "text", "em", "strong", "link", "live"`,
    ]);
  });

  it('checks inline runs: one kind per run; a link with an unsafe href is only a warning', () => {
    const doc = withEdit((d) => {
      d.sections[0].blocks[0].text = [
        'plain',
        { em: 'nadruk' },
        { em: 'a', strong: 'b' },
        { strong: '' },
        { link: 'klik', href: 'javascript:alert(1)' },
        { link: 'data', href: 'data:text/html,<script>alert(1)</script>' },
        { link: 'tab', href: 'java\tscript:alert(1)' },
        { text: 'x', href: 'https://example.org' },
        { link: 'no href' },
      ];
    });
    const p = 'sections[0].blocks[0].text';
    expect(errorsOf(doc)).to.deep.equal([
      `${p}[2]: expected exactly one of "text", "em", "strong", "link", "live"`,
      `${p}[3].strong: expected a non-empty string`,
      `${p}[7].href: "href" belongs to a "link" run only`,
      `${p}[8].href: expected a non-empty string`,
    ]);
    expect(warningsOf(doc)).to.deep.equal([
      `${p}[4].href: ${LEFT_OUT}`,
      `${p}[5].href: ${LEFT_OUT}`,
      `${p}[6].href: ${LEFT_OUT}`,
    ]);
  });
});

describe('the README', () => {
  it('has a statement example that validates', async () => {
    const readme = await (await fetch('/README.md')).text();
    const section = readme.split('### Writing a statement (JSON)')[1] ?? '';
    const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(json, 'a ```json block under "Writing a statement (JSON)"').to.be.a('string');
    const result = validateStatement(JSON.parse(json as string));
    expect(result.ok ? [] : result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
  });
});

describe('isSafeHref', () => {
  it('allows http(s), mailto and relative links, refuses script and data URLs however written', () => {
    for (const ok of [
      'https://example.org',
      'http://x.nl/a?b',
      'mailto:a@b.nl',
      '/nieuwsbrief',
      '#changes',
    ]) {
      expect(isSafeHref(ok), ok).to.equal(true);
    }
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(isSafeHref(bad), bad).to.equal(false);
    }
  });
});
