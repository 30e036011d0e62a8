// The build squeezes Lit's css`` templates (scripts/minify-css.mjs): what it may and may not change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, squeezeCss } from '../../scripts/minify-css.mjs';

test('drops comments and the whitespace the syntax does not need', () => {
  const css = `
    /* why, not what */
    :host([position='top']) .banner > p,
    .a:focus-visible {
      padding: calc(var(--_space) * 0.75) var(--_space);
      color: rgb(0 0 0 / 0.5);
    }
    @media (max-width: 44rem) {
      .actions { grid-auto-flow: row; }
    }`;
  assert.equal(
    squeezeCss(css),
    ":host([position='top']) .banner>p,.a:focus-visible{padding:calc(var(--_space) * 0.75) var(--_space);color:rgb(0 0 0 / 0.5)}" +
      '@media (max-width:44rem){.actions{grid-auto-flow:row}}',
  );
});

test('keeps strings as written, also their spaces, colons and semicolons', () => {
  assert.equal(
    squeezeCss(`a::after { content: ' (' attr(href) ') ; x: y'; }`),
    `a::after{content:' (' attr(href) ') ; x: y'}`,
  );
});

test('changes only css`` templates of stylesheet modules, and never an interpolation', () => {
  const plugin = minifyCss();
  const code = 'const a = css `\n  a {\n    color: ${red};\n  }\n`;\nconst b = html`<p>  two  spaces </p>`;';
  assert.equal(
    plugin.transform(code, '/src/elements/x/x.styles.ts').code,
    'const a = css`a{color:${red}}`;\nconst b = html`<p>  two  spaces </p>`;',
  );
  assert.equal(plugin.transform(code, '/src/elements/x/x.ts'), null);
});
