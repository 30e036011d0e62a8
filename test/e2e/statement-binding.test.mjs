// `statement.bindRevision`: the statement document's revision is the consent revision, so that
// publishing a new statement asks visitors again (issue: "a changed statement asks for consent
// again"). The loader reads it before anything runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIG, launchBrowser, newContext, openPage, page, sitePage, startServer } from './harness.mjs';

let server;
let browser;
let statementRevision = '2024-05-01';
/** The statement's answer: 200 with the revision above, or a failure status (a deploy, a CDN blip). */
let statementStatus = 200;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  server.pages.set('/statement.json', () => ({
    status: statementStatus,
    body: JSON.stringify({ revision: statementRevision, title: 'Privacyverklaring' }),
    headers: { 'content-type': 'application/json' },
  }));
  const bound = (src) => ({ ...CONFIG, statement: { src, bindRevision: true } });
  page(server, '/', sitePage({ config: bound('/statement.json') }));
  page(server, '/missing.html', sitePage({ config: bound('/no-statement.json') }));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context, path = '/') {
  const tab = await openPage(context);
  await tab.page.goto(server.origin() + path, { waitUntil: 'networkidle' });
  await tab.page.evaluate(() => window.privacyKit.ready);
  return tab;
}

describe('statement.bindRevision: a new statement asks again', () => {
  it("records the statement's revision, and asks again, with the earlier choices, once it changes", async () => {
    statementRevision = '2024-05-01';
    const { context, vendorRequests } = await newContext(browser);
    const { page: first } = await open(context);
    const state = await first.evaluate(() =>
      window.privacyKit.update({ categories: { analytics: true, marketing: false } }),
    );
    assert.equal(state.revision, '2024-05-01');
    await first.close();

    const { page: same } = await open(context);
    assert.equal(await same.evaluate(() => window.privacyKit.needsDecision()), false);
    await same.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-ABC'));
    await same.close();

    statementRevision = '2025-01-01';
    const requestsBefore = vendorRequests.length;
    const { page: changed } = await open(context);
    assert.equal(await changed.evaluate(() => window.privacyKit.needsDecisionReason()), 'revision');
    assert.equal(await changed.evaluate(() => window.privacyKit.getConsent()), null);
    assert.equal(
      await changed.evaluate(() => window.privacyKit.getStoredConsent().categories.analytics),
      true,
    );
    await changed.locator('privacy-banner [part~="accept-button"]').waitFor();
    assert.equal(vendorRequests.length, requestsBefore, 'nothing runs on the old consent');
    await context.close();
  });

  it('falls back to the config revision, with a warning, when the statement cannot be read', async () => {
    const { context } = await newContext(browser);
    const { page: tab, errors } = await openPage(context);
    const warnings = [];
    tab.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await tab.goto(server.origin() + '/missing.html', { waitUntil: 'networkidle' });
    await tab.evaluate(() => window.privacyKit.ready);
    assert.equal(await tab.evaluate(() => window.privacyKit.config.revision), CONFIG.revision);
    assert.ok(
      warnings.some((w) => /statement's revision \(Error: HTTP 404\)/.test(w)),
      warnings.join('\n'),
    );
    assert.deepEqual(
      errors.filter((e) => e.startsWith('privacy-kit')),
      [],
    );
    assert.equal(
      await tab.evaluate(() => window.privacyKit.acceptAll()).then((s) => s.revision),
      CONFIG.revision,
    );
    await context.close();
  });

  it('a revision the config would refuse (too long) falls back to config.revision with a warning, the config stays valid', async () => {
    statementRevision =
      '2024-05-01 nieuwe nieuwsbriefsectie, Adobe verwijderd en de bewaartermijnen aangepast';
    const { context } = await newContext(browser);
    const { page: tab, errors, warnings } = await open(context);
    assert.equal(await tab.evaluate(() => window.privacyKit.config.revision), CONFIG.revision);
    assert.ok(
      warnings.some((w) => /no revision of 1 to 64 characters/.test(w)),
      warnings.join('\n'),
    );
    assert.deepEqual(
      errors.filter((e) => e.startsWith('privacy-kit')),
      [],
    );
    await tab.locator('privacy-banner [part~="accept-button"]').waitFor();
    statementRevision = '2024-05-01';
    await context.close();
  });

  it('a statement that fails to load once does not ask a visitor again: their revision stands', async () => {
    statementRevision = '2025-02-01';
    const { context } = await newContext(browser);
    const { page: first } = await open(context);
    await first.evaluate(() => window.privacyKit.acceptAll());
    await first.close();

    statementStatus = 503;
    try {
      const { page: blip } = await open(context);
      assert.equal(await blip.evaluate(() => window.privacyKit.needsDecisionReason()), null);
      await blip.waitForFunction(() => (window.__vendor ?? []).includes('gtag:G-ABC'));
      assert.equal(await blip.evaluate(() => document.querySelector('privacy-banner')), null);
      // A change made meanwhile is recorded under the revision the visitor saw, not config.revision.
      const changed = await blip.evaluate(() =>
        window.privacyKit.update({ categories: { marketing: true } }),
      );
      assert.equal(changed.revision, '2025-02-01');
      await blip.close();
    } finally {
      statementStatus = 200;
    }
    const { page: next } = await open(context);
    assert.equal(await next.evaluate(() => window.privacyKit.needsDecisionReason()), null);
    await context.close();
    statementRevision = '2024-05-01';
  });

  it(
    'a statement that never answers holds nothing for good: after 8 s the banner shows on config.revision',
    { timeout: 30_000 },
    async () => {
      const { context } = await newContext(browser);
      await context.route('**/statement.json', () => {}); // never fulfilled, never continued
      const { page: tab, warnings } = await openPage(context);
      await tab.goto(server.origin() + '/', { waitUntil: 'domcontentloaded' });
      const started = Date.now();
      await tab.evaluate(() => window.privacyKit.ready);
      assert.ok(Date.now() - started < 12_000);
      await tab.locator('privacy-banner [part~="accept-button"]').waitFor();
      assert.equal(await tab.evaluate(() => window.privacyKit.config.revision), CONFIG.revision);
      assert.ok(
        warnings.some((w) => /statement's revision \(TimeoutError/.test(w)),
        warnings.join('\n'),
      );
      await context.close();
    },
  );

  it('a revision with a lone surrogate (no cookie can hold it) falls back too, the config stays valid', async () => {
    statementRevision = '2025-01-01\ud800';
    const { context } = await newContext(browser);
    const { page: tab, errors } = await open(context);
    assert.equal(await tab.evaluate(() => window.privacyKit.config.revision), CONFIG.revision);
    assert.deepEqual(
      errors.filter((e) => e.startsWith('privacy-kit')),
      [],
    );
    await tab.locator('privacy-banner [part~="accept-button"]').waitFor();
    statementRevision = '2024-05-01';
    await context.close();
  });

  it('a statement address that cannot be parsed (a templating slip) falls back with a warning; nothing throws', async () => {
    const config = { ...CONFIG, statement: { src: 'https://[cdn]/statement.json', bindRevision: true } };
    const path = page(server, '/unparsable.html', sitePage({ config }));
    const { context } = await newContext(browser);
    const { page: tab, errors, warnings, pageErrors } = await open(context, path);
    assert.deepEqual(pageErrors, []);
    assert.equal(await tab.evaluate(() => window.privacyKit.config.revision), CONFIG.revision);
    assert.ok(
      warnings.some((w) => /statement's revision \(TypeError.*URL/.test(w)),
      warnings.join('\n'),
    );
    assert.deepEqual(
      errors.filter((e) => e.startsWith('privacy-kit')),
      [],
    );
    await tab.locator('privacy-banner [part~="accept-button"]').waitFor();
    await context.close();
  });
});
