import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import { installBlockedContent } from '../../src/integrations/blocked-content.js';
import { captureWarnings, makeKit, ranScripts as ran, settleBlocked as settle } from './helpers.js';

// Markup that passed a sanitiser (which keeps data-* values as they are) or came from a vendor's
// snippet: what the page asked for must happen, and nothing more.
describe('blocked content: markup from elsewhere', () => {
  let root: HTMLDivElement;
  let stop = () => {};
  beforeEach(() => {
    window.__ran = [];
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    stop();
    root.remove();
  });

  it("keeps a blocked script's onload attribute working, as on a plain <script src onload>", async () => {
    const kit = makeKit();
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = 'analytics';
    script.dataset.src = '/test/integrations/fixtures/record.js?n=lib';
    script.setAttribute('onload', "(window.__ran ||= []).push('onload')");
    root.append(script);
    stop = installBlockedContent(kit, { root });
    kit.acceptAll();
    await waitUntil(() => ran().includes('onload'));
    await settle(root);
    expect(ran()).to.deep.equal(['lib', 'onload']);
  });

  for (const [tag, src] of [
    ['iframe', "javascript:parent.__ran.push('frame')"],
    ['iframe', " JAVA\tSCRIPT:parent.__ran.push('frame')"],
    ['iframe', 'data:text/html,<script>parent.__ran.push(1)</script>'],
    ['img', "javascript:parent.__ran.push('img')"],
  ] as const) {
    it(`never gives a granted ${tag} the address ${JSON.stringify(src.slice(0, 16))}: http(s) only, with a warning`, async () => {
      const kit = makeKit();
      const el = document.createElement(tag);
      el.dataset.consent = 'necessary';
      el.dataset.src = src;
      const safe = document.createElement(tag);
      safe.dataset.consent = 'necessary';
      safe.dataset.src = '/test/integrations/fixtures/blank.html';
      root.append(el, safe);
      const warnings = await captureWarnings(() => (stop = installBlockedContent(kit, { root })));
      await new Promise((r) => setTimeout(r, 200));
      expect(ran()).to.deep.equal([]);
      expect(el.hasAttribute('src')).to.equal(false);
      // The rest of the page is not held up by it.
      expect(safe.getAttribute('src')).to.equal('/test/integrations/fixtures/blank.html');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('not http(s), not loaded');
    });
  }
});
