import { css } from 'lit';
import { visuallyHidden } from '../shared/styles.js';

/** The modal dialog, category rows and the switch look of the native checkboxes. */
export const preferencesStyles = css`
  .visually-hidden {
    ${visuallyHidden}
  }
  /* The browser's own max-width for a modal dialog (100% - 2em - 6px) would take another 22 px of
     a 320 px screen, enough to break "cookievoorkeuren" and "Noodzakelijk" mid-word. */
  dialog {
    width: min(42rem, calc(100vw - 1rem));
    max-width: calc(100vw - 1rem);
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 8px 32px rgb(0 0 0 / 0.35);
    overflow: hidden;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  /* Short viewports (400 % zoom): header and footer alone would fill the dialog and leave the
     switches no room, so the whole dialog scrolls instead of its middle. */
  @media (max-height: 30rem) {
    dialog[open] {
      display: block;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    .body {
      overflow: visible;
    }
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: var(--_space) var(--_space) 0;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .header .icon-button {
    flex: none;
  }
  .body {
    overflow-y: auto;
    /* At its end the wheel must not scroll the page behind the modal. */
    overscroll-behavior: contain;
    padding: 0 var(--_space);
  }
  .intro {
    color: var(--_muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .category {
    border-top: 1px solid var(--_border);
    padding: 0.75rem 0;
  }
  .row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
  }
  .row label {
    font-weight: 600;
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .service .row label {
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .description,
  .meta,
  .note {
    margin: 0.25rem 0 0;
    color: var(--_muted);
  }
  .note {
    border-inline-start: 3px solid var(--_accent);
    padding-inline-start: 0.5rem;
  }
  .services-label {
    margin: 0.75rem 0 0.375rem;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_muted);
  }
  /* Every service switch is in view without expanding anything; only its details fold away. */
  .services {
    padding: 0 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .service {
    padding: 0.625rem 0;
  }
  .service + .service {
    border-top: 1px solid color-mix(in srgb, var(--_border) 45%, transparent);
  }
  .service input[role='switch'] {
    background: var(--_bg);
  }
  .service input[role='switch']:checked {
    background: var(--_accent);
  }
  details {
    margin-top: 0.125rem;
  }
  summary {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 1.5rem;
    cursor: pointer;
    font-size: 0.9375em;
    color: var(--_fg);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  /* A chevron that turns when open; the native marker would sit apart from the underlined text. */
  summary::before {
    content: '';
    flex: none;
    width: 0.45em;
    height: 0.45em;
    border-inline-end: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform 120ms;
  }
  details[open] > summary::before {
    transform: translateY(-0.15em) rotate(45deg);
  }
  .details {
    padding: 0.25rem 0 0.25rem 0.875rem;
  }
  .cookies {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
    list-style: disc;
    color: var(--_muted);
  }
  code {
    font-family: ui-monospace, monospace;
    color: var(--_fg);
    overflow-wrap: anywhere;
  }
  .error {
    color: var(--_error);
  }
  .footer {
    padding: var(--_space);
    border-top: 1px solid var(--_border);
  }
  /* The native checkbox does the accessibility work; it only looks like a switch. */
  input[role='switch'] {
    appearance: none;
    flex: none;
    position: relative;
    width: 3rem;
    height: 1.75rem;
    margin: 0;
    border-radius: 1rem;
    border: 2px solid var(--_border);
    background: var(--_surface);
    cursor: pointer;
    transition: background 120ms;
  }
  input[role='switch']::before {
    content: '';
    position: absolute;
    top: 0.1875rem;
    left: 0.1875rem;
    width: 1.125rem;
    height: 1.125rem;
    border-radius: 50%;
    background: var(--_muted);
    transition: transform 120ms;
  }
  input[role='switch']:checked {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  input[role='switch']:checked::before {
    background: var(--_accent-fg);
    transform: translateX(1.25rem);
  }
  input[role='switch']:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }
  /* Forced colours drop background colours: draw the thumb and the on-track in system colours. */
  @media (forced-colors: active) {
    input[role='switch'],
    input[role='switch']::before {
      forced-color-adjust: none;
    }
    input[role='switch'] {
      background: Canvas;
      border-color: CanvasText;
    }
    input[role='switch']::before {
      background: CanvasText;
    }
    input[role='switch']:checked,
    .service input[role='switch']:checked {
      background: Highlight;
      border-color: Highlight;
    }
    input[role='switch']:checked::before {
      background: HighlightText;
    }
    input[role='switch']:disabled {
      opacity: 1;
      border-color: GrayText;
    }
    input[role='switch']:disabled::before {
      background: GrayText;
    }
    input[role='switch']:checked:disabled {
      background: GrayText;
    }
    input[role='switch']:checked:disabled::before {
      background: Canvas;
    }
  }
  .always-on {
    font-size: 0.875em;
    color: var(--_muted);
  }
`;
