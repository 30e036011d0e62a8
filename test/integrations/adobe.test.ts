import { expect } from '@open-wc/testing';
import { memoryStorage } from '../../src/core/index.js';
import { adobeDefaultConsent, adobePreviousPermissions, installAdobe } from '../../src/integrations/adobe.js';
import { CONFIG, makeKit } from './helpers.js';

type Call = unknown[];
const globals = window as unknown as Record<string, unknown>;

/** A Web SDK instance that records its commands, as the base code's queue would. */
function fakeAlloy(name = 'alloy', result?: unknown): Call[] {
  const calls: Call[] = [];
  globals[name] = (...args: unknown[]) => {
    calls.push(args);
    return result;
  };
  return calls;
}

const collect = (call: Call | undefined) =>
  (call?.[1] as { consent: { standard: string; version: string; value: { collect: { val: string } } }[] })
    .consent[0];

/** The ECID opt-in service as VisitorAPI.js exposes it. */
function fakeOptIn(): Call[] {
  const calls: Call[] = [];
  window.adobe = {
    OptInCategories: { ANALYTICS: 'aa', ECID: 'ecid' },
    optIn: {
      approve: (...a: unknown[]) => void calls.push(['approve', ...a]),
      deny: (...a: unknown[]) => void calls.push(['deny', ...a]),
      complete: () => void calls.push(['complete']),
    },
  };
  return calls;
}

