import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import type {
  PrivacyStatement,
  StatementErrorDetail,
  StatementLoadDetail,
} from '../../src/elements/privacy-statement/index.js';
import nl from '../../statements/kopgroep.nl.json';
import { waitUntil } from '../wait.js';
import {
  AXE_TEST_TIMEOUT_MS,
  cleanUp,
  jsonUrl,
  mountStatement,
  shadowAll,
  shadowOne,
  squash,
  type SuiteContext,
} from './helpers.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

/** A minimal valid document whose first paragraph is `text`. */
function docWith(text: unknown, extra: Record<string, unknown> = {}): unknown {
  return {
    format: 'privacy-statement/1',
    revision: 'r1',
    updated: '2024-03-01',
    language: 'nl',
    title: 'Privacyverklaring <img src=x onerror="window.__pwned=1">',
    sections: [
      { id: 'een', heading: '<script>window.__pwned=1</script>', blocks: [{ type: 'paragraph', text }] },
    ],
    ...extra,
  };
}

function alertText(el: Element): string {
  return squash(shadowOne(el, '[role="alert"]').textContent);
}

describe('<privacy-statement> when the document cannot be shown', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
    delete window.__pwned;
  });

  it('shows a visible error and fires privacy-error on a 404', async () => {
    let bubbled: Event | undefined;
    document.body.addEventListener('privacy-error', (e) => (bubbled = e), { once: true });
    const { el, event } = await mountStatement((s) => {
      s.setAttribute('lang', 'nl');
      s.src = '/statements/no-such-statement.json';
    });
    expect(event.type).to.equal('privacy-error');
    expect((event.detail as StatementErrorDetail).reason).to.equal('http');
    expect((event.detail as StatementErrorDetail).status).to.equal(404);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(bubbled).to.equal(event);
    expect(alertText(el)).to.contain('De privacyverklaring kan niet worden getoond.');
    expect(alertText(el)).to.contain(
      '/statements/no-such-statement.json kon niet worden geladen (HTTP-status 404)',
    );
    await expect(el).to.be.accessible();
  });

  it('says the server could not be reached on a network failure', async () => {
    // Port 9 (discard) on the loopback interface: nothing listens, the connection is refused.
    const { el, event } = await mountStatement((s) => {
      s.setAttribute('lang', 'en');
      s.src = 'http://127.0.0.1:9/statement.json';
    });
    expect((event.detail as StatementErrorDetail).reason).to.equal('network');
    expect(alertText(el)).to.contain('The privacy statement cannot be shown.');
    expect(alertText(el)).to.contain('no connection to the server');
    await expect(el).to.be.accessible();
  });

  it('says it is loading while the document is on its way (a polite status), accessibly', async () => {
    // The server is outside what is under test: this one answers never.
    const original = window.fetch;
    window.fetch = () => new Promise<Response>(() => undefined);
    try {
      const el = document.createElement('privacy-statement');
      el.setAttribute('lang', 'nl');
      el.src = '/statements/kopgroep.nl.json';
      document.body.append(el);
      await el.updateComplete;
      const status = shadowOne(el, '[part="loading"]');
      expect(status.getAttribute('role')).to.equal('status');
      expect(squash(status.textContent)).to.equal('De privacyverklaring wordt geladen…');
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = original;
    }
  });

  it('reports invalid JSON from the server and in an inline script child', async () => {
    const bad = URL.createObjectURL(
      new Blob(['{"format": "privacy-statement/1",'], { type: 'application/json' }),
    );
    document.documentElement.setAttribute('lang', 'nl');
    const { el, event } = await mountStatement((s) => (s.src = bad));
    expect((event.detail as StatementErrorDetail).reason).to.equal('json');
    expect(alertText(el)).to.contain('is geen geldige JSON');

    const { el: inline, event: inlineEvent } = await mountStatement((s) => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = '{ nope';
      s.append(script);
    });
    expect((inlineEvent.detail as StatementErrorDetail).reason).to.equal('json');
    expect(alertText(inline)).to.contain('Het document in deze pagina is geen geldige JSON.');
    await expect(el).to.be.accessible();
    await expect(inline).to.be.accessible();
  });

  it('lists the validation errors of an invalid document, with their paths', async () => {
    const broken = structuredClone(nl) as { sections: { blocks: unknown[] }[] };
    (broken.sections[2] as { blocks: unknown[] }).blocks[1] = { type: 'list', items: ['ok', 7] };
    const { el, event } = await mountStatement((s) => (s.src = jsonUrl(broken)));
    const detail = event.detail as StatementErrorDetail;
    expect(detail.reason).to.equal('invalid');
    expect(detail.errors).to.deep.equal([
      { path: 'sections[2].blocks[1].items[1]', message: 'expected inline content' },
    ]);
    expect(alertText(el)).to.contain('sections[2].blocks[1].items[1]: expected inline content');
    expect(shadowAll(el, 'h2')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows a clear error and fires privacy-error when it has no src, no JSON and no content', async () => {
    document.documentElement.setAttribute('lang', 'nl');
    const { el, event } = await mountStatement(() => undefined);
    expect(event.type).to.equal('privacy-error');
    expect((event.detail as StatementErrorDetail).reason).to.equal('empty');
    expect(alertText(el)).to.contain('De privacyverklaring kan niet worden getoond.');
    expect(alertText(el)).to.contain('Er staat hier nog geen privacyverklaring.');
    await expect(el).to.be.accessible();
  });

  it('an empty element that receives HTML content becomes a statement', async () => {
    const { el } = await mountStatement(() => undefined);
    const h2 = document.createElement('h2');
    h2.textContent = 'Website';
    el.append(h2);
    await waitUntil(() => shadowAll(el, 'nav a').length === 1, 'the table of contents appears');
    expect(shadowAll(el, '[role="alert"]')).to.have.length(0);
    expect((el as PrivacyStatement).statement).to.equal(undefined);
  });

  it('counts only whitespace or an empty JSON script as no statement', async () => {
    const { event } = await mountStatement((s) => s.append(document.createTextNode('\n   \n')));
    expect((event.detail as StatementErrorDetail).reason).to.equal('empty');
    const { event: inline } = await mountStatement((s) => {
      const script = document.createElement('script');
      script.type = 'application/json';
      s.append(script);
    });
    expect((inline.detail as StatementErrorDetail).reason).to.equal('json');
  });

  it('recovers when src is changed to a good document', async () => {
    const { el } = await mountStatement((s) => (s.src = '/statements/no-such-statement.json'));
    const loaded = new Promise((resolve) =>
      el.addEventListener('privacy-statement-load', resolve, { once: true }),
    );
    el.src = jsonUrl(nl);
    await loaded;
    await el.updateComplete;
    expect(shadowAll(el, '[role="alert"]')).to.have.length(0);
    expect(shadowOne(el, 'h1').textContent).to.equal('Privacyverklaring');
  });

  it('ignores the answer for a src that was replaced while it loaded', async () => {
    const first = jsonUrl(nl);
    const el = document.createElement('privacy-statement');
    el.setAttribute('lang', 'nl');
    el.src = first;
    let loads = 0;
    el.addEventListener('privacy-statement-load', () => loads++);
    document.body.append(el);
    await el.updateComplete; // the fetch of `first` is under way
    const failed = new Promise<Event>((resolve) =>
      el.addEventListener('privacy-error', resolve, { once: true }),
    );
    el.src = '/statements/no-such-statement.json';
    await failed;
    // By the time our own read of `first` finishes, the element's earlier one has too.
    await (await fetch(first)).text();
    await el.updateComplete;
    expect(loads).to.equal(0);
    expect(alertText(el)).to.contain('HTTP-status 404');
  });
});

