import { css } from 'lit';

/** A link-like inline button, or a round button fixed in a corner. */
export const settingsButtonStyles = css`
  :host {
    display: inline;
  }
  :host([hidden]) {
    display: none;
  }
  /* As a link it reads as part of the footer text around it. */
  :host(:not([variant='floating'])) {
    font: inherit;
    color: inherit;
  }
  .link {
    background: none;
    border: 0;
    padding: 0.125rem 0;
    min-height: 1.5rem;
    min-width: 1.5rem;
    color: var(--privacy-color-link, inherit);
    font: inherit;
    font-weight: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  /* The link sits on the site's own background, which the visitor's light/dark setting does not
     change: its ring takes the site's text colour, which contrasts with that background. */
  .link:focus-visible {
    outline-color: var(--privacy-color-focus, currentColor);
  }
  .floating {
    position: fixed;
    bottom: var(--privacy-settings-inset, 1rem);
    inset-inline-start: var(--privacy-settings-inset, 1rem);
    z-index: calc(var(--privacy-z-index, 2147483000) - 1);
    width: 3rem;
    height: 3rem;
    padding: 0;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-fg);
    box-shadow: var(--_shadow);
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  /* Its ring lies on the site's background, light or dark whatever the visitor's setting: a second
     ring in the icon's colour fills the gap to the button, so one of the two stands out by 3:1
     (WCAG technique C40). Forced colours drop the shadow and keep the outline. */
  .floating:focus-visible {
    box-shadow:
      0 0 0 2px var(--_accent-fg),
      var(--_shadow);
  }
  .floating svg {
    width: 1.5rem;
    height: 1.5rem;
  }
`;
