/**
 * Integrations with third-party tags: blocked content, Google Consent Mode v2, Adobe, cookie
 * clearing. Each subscribes to a consent store; none is imported by the core.
 */
import type { PrivacyKit } from '../core/types.js';
import { installAdobe } from './adobe.js';
import { installBlockedContent } from './blocked-content.js';
import { installCookieCleaner } from './cookie-cleaner.js';
import { installGoogle } from './google.js';

export { adobeDefaultConsent, adobePreviousPermissions, installAdobe, isAdobeService } from './adobe.js';
export type { AdobeGlobal, AdobeOptIn } from './adobe.js';
export { installBlockedContent } from './blocked-content.js';
export type { BlockedContentOptions } from './blocked-content.js';
export { clearCookies, cookieDomains, installCookieCleaner } from './cookie-cleaner.js';
export {
  ADOBE_COOKIES,
  GOOGLE_AD_COOKIES,
  GOOGLE_COOKIES,
  hasRefusedCookies,
  matchingCookies,
  serviceCookiePatterns,
} from './cookie-patterns.js';
export {
  ensureGtagStub,
  googleConsent,
  installGoogle,
  isGoogleService,
  pushConsentDefault,
} from './google.js';
export type { GoogleConsent, GoogleOptions, Gtag } from './google.js';

/** Options of {@link installIntegrations}. */
export interface IntegrationOptions {
  /** Nonce for scripts the library injects itself (gtag.js / GTM); the loader passes its own. */
  readonly nonce?: string;
}

/**
 * Installs every integration on `kit`, in the order their effects must happen on a decision:
 * Consent Mode `update` first, then Adobe, then cookie clearing, then blocked scripts (whose
 * `config` calls must see the update). Returns a function that uninstalls them all.
 */
export function installIntegrations(kit: PrivacyKit, options: IntegrationOptions = {}): () => void {
  const stops = [
    installGoogle(kit, options),
    installAdobe(kit),
    installCookieCleaner(kit),
    installBlockedContent(kit),
  ];
  return () => stops.forEach((stop) => stop());
}
