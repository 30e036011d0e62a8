import { css } from 'lit';

/** The modal dialog, category rows and the switch look of the native checkboxes. */
export const preferencesStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  dialog {
    width: min(42rem, calc(100vw - 1rem));
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
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  .header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem;
    padding: var(--_space) var(--_space) 0;
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  .body {
    overflow-y: auto;
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
  }
  .service .row label {
    font-weight: 500;
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
  details {
    margin-top: 0.5rem;
  }
  summary {
    cursor: pointer;
    min-height: 1.5rem;
    color: var(--_fg);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .services {
    margin-top: 0.5rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid var(--_surface);
  }
  .service {
    padding: 0.5rem 0;
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
  .always-on {
    font-size: 0.875em;
    color: var(--_muted);
  }
`;
