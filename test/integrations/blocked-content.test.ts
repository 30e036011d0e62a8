import { expect } from '@open-wc/testing';
import { waitUntil } from '../wait.js';
import type { PrivacyKit } from '../../src/core/index.js';
import { installBlockedContent } from '../../src/integrations/blocked-content.js';
import { captureWarnings, makeKit, ranScripts as ran, settleBlocked as settle } from './helpers.js';

const EXTERNAL = '/test/integrations/fixtures/record.js?n=';
const BLANK = '/test/integrations/fixtures/blank.html';

/** A blocked inline script that records `name` when it runs. */
function inline(consent: string, name: string, extra: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.consent = consent;
  for (const [k, v] of Object.entries(extra)) script.setAttribute(k, v);
  script.text = `(window.__ran ||= []).push(${JSON.stringify(name)});`;
  return script;
}

/** A blocked external script (`data-src`) that records `name` when it runs. */
function external(consent: string, name: string, extra: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'text/plain';
  script.dataset.consent = consent;
  script.dataset.src = EXTERNAL + name;
  for (const [k, v] of Object.entries(extra)) script.setAttribute(k, v);
  return script;
}

describe('blocked content', () => {
  let root: HTMLDivElement;
  let kit: PrivacyKit;
  const stops: (() => void)[] = [];

  beforeEach(() => {
    window.__ran = [];
    root = document.createElement('div');
    document.body.append(root);
    kit = makeKit();
  });
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    root.remove();
  });
  const install = () => stops.push(installBlockedContent(kit, { root }));

  it('runs nothing before consent, and nothing after "Reject all"', async () => {
    root.append(inline('analytics', 'a'), external('google-analytics', 'b'));
    const frame = Object.assign(document.createElement('iframe'), {});
    frame.dataset.consent = 'youtube';
    frame.dataset.src = BLANK;
    root.append(frame);
    install();
    await settle(root);
    expect(ran()).to.deep.equal([]);
    kit.rejectAll();
    await settle(root);
    expect(ran()).to.deep.equal([]);
    expect(frame.getAttribute('src')).to.equal(null);
    expect(root.querySelectorAll('script[type="text/plain"]')).to.have.length(2);
  });

  it('runs inline and external scripts in document order, an inline one after the external one before it', async () => {
    root.append(
      external('google-analytics', 'ext1'),
      inline('google-analytics', 'inline1'),
      external('analytics', 'ext2'),
      inline('analytics', 'inline2'),
    );
    install();
    kit.acceptAll();
    await waitUntil(() => ran().length === 4, 'all four ran');
    expect(ran()).to.deep.equal(['ext1', 'inline1', 'ext2', 'inline2']);
  });

  it('keeps going past an external script that fails to load and an inline script that throws', async () => {
    const broken = external('analytics', 'x');
    broken.dataset.src = '/test/integrations/fixtures/does-not-exist.js';
    const throwing = inline('analytics', 'throws');
    throwing.text = 'throw new Error("broken tag")';
    root.append(broken, throwing, inline('analytics', 'after'));
    const errors: string[] = [];
    const onerror = window.onerror;
    window.onerror = (message) => (errors.push(String(message)), true);
    try {
      install();
      kit.acceptAll();
      await waitUntil(() => ran().includes('after'), 'the script after the broken ones ran');
    } finally {
      window.onerror = onerror;
    }
    expect(errors.join()).to.contain('broken tag');
  });

  it('runs each script once across accept, saving the same choice, and saving preferences (known-failure #3)', async () => {
    root.append(inline('analytics', 'a'), external('google-analytics', 'b'), inline('marketing', 'm'));
    install();
    kit.acceptAll();
    await waitUntil(() => ran().length === 3);
    kit.acceptAll();
    kit.update({ categories: { analytics: true, marketing: true } });
    kit.update({ services: { youtube: false } });
    kit.rejectAll();
    kit.acceptAll();
    await settle(root);
    expect(ran().sort()).to.deep.equal(['a', 'b', 'm']);
  });

  it('runs nothing withdrawn while it waited: "Accept all" then "Reject all" in one go, then each once on a new grant', async () => {
    root.append(inline('analytics', 'a'), external('google-analytics', 'b'), inline('marketing', 'm'));
    install();
    await settle(root);
    kit.acceptAll();
    kit.rejectAll();
    await settle(root);
    expect(ran()).to.deep.equal([]);
    kit.acceptAll();
    await waitUntil(() => ran().length === 3);
    await settle(root);
    expect(ran()).to.deep.equal(['a', 'b', 'm']);
  });

  it('stops a script queued behind a loading external one when its service is withdrawn meanwhile', async () => {
    root.append(
      external('google-analytics', 'slow'),
      inline('marketing', 'pixel'),
      inline('analytics', 'after'),
    );
    install();
    await settle(root);
    kit.acceptAll();
    // The external script is still loading: the visitor switches marketing off.
    kit.update({ categories: { marketing: false } });
    await waitUntil(() => ran().includes('after'));
    await settle(root);
    expect(ran()).to.deep.equal(['slow', 'after']);
  });

  it('does not hold up the next script behind an async external one, as a parser-inserted async script would not', async () => {
    root.append(external('analytics', 'async-ext', { async: '' }), inline('analytics', 'inline-after'));
    install();
    kit.acceptAll();
    await waitUntil(() => ran().length === 2);
    expect(ran()).to.deep.equal(['inline-after', 'async-ext']);
  });

  it('runs a blocked script that kept its src attribute instead of data-src', async () => {
    const script = external('analytics', 'src-attr');
    script.removeAttribute('data-src');
    script.setAttribute('src', EXTERNAL + 'src-attr');
    root.append(script);
    install();
    kit.acceptAll();
    await waitUntil(() => ran().length === 1);
    expect(ran()).to.deep.equal(['src-attr']);
  });

  it('does not let a script removed before its turn hold up the ones after it', async () => {
    const gone = external('analytics', 'gone');
    root.append(gone, inline('analytics', 'after'));
    install();
    kit.acceptAll();
    gone.remove();
    await waitUntil(() => ran().includes('after'), 'the script after the removed one ran');
    expect(ran()).to.deep.equal(['after']);
  });

  it('reports an external script that finished loading after its consent was withdrawn, so its cookies can go', async () => {
    let lateRuns = 0;
    stops.push(installBlockedContent(kit, { root, lateRun: () => lateRuns++ }));
    root.append(external('google-analytics', 'granted'));
    kit.acceptAll();
    await waitUntil(() => ran().includes('granted'));
    await settle(root);
    expect(lateRuns, 'a script that ran with consent').to.equal(0);
    // Withdrawn as soon as the script is inserted: before it can have loaded.
    const withdraw = new MutationObserver(() => {
      if (!root.querySelector('script[src*="n=late"]')) return;
      withdraw.disconnect();
      kit.rejectAll();
    });
    withdraw.observe(root, { childList: true });
    root.append(external('analytics', 'late'));
    await waitUntil(() => lateRuns === 1, 'lateRun was called');
    expect(ran()).to.include('late');
  });

  it('runs scripts already granted at install time (a returning visitor)', async () => {
    kit.acceptAll();
    root.append(inline('analytics', 'a'));
    install();
    await waitUntil(() => ran().length === 1);
  });

  it('keeps the nonce (read from the property), async, integrity, crossorigin, referrerpolicy, id, class and data-*', async () => {
    const script = external('analytics', 'attrs', {
      nonce: 'abc',
      async: '',
      crossorigin: 'anonymous',
      referrerpolicy: 'no-referrer',
      id: 'tag',
      class: 'vendor',
      'data-extra': 'kept',
    });
    const code = inline('analytics', 'inline-nonce', { nonce: 'abc' });
    root.append(script, code);
    install();
    kit.acceptAll();
    await waitUntil(() => ran().length === 2);
    const clone = root.querySelector<HTMLScriptElement>('#tag');
    expect(clone?.type).to.equal('');
    expect(clone?.nonce).to.equal('abc');
    expect(clone?.async).to.equal(true);
    expect(clone?.crossOrigin).to.equal('anonymous');
    expect(clone?.referrerPolicy).to.equal('no-referrer');
    expect(clone?.className).to.equal('vendor');
    expect(clone?.dataset.extra).to.equal('kept');
    expect(clone?.dataset.consent).to.equal('analytics');
    expect(clone?.hasAttribute('data-src')).to.equal(false);
    expect(root.querySelectorAll<HTMLScriptElement>('script:not([type])')[1]?.nonce).to.equal('abc');
  });

  it('never gives an inline script without a nonce one', async () => {
    root.append(inline('analytics', 'plain'));
    install();
    kit.acceptAll();
    await waitUntil(() => ran().length === 1);
    expect(root.querySelector('script')?.nonce).to.equal('');
  });

  it("with the page's nonce, runs only blocked scripts carrying it: injected markup cannot borrow its trust", async () => {
    root.append(
      inline('analytics', 'nonced', { nonce: 'abc' }),
      inline('analytics', 'injected'),
      external('analytics', 'injected-src'),
      inline('analytics', 'other-nonce', { nonce: 'xyz' }),
      external('analytics', 'nonced-src', { nonce: 'abc' }),
    );
    const warnings = await captureWarnings(async () => {
      stops.push(installBlockedContent(kit, { root, nonce: 'abc' }));
      kit.acceptAll();
      await waitUntil(() => ran().length === 2);
      await settle(root, 'abc');
      kit.rejectAll();
      kit.acceptAll();
      await settle(root, 'abc');
    });
    expect(ran()).to.deep.equal(['nonced', 'nonced-src']);
    expect(root.querySelectorAll('script[type="text/plain"]')).to.have.length(3);
    // Once per script, not on every change.
    expect(warnings.filter((w) => w.includes('nonce'))).to.have.length(3);
  });

  it("with the page's nonce, still loads an iframe: only scripts need it", async () => {
    const frame = document.createElement('iframe');
    frame.dataset.consent = 'youtube';
    frame.dataset.src = BLANK;
    root.append(frame);
    const warnings = await captureWarnings(() => {
      stops.push(installBlockedContent(kit, { root, nonce: 'abc' }));
      kit.acceptAll();
    });
    expect(frame.getAttribute('src')).to.equal(BLANK);
    expect(warnings).to.deep.equal([]);
  });

  it('runs a data-type="module" script as a module', async () => {
    const script = inline('analytics', 'module', { 'data-type': 'module' });
    script.text = 'window.__ran.push(typeof import.meta.url);';
    root.append(script);
    install();
    kit.acceptAll();
    await waitUntil(() => ran().length === 1);
    expect(ran()).to.deep.equal(['string']);
  });

  it('keeps content for an unknown name blocked and warns once, naming it', async () => {
    root.append(inline('analytcs', 'typo'), inline('analytcs', 'typo2'));
    const warnings = await captureWarnings(async () => {
      install();
      kit.acceptAll();
      kit.acceptAll();
      await settle(root);
    });
    expect(ran()).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"analytcs"');
  });

  it('with warnUnknown: false (the loader without a usable config) keeps unknown names blocked, silently', async () => {
    root.append(inline('analytcs', 'typo'));
    const warnings = await captureWarnings(async () => {
      stops.push(installBlockedContent(kit, { root, warnUnknown: false }));
      kit.acceptAll();
      await settle(root);
    });
    expect(ran()).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('follows the service switch inside a granted category', async () => {
    root.append(inline('google-analytics', 'ga'), inline('adobe-analytics', 'adobe'));
    install();
    kit.update({ categories: { analytics: true }, services: { 'google-analytics': false } });
    await waitUntil(() => ran().length === 1);
    expect(ran()).to.deep.equal(['adobe']);
  });

  it('gates content inserted later: blocked before consent, run once granted (SPA routes)', async () => {
    install();
    root.append(inline('analytics', 'late-before'));
    await settle(root);
    expect(ran()).to.deep.equal([]);
    kit.acceptAll();
    await waitUntil(() => ran().length === 1);
    const section = document.createElement('section');
    section.append(inline('analytics', 'late-after'));
    root.append(section);
    await waitUntil(() => ran().length === 2);
    expect(ran()).to.deep.equal(['late-before', 'late-after']);
  });

  it('gates content added deep inside the watched root', async () => {
    const main = document.createElement('main');
    root.append(main);
    install();
    kit.acceptAll();
    await settle(root);
    const route = document.createElement('section');
    route.append(inline('analytics', 'deep'));
    main.append(route);
    await waitUntil(() => ran().includes('deep'), 'the script added inside <main> ran');
  });

  it('ignores spaces around the data-consent name', async () => {
    root.append(inline(' analytics ', 'spaced'));
    install();
    kit.acceptAll();
    await waitUntil(() => ran().length === 1);
    expect(ran()).to.deep.equal(['spaced']);
  });

  it('loads an iframe when granted, blanks it on withdrawal and loads it again on a new grant', async () => {
    const frame = document.createElement('iframe');
    frame.dataset.consent = 'youtube';
    frame.dataset.src = BLANK;
    root.append(frame);
    install();
    kit.acceptAll();
    expect(frame.getAttribute('src')).to.equal(BLANK);
    kit.update({ services: { youtube: false } });
    expect(frame.getAttribute('src')).to.equal('about:blank');
    expect(frame.dataset.src).to.equal(BLANK);
    kit.update({ services: { youtube: true } });
    expect(frame.getAttribute('src')).to.equal(BLANK);
  });

  it('does not load an iframe put back into the page after consent was withdrawn while it was out (a cached SPA view)', async () => {
    const frame = document.createElement('iframe');
    frame.dataset.consent = 'youtube';
    frame.dataset.src = BLANK;
    root.append(frame);
    install();
    kit.acceptAll();
    expect(frame.getAttribute('src')).to.equal(BLANK);
    frame.remove();
    kit.update({ services: { youtube: false } });
    root.append(frame);
    await settle(root);
    expect(frame.getAttribute('src')).to.equal('about:blank');
    kit.update({ services: { youtube: true } });
    expect(frame.getAttribute('src')).to.equal(BLANK);
  });

  it('loads an img and its srcset only when granted', () => {
    const img = document.createElement('img');
    img.dataset.consent = 'marketing';
    img.dataset.src = '/test/integrations/fixtures/blank.html?img';
    img.dataset.srcset = '/test/integrations/fixtures/blank.html?img2 2x';
    root.append(img);
    install();
    expect(img.getAttribute('src')).to.equal(null);
    kit.update({ categories: { marketing: true } });
    expect(img.getAttribute('src')).to.contain('?img');
    expect(img.getAttribute('srcset')).to.contain('?img2');
  });

  it('stops watching once uninstalled', async () => {
    stops.push(installBlockedContent(kit, { root }));
    stops.splice(0).forEach((stop) => stop());
    root.append(inline('analytics', 'x'));
    kit.acceptAll();
    // Nothing is watching any more, so no sentinel can run either: give a wrong run a frame.
    await new Promise((r) => requestAnimationFrame(r));
    expect(ran()).to.deep.equal([]);
    expect(root.querySelector('script')?.type).to.equal('text/plain');
  });
});
