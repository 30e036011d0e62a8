/** Small inline SVG icons (static markup, no data in them). */
import { svg } from 'lit';

/** × for close buttons. */
export const closeIcon = svg`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" d="M6 6l12 12M18 6L6 18"/></svg>`;
