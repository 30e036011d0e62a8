// Embeds written the ways editors and lazy-load plugins write them: a placeholder `src` beside
// `data-src`, and video or audio that picks its file from `<source>` children.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-gate/index.js';
import type { PrivacyGate } from '../../src/elements/privacy-gate/index.js';
import { waitUntil } from '../wait.js';
import { cleanUp, useKit } from './helpers.js';

const VIDEO = 'https://www.youtube-nocookie.com/embed/abc';
const SPACER = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const SOUND = new URL('./fixtures/silence.wav', import.meta.url).href;

describe('<privacy-gate> with lazy-load markup and media sources', () => {
  afterEach(cleanUp);

  it('loads the data-src of an iframe and an img that also carry a placeholder src, once allowed', async () => {
    const kit = useKit();
    const el = await fixture<PrivacyGate>(html`
      <privacy-gate service="youtube">
        <iframe title="Video" src="about:blank" data-src=${VIDEO}></iframe>
        <img alt="Map" src=${SPACER} data-src="https://maps.example.org/tile.png" />
      </privacy-gate>
    `);
    // A placeholder is not an embed written with src: left as it is until allowed.
    expect(el.querySelector('iframe')!.getAttribute('src')).to.equal('about:blank');
    kit.acceptAll();
    await el.updateComplete;
    expect(el.querySelector('iframe')!.getAttribute('src')).to.equal(VIDEO);
    expect(el.querySelector('img')!.getAttribute('src')).to.equal('https://maps.example.org/tile.png');
  });

  it('audio pasted with <source src> holds no file before consent, and plays it once allowed', async () => {
    const kit = useKit();
    const errors: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      const el = await fixture<PrivacyGate>(html`
        <privacy-gate service="youtube">
          <audio controls preload="auto"><source src=${SOUND} type="audio/wav" /></audio>
        </privacy-gate>
      `);
      await new Promise((r) => setTimeout(r, 200));
      const asleep = el.querySelector('audio')!;
      expect(asleep.currentSrc).to.equal('');
      expect(errors.some((e) => e.includes('write data-src instead'))).to.equal(true);
      kit.acceptAll();
      await el.updateComplete;
      await waitUntil(() => el.querySelector('audio')!.currentSrc === SOUND);
    } finally {
      console.error = consoleError;
    }
  });

  it('video written with <source data-src> picks its file once allowed, and lets go of it on withdrawal', async () => {
    const kit = useKit();
    const el = await fixture<PrivacyGate>(html`
      <privacy-gate service="youtube">
        <video controls preload="auto"><source data-src=${SOUND} type="audio/wav" /></video>
      </privacy-gate>
    `);
    expect(el.querySelector('video')!.currentSrc).to.equal('');
    kit.acceptAll();
    await el.updateComplete;
    await waitUntil(() => el.querySelector('video')!.currentSrc === SOUND);
    kit.rejectAll();
    await el.updateComplete;
    // Nothing to play: the media element holds no data and no source (currentSrc keeps its last value).
    const video = () => el.querySelector('video')!;
    await waitUntil(
      () => video().readyState === 0 && video().networkState === HTMLMediaElement.NETWORK_NO_SOURCE,
    );
    expect(video().querySelector('source')!.hasAttribute('src')).to.equal(false);
  });
});
