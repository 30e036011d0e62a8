// CSV for the staff exports (RFC 4180 quoting). Cells that a spreadsheet would run as a formula
// (`=`, `+`, `-`, `@`, tab, CR) get a leading apostrophe: receipts carry visitor-supplied text
// such as the user agent, and an export must not become an attack on the person opening it.

/** One CSV cell value. */
export type CsvCell = string | number | boolean | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Renders a header row and data rows as CSV with CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
