/**
 * `privacy-kit/elements`: registers the consent UI elements and exports their classes.
 *
 * ```ts
 * import { createConsent } from 'privacy-kit/core';
 * import { usePrivacyKit, connectPreferences } from 'privacy-kit/elements';
 * const kit = createConsent(config);
 * usePrivacyKit(kit);
 * connectPreferences(kit); // kit.showPreferences() opens <privacy-preferences>
 * ```
 */
import './privacy-banner/index.js';
import './privacy-preferences/index.js';
import './privacy-settings-button/index.js';
import './privacy-gate/index.js';
import './privacy-statement/index.js';
import './privacy-newsletter/index.js';

export { PrivacyBanner, type BannerAction, type BannerActionDetail } from './privacy-banner/index.js';
export {
  PrivacyPreferences,
  type PreferencesAction,
  type PreferencesCloseDetail,
} from './privacy-preferences/index.js';
export { PrivacySettingsButton } from './privacy-settings-button/index.js';
export { PrivacyGate, type GateLoadDetail } from './privacy-gate/index.js';
export { usePrivacyKit, getPrivacyKit, whenPrivacyKit } from './context.js';
export { ConsentController } from './consent-controller.js';
export { I18nController, resolveLanguage } from '../i18n/controller.js';
export { registerStrings } from '../i18n/strings.js';
export {
  PrivacyStatement,
  PrivacyCookieTable,
  PrivacyConsentId,
  validateStatement,
  type StatementDocument,
  type StatementErrorDetail,
  type StatementLoadDetail,
} from './privacy-statement/index.js';
export {
  PrivacyNewsletter,
  type NewsletterChangeDetail,
  type NewsletterState,
} from './privacy-newsletter/index.js';

export { connectPreferences } from './setup.js';
