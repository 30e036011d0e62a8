import { expect } from '@open-wc/testing';
import { installIntegrations } from '../../src/integrations/index.js';
import { waitUntil } from '../wait.js';
import { gtagCommands, makeKit, ranScripts as ran, resetGoogleGlobals } from './helpers.js';

const globals = window as unknown as Record<string, unknown>;

describe('installIntegrations', () => {
  let root: HTMLDivElement;
  beforeEach(() => {
    resetGoogleGlobals();
    window.__ran = [];
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    root.remove();
    resetGoogleGlobals();
    delete globals.alloy;
    document.cookie = '_ga=; Max-Age=0; path=/';
  });

  it('wires Consent Mode, Adobe, cookie clearing and blocked content to one store, and stops them all', async () => {
    const alloy: unknown[][] = [];
    globals.alloy = (...args: unknown[]) => void alloy.push(args);
    const kit = makeKit();
    const stop = installIntegrations(kit);
    const script = document.createElement('script');
    script.type = 'text/plain';
    script.dataset.consent = 'analytics';
    script.text = 'window.__ran.push("blocked")';
    root.append(script);
    kit.acceptAll();
    await waitUntil(() => ran().includes('blocked'), 'the blocked script ran');
    document.cookie = '_ga=1; path=/';
    kit.rejectAll();
    const updates = () => gtagCommands().filter((c) => c[0] === 'consent' && c[1] === 'update').length;
    expect(updates()).to.equal(2);
    expect(alloy).to.have.length(2);
    expect(document.cookie).to.not.contain('_ga=');

    stop();
    document.cookie = '_ga=1; path=/';
    kit.acceptAll();
    kit.rejectAll();
    expect(updates()).to.equal(2);
    expect(alloy).to.have.length(2);
    expect(document.cookie).to.contain('_ga=');
  });
});
