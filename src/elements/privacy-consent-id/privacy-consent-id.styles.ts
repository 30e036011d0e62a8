import { css } from 'lit';

/** The consent id line and its mail link, in the page's font and colours unless themed. */
export const consentIdStyles = css`
  :host {
    display: block;
    font-family: var(--privacy-font-family, inherit);
    color: var(--privacy-color-text, inherit);
  }
  code {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
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
`;
