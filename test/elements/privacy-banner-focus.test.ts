/** `<privacy-banner>`: focus after a keyboard decision from another privacy-kit element, and a top bar over the header. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/privacy-banner/index.js';
import '../../src/elements/privacy-settings-button/index.js';
import '../../src/elements/privacy-preferences/index.js';
import { connectPreferences } from '../../src/elements/setup.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { $, cleanUp, deepActive, deepElementFromPoint, mountBanner, useKit } from './helpers.js';

describe('<privacy-banner> focus', function (this: { timeout(ms: number): void }) {
  this.timeout(20_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('sends focus back to the settings button the keyboard came from (the footer link just before the bar)', async () => {
    useKit();
    const footer = await fixture(html`<footer><privacy-settings-button></privacy-settings-button></footer>`);
    const settings = footer.querySelector('privacy-settings-button')!;
    await settings.updateComplete;
    const inner = $(settings, 'button');
    const el = await mountBanner();
    inner.focus();
    $(el, '[part="reject-button"]').focus(); // as Tab does: from the footer's button into the bar
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    // Not <body>: the next Tab must not start over at the top of the page.
    expect(deepActive() === inner, 'focus on the settings button').to.equal(true);
    el.remove();
  });

  it('after saving in the dialog opened from the bar, the keyboard goes back to where it came from', async () => {
    const kit = useKit();
    const stop = connectPreferences(kit);
    const page = await fixture(
      html`<div><a href="#x">last link of the page</a><privacy-preferences></privacy-preferences></div>`,
    );
    const link = page.querySelector('a')!;
    const dialog = page.querySelector('privacy-preferences')!;
    const el = await mountBanner();
    link.focus();
    $(el, '[part="preferences-button"]').focus(); // as Tab does: from the link into the bar
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.shadowRoot?.querySelector('dialog[open]'), 'the dialog opens');
    $(dialog, '[part="save-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => !dialog.shadowRoot?.querySelector('dialog[open]'), 'the dialog closes');
    expect(el.open).to.equal(false);
    expect(document.activeElement === link, 'focus on the link, not <body>').to.equal(true);
    stop();
    el.remove();
  });

  it('with position="top", a focused link in the page header is not hidden under the bar (WCAG 2.4.11)', async () => {
    await setViewport({ width: 800, height: 600 });
    try {
      useKit();
      const page = await fixture(
        html`<div>
          <nav><a href="#home" id="home">Home</a></nav>
          <p style="height: 1500px">Inhoud</p>
        </div>`,
      );
      const link = page.querySelector<HTMLAnchorElement>('#home')!;
      const el = await mountBanner('top');
      scrollTo(0, 0);
      link.focus();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const box = link.getBoundingClientRect();
      const bar = $(el, '[part="banner"]').getBoundingClientRect();
      expect(box.top, 'the link starts below the bar').to.be.at.least(bar.bottom);
      expect(
        deepElementFromPoint(box.left + 2, box.top + box.height / 2) === link,
        'the link is on top',
      ).to.equal(true);
      el.remove();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
