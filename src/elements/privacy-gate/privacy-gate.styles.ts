import { css } from 'lit';

/** The placeholder box that stands in for a blocked embed. */
export const gateStyles = css`
  :host {
    display: block;
  }
  .placeholder {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.5rem;
    min-height: var(--privacy-gate-min-height, 12rem);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_fg);
  }
  .title {
    margin: 0;
    font-weight: 700;
  }
  p {
    margin: 0;
  }
  .error {
    color: var(--_error);
  }
  .actions button {
    flex: 0 1 auto;
  }
`;
