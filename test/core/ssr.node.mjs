// Server rendering (known-failure #8): the core imports and works in Node without `window` or
// `document`. Run: node --import tsx --test test/core/ssr.node.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';

test('importing privacy-kit/core in Node does not throw', async () => {
  assert.equal(typeof globalThis.window, 'undefined');
  assert.equal(typeof globalThis.document, 'undefined');
  const core = await import('../../src/core/index.ts');
  assert.equal(typeof core.createConsent, 'function');
});

test('a store works in Node with no page: nothing granted, a decision lives in memory', async () => {
  const { createConsent, validateConfig } = await import('../../src/core/index.ts');
  const config = {
    revision: '2018-06-18',
    categories: { analytics: {}, marketing: {} },
    services: { 'google-analytics': { category: 'analytics' } },
  };
  assert.equal(validateConfig(config).ok, true);
  const kit = createConsent(config);
  assert.equal(kit.needsDecision(), true);
  assert.equal(kit.isGranted('google-analytics'), false);
  kit.acceptAll();
  assert.equal(kit.isGranted('google-analytics'), true);
  kit.destroy();
});
