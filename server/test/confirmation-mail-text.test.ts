// The confirmation mail's unsubscribe link acts as it opens: its text must say so, not offer a
// place to change choices (a reader who follows it for that would end the subscription).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { confirmationMail } from '../src/mail/messages.js';

describe('the confirmation mail', () => {
  for (const language of ['nl', 'en'] as const) {
    it(`(${language}) says the unsubscribe link unsubscribes at once, and promises no settings behind it`, () => {
      const { text } = confirmationMail({
        to: 'jan@example.org',
        language,
        confirmUrl: 'https://www.example.org/nieuwsbrief.html?token=c&action=confirm',
        unsubscribeUrl: 'https://www.example.org/nieuwsbrief.html?token=m&action=unsubscribe',
        oneClickUrl: 'https://www.example.org/api/newsletter/unsubscribe/one-click?token=m',
        validHours: 48,
        measureOpens: true,
      });
      const lines = text.split('\n');
      const before =
        lines[lines.indexOf('https://www.example.org/nieuwsbrief.html?token=m&action=unsubscribe') - 1] ?? '';
      assert.match(before, language === 'nl' ? /meldt u zich direct af/ : /unsubscribes you at once/);
      assert.doesNotMatch(before, /voorkeuren|preferences/);
    });
  }
});
