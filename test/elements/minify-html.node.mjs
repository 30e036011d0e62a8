// The build drops the indentation in Lit's html`` templates (scripts/minify-html.mjs): what it may and may not change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dedentHtml, minifyHtml } from '../../scripts/minify-html.mjs';

test('drops the indentation after line breaks in html`` text, nested templates too, and keeps the lines', () => {
  const code = [
    'return html `',
    '  <p class="a">',
    '    ${ok ? html`',
    '      <b>${name}</b>` : "  two  spaces\\n  "}',
    '  </p>`;',
  ].join('\n');
  assert.equal(
    dedentHtml(code),
    [
      'return html `',
      '<p class="a">',
      '${ok ? html`',
      '<b>${name}</b>` : "  two  spaces\\n  "}',
      '</p>`;',
    ].join('\n'),
  );
});

test('leaves other templates, interpolated code and templates with <pre> or <textarea> as written', () => {
  const code = [
    'const a = css`\n  p {}\n`;',
    'const b = `\n  text`;',
    'const c = html`<pre>\n  kept ${html`\n  also kept`}</pre>`;',
    'const d = html`<p>${`\n  inner`}</p>`;',
  ].join('\n');
  assert.equal(dedentHtml(code), code);
});

test('changes only modules under src/ that hold an html`` template', () => {
  const plugin = minifyHtml();
  assert.equal(plugin.transform('html`\n  <p></p>`', '/x/src/elements/a.ts').code, 'html`\n<p></p>`');
  assert.equal(plugin.transform('html`\n  <p></p>`', '/x/node_modules/lit/a.js'), null);
  assert.equal(plugin.transform('css`\n  p {}`', '/x/src/elements/a.ts'), null);
});

test('keeps the indentation after a line continuation (a backslash before the line break)', () => {
  // `\` + line break adds nothing to the text, so the indentation after it is the only space
  // between the words: "Hello     world" must not become "Helloworld".
  const code = 'html`<p>Hello\\\n    world</p>`;';
  const cooked = (source) => new Function('html', 'return ' + source)((s) => s[0]);
  assert.equal(cooked(code), '<p>Hello    world</p>');
  assert.equal(cooked(dedentHtml(code)), cooked(code));
  const crlf = code.replace('\n', '\r\n');
  assert.equal(cooked(dedentHtml(crlf)), cooked(crlf));
  // An escaped backslash before the line break is no continuation: the line break stays, so may go.
  assert.equal(dedentHtml('html`a\\\\\n  b`;'), 'html`a\\\\\nb`;');
});

test('maps every moved column back to the source, so devtools point into the template', async () => {
  const { SourceMap } = await import('node:module');
  const code = 'const a = 1;\nconst t = html`\n      <p>${name}</p>`;';
  const { code: out, map } = minifyHtml().transform(code, '/x/src/elements/a.ts');
  assert.equal(out, 'const a = 1;\nconst t = html`\n<p>${name}</p>`;');
  // `name` is at line 2, column 5 of the output, and at line 2, column 11 of the source (0-based).
  const entry = new SourceMap(map).findEntry(2, out.split('\n')[2].indexOf('name'));
  assert.deepEqual([entry.originalLine, entry.originalColumn], [2, code.split('\n')[2].indexOf('name')]);
  // Code outside the templates keeps its place.
  const before = new SourceMap(map).findEntry(1, 6);
  assert.deepEqual([before.originalLine, before.originalColumn], [1, 6]);
});
