import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-gate/index.js';
import type { PrivacyGate } from '../../src/elements/privacy-gate/index.js';
import { cleanUp, useKit } from './helpers.js';

const FRAME = new URL('./fixtures/embed-ran.html', import.meta.url).href;

/** Resolves with the `embed-ran?…` message of the embed named `which`. */
function ran(which: string): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent): void => {
      if (event.data !== `embed-ran?${which}`) return;
      removeEventListener('message', onMessage);
      resolve();
    };
    addEventListener('message', onMessage);
  });
}

describe('<privacy-gate> with an embed pasted with src instead of data-src', () => {
  const messages: unknown[] = [];
  const record = (event: MessageEvent): number => messages.push(event.data);
  let errors: string[] = [];
  const consoleError = console.error;
  beforeEach(() => {
    messages.length = 0;
    errors = [];
    addEventListener('message', record);
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
  });
  afterEach(() => {
    removeEventListener('message', record);
    cleanUp();
    console.error = consoleError;
  });

  it('puts it to sleep before consent, so its code does not run, and tells the editor once', async () => {
    const kit = useKit();
    const control = ran('control');
    const el = await fixture<PrivacyGate>(
      html`<div>
        <privacy-gate service="youtube"
          ><iframe title="Video" width="560" height="315" src=${`${FRAME}?gated`}></iframe
        ></privacy-gate>
        <iframe title="Control" src=${`${FRAME}?control`}></iframe>
      </div>`,
    ).then((page) => page.querySelector('privacy-gate') as PrivacyGate);
    await el.updateComplete;
    // The control frame, requested after the gated one, has run; a second one loaded after it
    // makes sure a gated frame that was still on its way would have arrived too.
    await control;
    const later = ran('later');
    const second = document.createElement('iframe');
    second.title = 'Later';
    second.src = `${FRAME}?later`;
    document.body.append(second);
    await later;
    second.remove();
    expect(messages).to.not.include('embed-ran?gated');
    const iframe = el.querySelector('iframe') as HTMLIFrameElement;
    expect(iframe.hasAttribute('src')).to.equal(false);
    expect(iframe.getAttribute('data-src')).to.equal(`${FRAME}?gated`);
    expect(kit.getConsent()).to.equal(null);
    expect(errors.length).to.equal(1);
    expect(errors[0]).to.contain('<privacy-gate service="youtube">');
    expect(errors[0]).to.contain('data-src');
    // Once allowed, the same embed loads as if it had been written with data-src.
    kit.acceptAll();
    await el.updateComplete;
    expect(iframe.isConnected && iframe.getAttribute('src')).to.equal(`${FRAME}?gated`);
  });

  it('puts to sleep an embed with src added to a waiting gate later', async () => {
    useKit();
    const el = await fixture<PrivacyGate>(html`<privacy-gate service="youtube"></privacy-gate>`);
    await el.updateComplete;
    const iframe = document.createElement('iframe');
    iframe.title = 'Video';
    iframe.src = `${FRAME}?added`;
    const control = ran('control');
    el.append(iframe);
    const other = document.createElement('iframe');
    other.title = 'Control';
    other.src = `${FRAME}?control`;
    document.body.append(other);
    await control;
    other.remove();
    expect(messages).to.not.include('embed-ran?added');
    const sleeping = el.querySelector('iframe') as HTMLIFrameElement;
    expect(sleeping.hasAttribute('src')).to.equal(false);
    expect(sleeping.getAttribute('data-src')).to.equal(`${FRAME}?added`);
    expect(errors.length).to.equal(1);
  });

  it('leaves an embed with src alone once the service is allowed, but still tells the editor', async () => {
    const kit = useKit();
    kit.acceptAll();
    const loaded = ran('allowed');
    const el = await fixture<PrivacyGate>(
      html`<privacy-gate service="youtube"
        ><iframe title="Video" src=${`${FRAME}?allowed`}></iframe
      ></privacy-gate>`,
    );
    await el.updateComplete;
    await loaded;
    expect(el.querySelector('iframe')?.getAttribute('src')).to.equal(`${FRAME}?allowed`);
    expect(errors.length).to.equal(1);
  });
});
