/**
 * Styles of `<privacy-statement>`: it inherits the page's typography (it is page content, not a
 * widget), and every colour and spacing can be themed with `--privacy-*` custom properties.
 */
import { css } from 'lit';

/** Shared by the statement's own content; live-block elements have their own. */
export const statementStyles = css`
  :host {
    display: block;
    font-family: var(--privacy-font-family, inherit);
    color: var(--privacy-color-text, inherit);
    line-height: inherit;
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none;
  }
  a {
    color: var(--privacy-color-link, inherit);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  :focus-visible {
    outline: 3px solid var(--privacy-color-focus, currentColor);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--privacy-color-focus, currentColor);
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    scroll-margin-top: var(--privacy-scroll-margin, 1rem);
  }
  [part='updated'],
  [part='translation-note'],
  [part='footer'] {
    color: var(--privacy-color-muted, inherit);
  }
  nav[part='toc'] {
    margin-block: var(--privacy-spacing, 1rem);
    padding: 0.5rem var(--privacy-spacing, 1rem);
    border-inline-start: 4px solid var(--privacy-color-border, currentColor);
    background: var(--privacy-color-surface, transparent);
  }
  [part='toc-label'] {
    margin: 0;
    font-weight: bold;
  }
  nav ol {
    margin-block: 0.25rem;
    padding-inline-start: 1.5rem;
  }
  nav li {
    /* Targets at least 24px high (WCAG 2.5.8). */
    min-height: 24px;
    padding-block: 0.125rem;
  }
  address {
    font-style: normal;
    margin-block: 1em;
  }
  address .line {
    display: block;
  }
  /* The banner's button look (weight, line height), with the page's font. */
  button {
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    cursor: pointer;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--privacy-radius, 0.375rem);
    border: 2px solid var(--privacy-color-accent, #0a55a6);
    background: var(--privacy-color-accent, #0a55a6);
    color: var(--privacy-color-accent-text, #ffffff);
  }
  button:hover {
    text-decoration: underline;
  }
  /* Its text colour is the button's own (white by default): the ring outside it takes the accent.
     That ring lies on the page, light or dark: a second ring in the button's text colour fills the
     gap to the button, so one of the two stands out by 3:1 (WCAG technique C40). */
  button:focus-visible {
    outline-color: var(--privacy-color-focus, var(--privacy-color-accent, #0a55a6));
    box-shadow: 0 0 0 2px var(--privacy-color-accent-text, #ffffff);
  }
  /* The same button standing inside a sentence: as tall as a line, still a 24px target. */
  button.inline {
    min-height: 1.5rem;
    padding: 0 0.5rem;
    border-radius: var(--privacy-radius, 0.25rem);
  }
  code[part='consent-id'] {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  [part='error'] {
    padding: var(--privacy-spacing, 1rem);
    border: 2px solid var(--privacy-color-error, #a4161a);
    border-radius: var(--privacy-radius, 0.375rem);
  }
  [part='error'] code {
    font-family: ui-monospace, monospace;
  }
  @media print {
    button,
    nav[part='toc'] {
      display: none;
    }
    a[href^='http']::after,
    a[href^='mailto:']::after {
      content: ' (' attr(href) ')';
      font-size: 0.9em;
    }
    section {
      break-inside: avoid-page;
    }
    h2,
    h3 {
      break-after: avoid;
    }
  }
`;
