/** Registers `<privacy-consent-id>`. */
import { PrivacyConsentId } from './privacy-consent-id.js';

if (!customElements.get('privacy-consent-id')) customElements.define('privacy-consent-id', PrivacyConsentId);

export { PrivacyConsentId, accessRequestMailto } from './privacy-consent-id.js';