describe('Adobe consent', () => {
  const stops: (() => void)[] = [];
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    delete globals.alloy;
    delete globals.myAlloy;
    delete window.adobe;
  });

  it('sends nothing to the Web SDK while no decision exists', () => {
    const calls = fakeAlloy();
    stops.push(installAdobe(makeKit()));
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(calls).to.have.length(0);
  });

  it('sends setConsent in (Adobe 2.0, collect y) on a grant and out (n) on a refusal', () => {
    const calls = fakeAlloy();
    const kit = makeKit();
    stops.push(installAdobe(kit));
    kit.acceptAll();
    expect(calls[0]?.[0]).to.equal('setConsent');
    expect(collect(calls[0])).to.deep.equal({
      standard: 'Adobe',
      version: '2.0',
      value: { collect: { val: 'y' } },
    });
    kit.rejectAll();
    expect(collect(calls[1])?.value.collect.val).to.equal('n');
  });

  it('tells the Web SDK and the ECID opt-in "out" when the decision is reset', () => {
    const calls = fakeAlloy();
    const optIn = fakeOptIn();
    const kit = makeKit();
    stops.push(installAdobe(kit));
    kit.acceptAll();
    kit.reset();
    expect(calls.map((c) => collect(c)?.value.collect.val)).to.deep.equal(['y', 'n']);
    expect(optIn.map((c) => c[0])).to.deep.equal(['approve', 'complete', 'deny', 'complete']);
  });

  it('sends the stored decision once per page load, also to an instance the page defines after the loader', () => {
    const cookies = memoryStorage();
    makeKit(CONFIG, cookies).acceptAll();
    stops.push(installAdobe(makeKit(CONFIG, cookies)));
    const calls = fakeAlloy();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    window.dispatchEvent(new Event('load'));
    expect(calls).to.have.length(1);
    expect(collect(calls[0])?.value.collect.val).to.equal('y');
  });

  it('sends the stored decision at DOMContentLoaded to an instance the page defined by then', () => {
    const cookies = memoryStorage();
    makeKit(CONFIG, cookies).acceptAll();
    stops.push(installAdobe(makeKit(CONFIG, cookies)));
    const calls = fakeAlloy();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(calls).to.have.length(1);
  });

  it('sends the stored decision at load to an instance created after DOMContentLoaded (the Tags extension)', () => {
    const cookies = memoryStorage();
    makeKit(CONFIG, cookies).acceptAll();
    stops.push(installAdobe(makeKit(CONFIG, cookies)));
    document.dispatchEvent(new Event('DOMContentLoaded'));
    const calls = fakeAlloy();
    window.dispatchEvent(new Event('load'));
    expect(calls).to.have.length(1);
  });

  it('tells the ECID opt-in service the stored decision once per page load', () => {
    const cookies = memoryStorage();
    makeKit(CONFIG, cookies).acceptAll();
    const calls = fakeOptIn();
    stops.push(installAdobe(makeKit(CONFIG, cookies)));
    document.dispatchEvent(new Event('DOMContentLoaded'));
    window.dispatchEvent(new Event('load'));
    expect(calls).to.deep.equal([['approve', ['aa', 'ecid'], true], ['complete']]);
  });

  it('uses the configured instance name and follows the service switch', () => {
    const calls = fakeAlloy('myAlloy');
    const kit = makeKit({
      ...CONFIG,
      services: {
        ...CONFIG.services,
        'adobe-analytics': { category: 'analytics', adobe: { instance: 'myAlloy' } },
      },
    });
    stops.push(installAdobe(kit));
    kit.update({ categories: { analytics: true }, services: { 'adobe-analytics': false } });
    expect(collect(calls[0])?.value.collect.val).to.equal('n');
  });

  it('does not leave an unhandled rejection when the Web SDK refuses the command', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (e: PromiseRejectionEvent) => {
      unhandled.push(e.reason);
      e.preventDefault();
    };
    window.addEventListener('unhandledrejection', onUnhandled);
    const original = console.warn;
    console.warn = () => {};
    try {
      fakeAlloy('alloy', Promise.reject(new Error('The library must be configured first.')));
      const kit = makeKit();
      stops.push(installAdobe(kit));
      kit.acceptAll();
      await new Promise((r) => requestAnimationFrame(r));
      await new Promise((r) => requestAnimationFrame(r));
    } finally {
      console.warn = original;
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
    expect(unhandled).to.deep.equal([]);
  });

  it('approves analytics and ECID in the opt-in service on a grant, then completes', () => {
    const calls = fakeOptIn();
    const kit = makeKit();
    stops.push(installAdobe(kit));
    kit.acceptAll();
    expect(calls).to.deep.equal([['approve', ['aa', 'ecid'], true], ['complete']]);
  });

  it('denies them on a refusal, then completes', () => {
    const calls = fakeOptIn();
    const kit = makeKit();
    stops.push(installAdobe(kit));
    kit.rejectAll();
    expect(calls).to.deep.equal([['deny', ['aa', 'ecid'], true], ['complete']]);
  });

  it('tells each library about its own services: a granted Web SDK service does not approve a refused AppMeasurement', () => {
    const calls = fakeOptIn();
    const config = {
      ...CONFIG,
      services: {
        'adobe-analytics': { category: 'analytics', adobe: { mode: 'appmeasurement' } },
        'adobe-target': { category: 'marketing', adobe: { mode: 'websdk' } },
      },
    };
    const kit = makeKit(config);
    stops.push(installAdobe(kit));
    kit.update({ categories: { analytics: false, marketing: true } });
    expect(calls).to.deep.equal([['deny', ['aa', 'ecid'], true], ['complete']]);
    expect(adobePreviousPermissions(kit)).to.deep.equal({ aa: false, ecid: false });
    expect(adobeDefaultConsent(kit)).to.equal('in');
    kit.update({ categories: { analytics: true, marketing: false } });
    expect(adobeDefaultConsent(kit)).to.equal('out');
    expect(adobePreviousPermissions(kit)).to.deep.equal({ aa: true, ecid: true });
  });

  it('sends the Web SDK nothing about a service set to AppMeasurement', () => {
    const calls = fakeAlloy();
    const kit = makeKit({
      ...CONFIG,
      services: {
        'adobe-analytics': { category: 'analytics', adobe: { mode: 'appmeasurement' } },
        'adobe-target': { category: 'marketing', adobe: { mode: 'websdk' } },
      },
    });
    stops.push(installAdobe(kit));
    kit.update({ categories: { analytics: true, marketing: false } });
    expect(calls.map((c) => collect(c)?.value.collect.val)).to.deep.equal(['n']);
  });

  it('sends one consent per Web SDK instance: Target refused on a shared alloy keeps it from collecting', () => {
    const calls = fakeAlloy();
    const own = fakeAlloy('myAlloy');
    const config = {
      ...CONFIG,
      services: {
        'adobe-analytics': { category: 'analytics', adobe: { mode: 'websdk' } },
        'adobe-target': { category: 'marketing', adobe: { mode: 'websdk' } },
        'adobe-media': { category: 'analytics', adobe: { mode: 'websdk', instance: 'myAlloy' } },
      },
    };
    const cookies = memoryStorage();
    const kit = makeKit(config, cookies);
    stops.push(installAdobe(kit));
    kit.update({ categories: { analytics: true, marketing: false } });
    const vals = (list: Call[]) => list.map((c) => collect(c)?.value.collect.val);
    expect(vals(calls)).to.deep.equal(['n', 'n']);
    expect(vals(own)).to.deep.equal(['y']);
    expect(adobeDefaultConsent(kit)).to.equal('out');
    expect(adobeDefaultConsent(kit, 'adobe-analytics')).to.equal('out');
    expect(adobeDefaultConsent(kit, 'adobe-media')).to.equal('in');
    // The next page load sends the same: not whichever service comes first.
    calls.length = own.length = 0;
    stops.push(installAdobe(makeKit(config, cookies)));
    expect(vals(calls)).to.deep.equal(['n']);
    expect(vals(own)).to.deep.equal(['y']);
    kit.update({ categories: { marketing: true } });
    expect(vals(calls).at(-1)).to.equal('y');
  });

  it('gives the configure and Visitor.getInstance values from the stored decision', () => {
    const kit = makeKit();
    expect(adobeDefaultConsent(kit)).to.equal('out');
    expect(adobePreviousPermissions(kit)).to.deep.equal({ aa: false, ecid: false });
    kit.acceptAll();
    expect(adobeDefaultConsent(kit)).to.equal('in');
    expect(adobePreviousPermissions(kit)).to.deep.equal({ aa: true, ecid: true });
    kit.update({ services: { 'adobe-analytics': false } });
    expect(adobeDefaultConsent(kit, 'adobe-analytics')).to.equal('out');
  });
});
