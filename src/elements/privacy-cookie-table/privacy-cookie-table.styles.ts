import { css } from 'lit';
import { visuallyHidden } from '../shared/styles.js';

/** The table, its focusable scroll region and the narrow card layout. */
export const cookieTableStyles = css`
  :host {
    display: block;
    font-family: var(--privacy-font-family, inherit);
    color: var(--privacy-color-text, inherit);
    margin-block: 1em;
    /* The layout follows the room the element has, not the window: see the @container below. */
    container: privacy-cookie-table / inline-size;
  }
  table {
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: bold;
    padding-block-end: 0.25rem;
  }
  thead th {
    background: var(--privacy-color-surface, transparent);
  }
  /* The purpose gives up width first; a cookie name is never broken in two. */
  td.purpose {
    min-width: 10ch;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  code {
    font-family: ui-monospace, monospace;
    white-space: nowrap;
  }
  :focus-visible {
    outline: 3px solid var(--privacy-color-focus, currentColor);
    outline-offset: 2px;
  }
  /* Narrow: each service becomes a card of label–value lines (the roles in the markup keep it a
     table for assistive technology; the labels are drawn by CSS and not read twice). */
  @container privacy-cookie-table (max-width: 45rem) {
    table,
    caption,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      ${visuallyHidden}
    }
    tbody tr {
      margin-block-end: 0.75rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--privacy-color-border, currentColor);
      border-radius: var(--privacy-radius, 0.375rem);
    }
    th,
    td {
      border: 0;
      padding: 0.125rem 0 0.375rem;
    }
    tbody th {
      padding-block-end: 0.375rem;
      font-size: 1.0625em;
    }
    td::before {
      content: attr(data-label) / '';
      display: block;
      font-weight: bold;
      font-size: 0.875em;
      overflow-wrap: normal;
    }
    code {
      white-space: normal;
      overflow-wrap: anywhere;
    }
  }
`;
