// Lint: typescript-eslint for types, lit and wc plugins for the elements.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'storybook-static/', '.tmp/', 'coverage/', '**/*.js'] },
  ...tseslint.configs.recommended,
  // Build scripts, the end-to-end tests and the benchmark run in Node; code they hand to the
  // browser (page.evaluate, addInitScript) runs there, so both sets of globals are known.
  {
    files: ['**/*.mjs'],
    ...js.configs.recommended,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // typescript-eslint's rule (below, with the `_` convention) reports unused names once.
    rules: { ...js.configs.recommended.rules, 'no-unused-vars': 'off' },
  },
  {
    files: ['src/elements/**/*.ts', 'stories/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/elements/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render strings as text; never innerHTML.' },
        { property: 'outerHTML', message: 'Render strings as text; never outerHTML.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'test/**/*.mjs', 'server/test/**/*.ts', 'bench/**/*.mjs'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', 'no-restricted-properties': 'off' },
  },
);
