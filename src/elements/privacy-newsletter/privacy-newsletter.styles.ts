import { css } from 'lit';
import { pageScheme, tokens } from '../shared/styles.js';

/**
 * Layout of `<privacy-newsletter>`. Colours, font and the dark scheme come from the shared
 * `--privacy-*` tokens; targets are at least 24×24 px (WCAG 2.5.8), here 44 px.
 */
const layout = css`
  :host {
    display: block;
  }

  [hidden] {
    display: none !important;
  }

  .panel {
    background: var(--_bg);
    color: var(--_fg);
    padding: 1rem;
    border-radius: var(--_radius);
    max-width: 40rem;
  }

  h2 {
    font-size: 1.25em;
    margin: 0 0 0.5rem;
  }

  /* Focus moves to the state's heading so that screen readers read the new state; it is not a
     control, so it draws no focus ring (a box around a full-width line reads as a field). */
  h2:focus,
  h2:focus-visible {
    outline: none;
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
    color: var(--_fg);
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

  /* The fieldset's padding is the room below its last choice; no margins on top of it. */
  fieldset > :last-child,
  fieldset > :last-child > :last-child {
    margin-bottom: 0;
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

  /* The banner's and dialog's buttons (the shared buttons sheet), with the values copied: that
     sheet also lays out their action rows, which would stretch these. */
  button {
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.5rem 1.25rem;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    cursor: pointer;
  }

  button:hover {
    text-decoration: underline;
  }

  button.primary {
    background: var(--_accent);
    color: var(--_accent-fg);
  }

  button.secondary {
    background: transparent;
    color: var(--_fg);
    border-color: var(--_border);
  }

  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }

  button:focus-visible,
  input:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
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

/** Styles of `<privacy-newsletter>`. */
export const newsletterStyles = [tokens, pageScheme, layout];
