/** The change history's order, and what the error view and `privacy-error` say about an invalid document. */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type { StatementErrorDetail } from '../../src/elements/privacy-statement/index.js';
import { waitUntil } from '../wait.js';
import {
  cleanUp,
  jsonUrl,
  minimalStatement,
  mountStatement,
  shadowAll,
  shadowOne,
  squash,
  type SuiteContext,
} from './helpers.js';

/** A minimal valid document of revision r3. */
const doc = (extra: Record<string, unknown> = {}) => minimalStatement({ revision: 'r3', ...extra });

describe('<privacy-statement> change history', function (this: SuiteContext) {
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  it('lists the changes in the order the document gives them, each with its date and revision', async () => {
    const { el } = await mountStatement((s) => {
      s.setAttribute('lang', 'nl');
      s.document = doc({
        changes: [
          { revision: 'r3', date: '2024-03-01', summary: 'Nieuwsbrief toegevoegd.' },
          { revision: 'r2', date: '2020-01-15', summary: 'YouTube toegevoegd.' },
          { revision: 'r1', date: '2018-06-18', summary: 'Vastgesteld.' },
        ],
      });
    });
    const entries = shadowAll(el, '[part="changes"] li').map((li) => squash(li.textContent));
    expect(entries).to.deep.equal([
      '1 maart 2024 (versie r3): Nieuwsbrief toegevoegd.',
      '15 januari 2020 (versie r2): YouTube toegevoegd.',
      '18 juni 2018 (versie r1): Vastgesteld.',
    ]);
    const times = shadowAll(el, '[part="changes"] time').map((t) => t.getAttribute('datetime'));
    expect(times).to.deep.equal(['2024-03-01', '2020-01-15', '2018-06-18']);
  });
});

describe('<privacy-statement> with an invalid document', function (this: SuiteContext) {
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
  });

  it('shows every error of a document with several, each with its path', async () => {
    const broken = doc({ format: 'x', revision: '', updated: 'gisteren', language: 'Nederlands', title: 1 });
    const { el, event } = await mountStatement((s) => (s.document = broken));
    const errors = (event.detail as StatementErrorDetail).errors ?? [];
    expect(errors).to.have.length(5);
    const items = shadowAll(el, '[role="alert"] li').map((li) => squash(li.textContent));
    expect(items).to.deep.equal(errors.map((e) => `${e.path}: ${e.message}`));
  });

  it('names the whole document "(document)" when it is not an object at all', async () => {
    const { el, event } = await mountStatement((s) => (s.document = ['not', 'a', 'statement']));
    expect((event.detail as StatementErrorDetail).reason).to.equal('invalid');
    const items = shadowAll(el, '[role="alert"] li').map((li) => squash(li.textContent));
    expect(items).to.deep.equal(['(document): expected a statement document (a JSON object)']);
  });

  it('names the src of an invalid document in privacy-error and in the message', async () => {
    const src = jsonUrl(doc({ title: '' }));
    const { el, event } = await mountStatement((s) => {
      s.setAttribute('lang', 'en');
      s.src = src;
    });
    const detail = event.detail as StatementErrorDetail;
    expect(detail.reason).to.equal('invalid');
    expect(detail.src).to.equal(src);
    expect(squash(shadowOne(el, '[role="alert"]').textContent)).to.contain(src);
  });

  it('marks the error with the language it is written in, on a page in a language it does not speak', async () => {
    document.documentElement.setAttribute('lang', 'fr');
    const { el } = await mountStatement((s) => (s.document = 42));
    const alert = shadowOne(el, '[role="alert"]');
    const text = squash(alert.textContent);
    const written = text.startsWith('De privacyverklaring')
      ? 'nl'
      : text.startsWith('The privacy')
        ? 'en'
        : '?';
    expect(alert.closest('[lang]')?.getAttribute('lang')).to.equal(written);
  });

  it('reports only the src it ended with when src is replaced while loading, not the one it dropped', async () => {
    const el = document.createElement('privacy-statement');
    el.src = jsonUrl(doc());
    const reasons: string[] = [];
    let loads = 0;
    el.addEventListener('privacy-error', (e) =>
      reasons.push((e as CustomEvent<StatementErrorDetail>).detail.reason),
    );
    el.addEventListener('privacy-statement-load', () => loads++);
    document.body.append(el);
    await el.updateComplete; // the first request is under way
    el.src = '/statements/no-such-statement.json';
    await waitUntil(() => reasons.length > 0, 'no privacy-error');
    // Give a late answer for the dropped src the time to arrive.
    await (await fetch(jsonUrl(doc()))).text();
    await el.updateComplete;
    expect(reasons).to.deep.equal(['http']);
    expect(loads).to.equal(0);
  });
});
