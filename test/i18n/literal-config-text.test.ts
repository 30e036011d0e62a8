import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/privacy-gate/index.js';
import '../../src/elements/privacy-preferences/index.js';
import type { PrivacyGate } from '../../src/elements/privacy-gate/index.js';
import type { PrivacyPreferences } from '../../src/elements/privacy-preferences/index.js';
import type { PrivacyKitConfig } from '../../src/core/types.js';
import { translate } from '../../src/i18n/controller.js';
import { isI18nextLoaded, loadI18next } from '../../src/i18n/i18n.js';
import { registerStrings } from '../../src/i18n/strings.js';
import { $, cleanUp, sampleConfig, shadowText, useKit } from '../elements/helpers.js';

registerStrings('literal', { nl: { hello: 'Hallo {{name}}' }, en: { hello: 'Hello {{name}}' } });

/** Text from a config that looks like i18next syntax: placeholders, nesting, formatting. */
const HOSTILE = 'Acme {{count}} {{provider}} {{- x}} $t(preferences.save) $t(common:saved)';

/** The sample config with the hostile text as YouTube's provider and the marketing label, plus German. */
const hostileConfig: PrivacyKitConfig = {
  ...sampleConfig,
  categories: { ...sampleConfig.categories, marketing: { label: HOSTILE } },
  services: {
    ...sampleConfig.services,
    youtube: {
      category: 'marketing',
      provider: HOSTILE,
      privacyPolicyUrl: 'https://policies.google.com/privacy',
    },
  },
  // A language only the config knows: opening the dialog in it loads i18next.
  translations: { de: { 'preferences.save': 'Auswahl speichern' } },
};

describe('config text renders literally, before and after i18next loads', function (this: {
  timeout(ms: number): void;
}) {
  this.timeout(40_000);
  beforeEach(() => document.documentElement.setAttribute('lang', 'nl'));
  afterEach(cleanUp);

  it('translate() fills a variable once, whoever does the lookup', async () => {
    useKit(hostileConfig);
    const expected = `Hallo ${HOSTILE}`;
    expect(isI18nextLoaded()).to.equal(false);
    expect(translate('nl', 'literal', 'hello', { name: HOSTILE, count: 3 })).to.equal(expected);
    await loadI18next();
    expect(translate('nl', 'literal', 'hello', { name: HOSTILE, count: 3 })).to.equal(expected);
  });

  it('the gate and the preferences dialog show a provider and label as written', async () => {
    useKit(hostileConfig);
    const gate = await fixture<PrivacyGate>(
      html`<privacy-gate service="youtube"><iframe title="v" data-src="/x"></iframe></privacy-gate>`,
    );
    await gate.updateComplete;
    const before = shadowText(gate);
    expect(before).to.contain(`Als u die laadt, kan ${HOSTILE} cookies plaatsen`);
    expect(before).to.contain(HOSTILE);

    // A page language only the config knows: the dialog loads i18next to speak it.
    const dialog = await fixture<PrivacyPreferences>(
      html`<privacy-preferences lang="de"></privacy-preferences>`,
    );
    await dialog.show();
    await loadI18next();
    await dialog.updateComplete;
    expect($(dialog, '[part="save-button"]').textContent?.trim()).to.equal('Auswahl speichern');
    const youtube = $(dialog, '[data-service="youtube"]').closest('[part="service"]') as HTMLElement;
    expect(youtube.textContent).to.contain(`Aanbieder: ${HOSTILE}`);
    expect(youtube.querySelector('[part="service-policy-link"]')?.textContent).to.contain(
      `Privacyverklaring van ${HOSTILE}`,
    );
    expect($(dialog, '[data-category="marketing"]').closest('.row')?.textContent).to.contain(HOSTILE);

    // The gate, re-rendered through i18next now, still says the same.
    gate.requestUpdate();
    await gate.updateComplete;
    expect(shadowText(gate)).to.equal(before);
  });
});
