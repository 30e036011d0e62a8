// Lint: typescript-eslint for types, lit and wc plugins for the elements.
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'storybook-static/', '.tmp/', 'coverage/', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
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
    files: ['test/**/*.ts', 'server/test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', 'no-restricted-properties': 'off' },
  },
);
