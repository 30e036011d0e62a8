/**
 * Registers `<privacy-statement>` and the live-block elements it renders
 * (`<privacy-cookie-table>`, `<privacy-consent-id>`).
 */
import '../privacy-cookie-table/index.js';
import '../privacy-consent-id/index.js';
import { PrivacyStatement } from './privacy-statement.js';

if (!customElements.get('privacy-statement')) customElements.define('privacy-statement', PrivacyStatement);

export { PrivacyStatement } from './privacy-statement.js';
export type { StatementLoadDetail } from './privacy-statement.js';
export {
  fetchStatement,
  parseStatement,
  type LoadResult,
  type StatementErrorDetail,
  type StatementErrorReason,
} from './load.js';
export * from './document.js';
export {
  PrivacyCookieTable,
  cookieRows,
  type CookieRow,
  type CookieRowStatus,
} from '../privacy-cookie-table/index.js';
export { PrivacyConsentId, accessRequestMailto } from '../privacy-consent-id/index.js';
