// Lit's html`` templates reach the bundle as written, with the source's indentation on every line.
// HTML shows a line break and the spaces after it as one space, so this plugin drops the
// indentation after each line break in the text of html`` templates, after TypeScript and before
// terser. The line breaks stay: the code keeps its lines, and the source maps stay right to the
// line. `${…}` interpolations are not touched, and a template holding <pre> or <textarea> (or
// inside one), whose whitespace shows, is left as written.
import ts from 'typescript';

const WHITESPACE_SHOWS = /<(pre|textarea)\b/i;

/** Module code with the indentation dropped from its html`` templates' text. */
export function dedentHtml(code, fileName = 'module.js') {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const parts = [];
  const visit = (node, verbatim) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'html') {
      const { template } = node;
      verbatim ||= WHITESPACE_SHOWS.test(code.slice(template.getStart(file), template.end));
      // The literal parts: `…` alone, or `…${, }…${ and }…` around the interpolations.
      if (!verbatim)
        parts.push(
          ...(ts.isNoSubstitutionTemplateLiteral(template)
            ? [template]
            : [template.head, ...template.templateSpans.map((span) => span.literal)]),
        );
    }
    ts.forEachChild(node, (child) => visit(child, verbatim));
  };
  visit(file, false);
  let out = '';
  let at = 0;
  for (const part of parts.sort((a, b) => a.pos - b.pos)) {
    const start = part.getStart(file);
    // After a line continuation (an odd run of backslashes) the line break is no text: there the
    // indentation may be the only space between two words, and it stays.
    const text = code
      .slice(start, part.end)
      .replace(/(\\*)(\r?\n)[ \t]+/g, (all, slashes, br) => (slashes.length % 2 ? all : slashes + br));
    out += code.slice(at, start) + text;
    at = part.end;
  }
  return out + code.slice(at);
}

export function minifyHtml() {
  return {
    name: 'privacy-kit-minify-html',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\bhtml ?`/.test(code)) return null;
      const out = dedentHtml(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}
