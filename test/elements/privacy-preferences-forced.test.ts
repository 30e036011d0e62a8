/** `<privacy-preferences>` in Windows' forced colours, with the WCAG 1.4.12 text spacing at 320 px, and its switches' descriptions. */
import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-preferences/index.js';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { $, cleanUp, mountDialog, toggle, useKit } from './helpers.js';

const colours = (input: HTMLInputElement) => ({
  track: getComputedStyle(input).backgroundColor,
  knob: getComputedStyle(input, '::before').backgroundColor,
});

describe('<privacy-preferences> forced colours and text spacing', function (this: {
  timeout(ms: number): void;
}) {
  this.timeout(20_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('keeps a switch that is on distinguishable from one that is off in forced colours (WCAG 1.4.11)', async () => {
    await emulateMedia({ forcedColors: 'active' });
    try {
      const kit = useKit();
      kit.update({ categories: { analytics: true, marketing: false } });
      const el = await mountDialog();
      await el.show();
      const on = colours(toggle(el, 'data-category="analytics"'));
      const off = colours(toggle(el, 'data-category="marketing"'));
      const locked = colours(toggle(el, 'data-category="necessary"'));
      // The browser repaints backgrounds in forced colours: without system colours of our own, the
      // knob would vanish into the track and every switch look the same.
      expect(on.track, 'on vs off').to.not.equal(off.track);
      expect(on.knob, 'knob on its track').to.not.equal(on.track);
      expect(off.knob, 'knob on its track').to.not.equal(off.track);
      expect(locked.knob, 'the locked switch shows its knob').to.not.equal(locked.track);
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });

  it('keeps the close button inside the dialog at 320 px with the text spacing a reader may set (WCAG 1.4.12)', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      useKit();
      const el = await mountDialog();
      const spacing = new CSSStyleSheet();
      spacing.replaceSync(
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }',
      );
      el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, spacing];
      await el.show();
      const dialog = $(el, 'dialog').getBoundingClientRect();
      const close = $(el, '[part="close-button"]').getBoundingClientRect();
      expect(close.right, 'close button within the dialog').to.be.at.most(dialog.right);
      expect(close.left).to.be.at.least(dialog.left);
      for (const input of el.shadowRoot!.querySelectorAll('input[role="switch"]')) {
        expect(input.getBoundingClientRect().right, 'switch within the dialog').to.be.at.most(dialog.right);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
  it('describes each service switch by its provider and purpose while the fold-out is closed', async () => {
    useKit();
    const el = await mountDialog();
    await el.show();
    const youtube = toggle(el, 'data-service="youtube"');
    const description = el.shadowRoot!.getElementById(youtube.getAttribute('aria-describedby') ?? '');
    expect(description, 'the described-by element').to.not.equal(null);
    // Not inside a closed <details>, whose content is not read as a description.
    expect(description!.closest('details'), 'outside the fold-out').to.equal(null);
    expect(description!.textContent).to.contain('Google (YouTube)');
    expect(description!.textContent).to.contain('Video’s van YouTube');
  });
});
