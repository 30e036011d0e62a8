import { css } from 'lit';

/** Layout of the banner: a compact bar fixed to one edge, never covering the whole page. */
export const bannerStyles = css`
  :host {
    display: contents;
  }
  .banner {
    position: fixed;
    inset-inline: 0;
    bottom: 0;
    z-index: var(--privacy-z-index, 2147483000);
    max-height: 60vh;
    overflow-y: auto;
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: var(--_shadow);
    border-top: 1px solid var(--_border);
    padding: calc(var(--_space) * 0.75) var(--_space);
    animation: privacy-rise 160ms ease-out;
  }
  .banner.top {
    bottom: auto;
    top: 0;
    border-top: 0;
    border-bottom: 1px solid var(--_border);
  }
  .inner {
    max-width: var(--privacy-banner-max-width, 72rem);
    margin-inline: auto;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.5);
  }
  .text {
    flex: 1 1 24rem;
    min-width: 0;
  }
  h2 {
    font-size: 1.0625em;
    margin: 0 0 0.25rem;
  }
  p {
    margin: 0;
    color: var(--_muted);
  }
  p a {
    color: var(--_fg);
    white-space: nowrap;
  }
  /* Three equal columns as wide as the longest label (a grid's column is never narrower than its
     content): accept and reject stay the same size, and a label breaks over two lines only when
     the row is narrower than the three (a site's long labels, 400 % zoom, a reader's text
     spacing), rather than running off the bar. Below 44rem they stack, full width. */
  .actions {
    flex: 1 1 auto;
    min-width: 0;
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: 1fr;
  }
  .actions button {
    overflow-wrap: anywhere;
  }
  @media (max-width: 44rem) {
    .actions {
      grid-auto-flow: row;
    }
  }
  .close {
    position: absolute;
    top: 0.25rem;
    inset-inline-end: 0.25rem;
  }
  :host([closable]) .inner {
    padding-inline-end: 2.5rem;
  }
  /* Switched off under prefers-reduced-motion by the shared button styles. */
  @keyframes privacy-rise {
    from {
      opacity: 0;
    }
  }
`;
