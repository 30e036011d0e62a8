import { expect } from '@open-wc/testing';
import '../../src/elements/privacy-statement/index.js';
import { directionOf } from '../../src/elements/shared/direction.js';
import { cleanUp, minimalStatement, mountStatement, shadowOne } from './helpers.js';

describe('<privacy-statement> writing direction', () => {
  afterEach(cleanUp);

  it('lays out a statement in Arabic, Hebrew or Persian right to left, on a left-to-right page', async () => {
    for (const [language, title] of [
      ['ar', 'بيان الخصوصية'],
      ['he', 'הצהרת פרטיות'],
      ['fa-IR', 'بیانیه حریم خصوصی'],
    ]) {
      const doc = minimalStatement({ language, title });
      const { el } = await mountStatement((s) => (s.document = doc));
      const article = shadowOne(el, '[part="statement"]');
      expect(getComputedStyle(article).direction, language).to.equal('rtl');
      cleanUp();
    }
  });

  it('lays out a Dutch statement left to right, also on a right-to-left page', async () => {
    document.documentElement.dir = 'rtl';
    try {
      const { el } = await mountStatement((s) => (s.document = minimalStatement()));
      expect(getComputedStyle(shadowOne(el, '[part="statement"]')).direction).to.equal('ltr');
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it('knows the direction of language tags with and without a script', () => {
    const rtl = [
      'ar',
      'AR-eg',
      'he',
      'iw',
      'fa',
      'ur-PK',
      'yi',
      'ps',
      'ckb',
      'ku-Arab',
      'pa-Arab',
      'az-Arab',
    ];
    const ltr = ['nl', 'en-GB', 'de', 'arn', 'hea', 'ku', 'az', 'uz-Latn', 'sd-Deva-IN', 'ar-Latn', ''];
    for (const tag of rtl) expect(directionOf(tag), tag).to.equal('rtl');
    for (const tag of ltr) expect(directionOf(tag), tag).to.equal('ltr');
  });
});
