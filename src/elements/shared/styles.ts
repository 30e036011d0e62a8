/**
 * Design tokens and the shared button look. Light and dark follow `prefers-color-scheme`
 * (`light-dark()`); `--privacy-color-scheme: dark` (or `light`) forces one. Sites theme every element through `--privacy-*`
 * custom properties (set them on `:root` or on the element) and `::part()`.
 * Lit adopts these as constructed stylesheets, so they work under `style-src 'self'`.
 */
import { css } from 'lit';

/**
 * Declarations that hide a box from sight but not from screen readers, for use inside a rule:
 * `.x { ${visuallyHidden} }`.
 */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

/**
 * For elements that sit in the page's content (the newsletter form, an embed's placeholder), after
 * `tokens`: light or dark as the page is, not as the visitor's system is, so a light page never
 * shows a dark panel. Unset, the declaration is invalid and `color-scheme` inherits from the page
 * (`light` unless it declares `color-scheme: light dark`); `--privacy-color-scheme` still forces one.
 */
export const pageScheme = css`
  :host {
    color-scheme: var(--privacy-color-scheme);
  }
`;

/** Colours, font, radius, spacing; light and dark, each text/background pair with ≥ 4.5:1 contrast. */
export const tokens = css`
  :host {
    color-scheme: var(--privacy-color-scheme, light dark);
    --_bg: var(--privacy-color-background, light-dark(#fff, #1d1e22));
    --_fg: var(--privacy-color-text, light-dark(#1b1b1f, #eceef4));
    --_muted: var(--privacy-color-muted, light-dark(#45464f, #c3c6d1));
    --_accent: var(--privacy-color-accent, light-dark(#0a55a6, #9ec5ff));
    --_accent-fg: var(--privacy-color-accent-text, light-dark(#fff, #0d1b2e));
    --_border: var(--privacy-color-border, light-dark(#6e6f78, #9a9cab));
    --_surface: var(--privacy-color-surface, light-dark(#f2f3f7, #2a2c33));
    --_focus: var(--privacy-color-focus, light-dark(#0a55a6, #9ec5ff));
    --_error: var(--privacy-color-error, light-dark(#a4161a, #ffb4ab));
    --_radius: var(--privacy-radius, 0.375rem);
    --_space: var(--privacy-spacing, 1rem);
    --_shadow: var(--privacy-shadow, 0 -2px 12px #0005);
    font: var(--privacy-font-size, 1rem) / 1.5 var(--privacy-font-family, system-ui, sans-serif);
    color: var(--_fg);
  }
  * {
    box-sizing: border-box;
  }
  a {
    color: inherit;
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;

/**
 * Buttons. `.choice` is the look of both "accept all" and "reject all": the same class, so the
 * same size and weight by construction (a legal requirement, not a taste).
 */
export const buttons = css`
  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    font-weight: 600;
    line-height: 1.25;
  }
  .choice {
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .secondary {
    background: transparent;
    color: var(--_fg);
    border-color: var(--_border);
  }
  button:hover {
    text-decoration: underline;
  }
  .icon-button {
    background: transparent;
    color: var(--_fg);
    border-color: transparent;
    padding: 0.25rem;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .icon-button svg {
    width: 1.25rem;
    height: 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions button {
    flex: 1 1 10rem;
    /* "Alles accepteren" stays on one line beside the other two in a 72rem banner. */
    padding-inline: 1rem;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
