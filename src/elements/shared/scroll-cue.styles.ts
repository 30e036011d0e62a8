import { css } from 'lit';

/**
 * A `.table-scroll` region's scroll cue: an edge shadow on the side with more table, only while it
 * can scroll that way (a scroll-driven animation; browsers without one show no shadow).
 */
export const scrollCue = css`
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
