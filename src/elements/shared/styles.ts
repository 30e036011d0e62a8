/**
 * Design tokens and the shared button look. Sites theme every element through `--privacy-*`
 * custom properties (set them on `:root` or on the element) and `::part()`.
 * Lit adopts these as constructed stylesheets, so they work under `style-src 'self'`.
 */
import { css } from 'lit';

/** Colours, font, radius, spacing; light and dark, each pair with ≥ 4.5:1 contrast. */
export const tokens = css`
  :host {
    --_bg: var(--privacy-color-background, #ffffff);
    --_fg: var(--privacy-color-text, #1b1b1f);
    --_muted: var(--privacy-color-muted, #45464f);
    --_accent: var(--privacy-color-accent, #0a55a6);
    --_accent-fg: var(--privacy-color-accent-text, #ffffff);
    --_border: var(--privacy-color-border, #6e6f78);
    --_surface: var(--privacy-color-surface, #f2f3f7);
    --_focus: var(--privacy-color-focus, #0a55a6);
    --_error: var(--privacy-color-error, #a4161a);
    --_radius: var(--privacy-radius, 0.375rem);
    --_space: var(--privacy-spacing, 1rem);
    --_shadow: var(--privacy-shadow, 0 -2px 12px rgb(0 0 0 / 0.18));
    font-family: var(--privacy-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--privacy-font-size, 1rem);
    line-height: 1.5;
    color: var(--_fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_bg: var(--privacy-color-background, #1d1e22);
      --_fg: var(--privacy-color-text, #eceef4);
      --_muted: var(--privacy-color-muted, #c3c6d1);
      --_accent: var(--privacy-color-accent, #9ec5ff);
      --_accent-fg: var(--privacy-color-accent-text, #0d1b2e);
      --_border: var(--privacy-color-border, #9a9cab);
      --_surface: var(--privacy-color-surface, #2a2c33);
      --_focus: var(--privacy-color-focus, #9ec5ff);
      --_error: var(--privacy-color-error, #ffb4ab);
      --_shadow: var(--privacy-shadow, 0 -2px 12px rgb(0 0 0 / 0.6));
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
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
  .choice:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_fg));
  }
  .secondary:hover {
    background: var(--_surface);
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
