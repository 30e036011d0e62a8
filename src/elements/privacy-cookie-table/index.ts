/** Registers `<privacy-cookie-table>`. */
import { PrivacyCookieTable } from './privacy-cookie-table.js';

if (!customElements.get('privacy-cookie-table'))
  customElements.define('privacy-cookie-table', PrivacyCookieTable);

export { PrivacyCookieTable, cookieRows } from './privacy-cookie-table.js';
export type { CookieRow, CookieRowStatus } from './privacy-cookie-table.js';
