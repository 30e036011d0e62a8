// Lit's html`` templates reach the bundle as written, with the source's indentation on every line.
// HTML shows a line break and the spaces after it as one space, so this plugin drops the
// indentation after each line break in the text of html`` templates, after TypeScript and before
// terser. The line breaks stay, and magic-string maps every column that moved, so source maps
// stay exact. `${…}` interpolations are not touched, and a template holding <pre> or <textarea>
// (or inside one), whose whitespace shows, is left as written.
import MagicString from 'magic-string';
import ts from 'typescript';

const WHITESPACE_SHOWS = /<(pre|textarea)\b/i;

/** The module as a MagicString, with the indentation dropped from its html`` templates' text. */
function dedent(code, fileName) {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const out = new MagicString(code);
  const visit = (node, verbatim) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const { template } = node;
      verbatim ||= WHITESPACE_SHOWS.test(code.slice(template.getStart(file), template.end));
      // The literal parts: `…` alone, or `…${, }…${ and }…` around the interpolations.
      const parts = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      for (const part of verbatim ? [] : parts) {
        const start = part.getStart(file);
        // After a line continuation (an odd run of backslashes) the line break is no text: there
        // the indentation may be the only space between two words, and it stays.
        for (const m of code.slice(start, part.end).matchAll(/(\\*)(\r?\n)([ \t]+)/g)) {
          const [all, slashes, , indent] = m;
          const end = start + m.index + all.length;
          if (slashes.length % 2 === 0) out.remove(end - indent.length, end);
        }
      }
    }
    ts.forEachChild(node, (child) => visit(child, verbatim));
  };
  visit(file, false);
  return out;
}

/** Module code with the indentation dropped from its html`` templates' text. */
export function dedentHtml(code, fileName = 'module.js') {
  return dedent(code, fileName).toString();
}

export function minifyHtml() {
  return {
    name: 'privacy-kit-minify-html',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\bhtml ?`/.test(code)) return null;
      const out = dedent(code, id);
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
