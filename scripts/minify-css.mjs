// Lit's css`` templates reach the bundle as written: indentation, line breaks and comments, on
// every first visit. This plugin squeezes them in the stylesheet modules (`*.styles.ts`,
// `shared/styles.ts`), after TypeScript and before terser. Only the CSS text between `${…}`
// interpolations changes; the code around it does not move, so the source maps of those modules
// stay right to the line.

/** CSS with comments dropped and whitespace cut to what the syntax needs; strings kept as written. */
export function squeezeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/([^\d\s]): /g, '$1:')
            .replace(/;}/g, '}'),
    )
    .join('')
    .trim();
}

const STYLESHEET = /(?:\.styles|\/shared\/styles)\.ts$/;

export function minifyCss() {
  return {
    name: 'privacy-kit-minify-css',
    transform(code, id) {
      if (!STYLESHEET.test(id)) return null;
      const out = code.replace(/\bcss ?`([^`]*)`/g, (_, body) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return 'css`' + parts.map((part, i) => (i % 2 ? part : squeezeCss(part))).join('') + '`';
      });
      return { code: out, map: null };
    },
  };
}