describe('<privacy-statement> with a hostile document', function (this: SuiteContext) {
  this.timeout(AXE_TEST_TIMEOUT_MS);
  afterEach(() => {
    cleanUp();
    document.body.replaceChildren();
    delete window.__pwned;
  });

  it('renders markup in the text as text and runs nothing', async () => {
    const hostile = docWith([
      '<img src=x onerror="window.__pwned=1"> ',
      { strong: '<script>window.__pwned=2</script>' },
      { em: '" onmouseover="window.__pwned=3' },
    ]);
    const { el, event } = await mountStatement((s) => (s.document = hostile));
    expect(event.type).to.equal('privacy-statement-load');
    const p = shadowOne(el, 'section p');
    expect(p.querySelector('img, script')).to.equal(null);
    expect(shadowAll(el, 'img, script, [onerror], [onmouseover]')).to.have.length(0);
    expect(squash(p.textContent)).to.equal(
      '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script>" onmouseover="window.__pwned=3',
    );
    expect(shadowOne(el, 'h2').textContent).to.equal('<script>window.__pwned=1</script>');
    expect(shadowOne(el, 'h1').textContent).to.contain('<img src=x onerror=');
    // Give an injected image a chance to fail and its handler to run, had one been created.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(window.__pwned).to.equal(undefined);
  });

  it('drops a javascript: or data: link but keeps its text and the rest of the document, and warns', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      for (const href of [
        'javascript:window.__pwned=1',
        'data:text/html,<script>alert(1)</script>',
        ' JaVa\tScRiPt:window.__pwned=1',
      ]) {
        warnings.length = 0;
        const { el, event } = await mountStatement(
          (s) =>
            (s.document = docWith([
              'Lees ',
              { link: 'klik hier', href },
              ' of ',
              { link: 'onze site', href: 'https://example.org/' },
            ])),
        );
        expect(event.type, href).to.equal('privacy-statement-load');
        const detail = event.detail as StatementLoadDetail;
        expect(detail.warnings.map((w) => w.path)).to.deep.equal(['sections[0].blocks[0].text[1].href']);
        expect(warnings).to.deep.equal([
          'privacy-statement: sections[0].blocks[0].text[1].href: not an http(s) or mailto URL: the link is left out',
        ]);
        expect(squash(shadowOne(el, 'section p').textContent)).to.equal('Lees klik hier of onze site');
        expect(shadowAll<HTMLAnchorElement>(el, 'section a').map((a) => a.href)).to.deep.equal([
          'https://example.org/',
        ]);
        expect(shadowAll(el, '[role="alert"]')).to.have.length(0);
        el.remove();
      }
    } finally {
      console.warn = warn;
    }
    expect(window.__pwned).to.equal(undefined);
  });

  it('never renders an unsafe href as a link even if the document changes after validation', async () => {
    const links: { link: string; href: string }[] = [{ link: 'klik hier', href: 'https://example.org/' }];
    const doc = docWith(links);
    const { el } = await mountStatement((s) => (s.document = doc));
    expect(shadowOne<HTMLAnchorElement>(el, 'section a').href).to.equal('https://example.org/');
    (links[0] as { href: string }).href = 'javascript:window.__pwned=1';
    el.requestUpdate();
    await el.updateComplete;
    expect(shadowAll(el, 'section a')).to.have.length(0);
    expect(squash(shadowOne(el, 'section p').textContent)).to.equal('klik hier');
  });
});
