import { css } from 'lit';

/** Styles of `<privacy-newsletter>`: `--privacy-*` custom properties, a dark scheme, 24px targets. */
export const newsletterStyles = css`
  :host {
    --_text: var(--privacy-color-text, #1b1b1b);
    --_bg: var(--privacy-color-background, #ffffff);
    --_accent: var(--privacy-color-accent, #0b5cad);
    --_accent-text: var(--privacy-color-accent-text, #ffffff);
    --_error: var(--privacy-color-error, #b00020);
    --_border: var(--privacy-color-border, #6b6b6b);
    --_muted: var(--privacy-color-muted, #4a4a4a);
    --_radius: var(--privacy-radius, 6px);
    display: block;
    font-family: var(--privacy-font-family, inherit);
    color: var(--_text);
    line-height: 1.5;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_text: var(--privacy-color-text, #f1f1f1);
      --_bg: var(--privacy-color-background, #1e1e1e);
      --_accent: var(--privacy-color-accent, #8cc4ff);
      --_accent-text: var(--privacy-color-accent-text, #0d1b2a);
      --_error: var(--privacy-color-error, #ff8a8a);
      --_border: var(--privacy-color-border, #a0a0a0);
      --_muted: var(--privacy-color-muted, #c8c8c8);
    }
  }

  [hidden] {
    display: none !important;
  }

  .panel {
    background: var(--_bg);
    color: var(--_text);
    padding: 1rem;
    border-radius: var(--_radius);
    max-width: 40rem;
  }

  h2 {
    font-size: 1.25em;
    margin: 0 0 0.5rem;
  }

  h2:focus {
    outline: none;
  }

  h2:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  p {
    margin: 0 0 0.75rem;
    overflow-wrap: anywhere;
  }

  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin-bottom: 1rem;
  }

  input[type='email'] {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    max-width: 100%;
    box-sizing: border-box;
  }

  input[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }

  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.5rem;
    align-items: start;
    margin-bottom: 0.75rem;
  }

  .check input {
    width: 1.5rem;
    height: 1.5rem;
    margin: 0;
    accent-color: var(--_accent);
  }

  .check .hint,
  .check .error {
    grid-column: 2;
  }

  .error {
    color: var(--_error);
    font-weight: 600;
  }

  .required {
    color: var(--_muted);
  }

  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 1rem;
    padding: 0.75rem;
  }

  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-bottom: 0.75rem;
  }

  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    cursor: pointer;
  }

  button.primary {
    background: var(--_accent);
    color: var(--_accent-text);
  }

  button.secondary {
    background: transparent;
    color: var(--_text);
  }

  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  button:focus-visible,
  input:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  a {
    color: var(--_accent);
  }

  .alert {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 1rem 0;
  }

  .status:empty {
    margin: 0;
  }

  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms ease;
    }
  }
`;
