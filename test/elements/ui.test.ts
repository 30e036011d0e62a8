import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { PrivacyPreferences } from '../../src/elements/privacy-preferences/index.js';
import { cleanUp, useKit } from './helpers.js';

/** The rendered button inside a settings button's shadow root, once it has rendered. */
async function waitForInner(host: Element | null): Promise<Element | null> {
  await (host as (Element & { updateComplete?: Promise<unknown> }) | null)?.updateComplete;
  return host?.shadowRoot?.querySelector('button') ?? null;
}

// The lazily loaded UI entry, as the script-tag loader uses it: window.privacyKit first, then the bundle.
describe('UI entry (src/ui.ts)', function (this: { timeout(ms: number): void }) {
  this.timeout(40_000);
  after(cleanUp);

  it('defines the banner at once, and the rest (settings button too) only when needed', async () => {
    const kit = useKit();
    window.privacyKit = kit;
    expect(customElements.get('privacy-banner')).to.equal(undefined);
    await import('../../src/ui.js');
    expect(customElements.get('privacy-banner')).to.not.equal(undefined);
    expect(customElements.get('privacy-settings-button')).to.equal(undefined);
    expect(customElements.get('privacy-preferences')).to.equal(undefined);
    expect(customElements.get('privacy-gate')).to.equal(undefined);
  });

  it('defines <privacy-settings-button> when one appears in the page', async () => {
    const button = await fixture(html`<footer><privacy-settings-button></privacy-settings-button></footer>`);
    await customElements.whenDefined('privacy-settings-button');
    const inner = await waitForInner(button.querySelector('privacy-settings-button'));
    expect(inner?.getAttribute('part')).to.equal('button');
  });

  it('defines <privacy-gate> when one appears in the page', async () => {
    await fixture(
      html`<section>
        <privacy-gate service="youtube"><iframe title="v" data-src="/x"></iframe></privacy-gate>
      </section>`,
    );
    await customElements.whenDefined('privacy-gate');
    expect(customElements.get('privacy-gate')).to.not.equal(undefined);
  });

  it('opens a <privacy-preferences> created in <body> when showPreferences() is called, focus returning to the opener', async () => {
    const kit = window.privacyKit;
    if (!kit) throw new Error('no kit');
    const opener = await fixture<HTMLButtonElement>(html`<button>settings</button>`);
    opener.focus();
    setTimeout(() => kit.showPreferences(opener));
    await oneEvent(document, 'privacy-preferences-open');
    const dialogs = document.querySelectorAll('privacy-preferences');
    expect(dialogs.length).to.equal(1);
    const dialog = dialogs[0] as PrivacyPreferences;
    expect(dialog.parentElement).to.equal(document.body);
    expect(dialog.open).to.equal(true);
    setTimeout(() => dialog.close());
    await oneEvent(dialog, 'privacy-preferences-close');
    expect(document.activeElement).to.equal(opener);
    // A second call reuses the same dialog.
    setTimeout(() => kit.showPreferences(opener));
    await oneEvent(document, 'privacy-preferences-open');
    expect(document.querySelectorAll('privacy-preferences').length).to.equal(1);
    dialog.close();
  });
});
