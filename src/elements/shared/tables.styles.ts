import { css } from 'lit';

/**
 * The tables of the statement and the cookie table: cells, and the `.table-scroll` region that
 * scrolls a wide one, with its cue: an edge shadow on the side with more table, only while it can
 * scroll that way (a scroll-driven animation; browsers without one show no shadow).
 */
export const tableStyles = css`
  .table-scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.375rem 0.5rem;
    border: 1px solid var(--privacy-color-border, currentColor);
  }
  @supports (animation-timeline: scroll()) {
    .table-scroll {
      --_cue: color-mix(in srgb, currentColor 45%, transparent);
      animation: privacy-scroll-cue linear both;
      animation-timeline: scroll(self inline);
    }
  }
  @keyframes privacy-scroll-cue {
    from {
      box-shadow: inset -1rem 0 0.75rem -0.75rem var(--_cue);
    }
    1%,
    99% {
      box-shadow:
        inset -1rem 0 0.75rem -0.75rem var(--_cue),
        inset 1rem 0 0.75rem -0.75rem var(--_cue);
    }
    to {
      box-shadow: inset 1rem 0 0.75rem -0.75rem var(--_cue);
    }
  }
`;
