import { css } from 'lit';

/** The placeholder box that stands in for a blocked embed. */
export const gateStyles = css`
  :host {
    display: block;
  }
  /* The embed's size, reserved so the page does not jump when it loads: its width/height
     attributes' ratio (set from the element as --_aspect), else 16/9. The frame grows past the
     ratio when the text needs more room (narrow screens, zoom): its minimum is its content. */
  .frame {
    aspect-ratio: var(--privacy-gate-aspect, var(--_aspect, 16 / 9));
  }
  .placeholder {
    display: flex;
    flex-direction: column;
    justify-content: center;
    gap: 0.5rem;
    min-height: max(100%, var(--privacy-gate-min-height, 12rem));
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
