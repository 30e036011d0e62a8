// CSV for the staff exports (RFC 4180 quoting). Cells that a spreadsheet would run as a formula
// (`=`, `+`, `-`, `@`, tab, CR) get a leading apostrophe: receipts carry visitor-supplied text
// such as the user agent, and an export must not become an attack on the person opening it.
// Excel with Dutch (and most European) regional settings splits a line on `;` instead of `,`, so
// the same goes for what follows a `;` inside a cell.

/** One CSV cell value. */
export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') text = text.replace(/(^|;)(?=[=+\-@\t\r])/g, "$1'");
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders a header row and data rows as CSV with CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
