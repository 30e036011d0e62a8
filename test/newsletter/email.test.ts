import { expect } from '@open-wc/testing';
import { isValidEmail } from '../../src/core/newsletter.js';

describe('isValidEmail', () => {
  it('accepts ordinary, plus-tagged, subdomain, IDN and quoted addresses', () => {
    for (const ok of [
      'jan@example.org',
      'j.de.vries+nieuws@mail.bibliotheek.nl',
      'ü@bücher.de',
      '"jan de vries"@x.org',
      'a@xn--bcher-kva.de',
    ]) {
      expect(isValidEmail(ok), ok).to.equal(true);
    }
  });

  it('refuses obvious typos', () => {
    for (const bad of [
      '',
      'jan',
      'jan@',
      '@example.org',
      'jan@example',
      'jan@@example.org',
      'jan @example.org',
      'jan@example..org',
      '.jan@example.org',
      'jan@-x.org',
      'jan@example.c',
      `${'a'.repeat(65)}@x.org`,
    ]) {
      expect(isValidEmail(bad), bad).to.equal(false);
    }
  });
});
