/**
 * The defaults of a config, filled in after validation. Kept apart from the validator so the
 * script-tag loader can resolve a config it already trusts without shipping the validator.
 */
import type { GoogleConsentType, PrivacyKitConfig, ResolvedConfig } from './types.js';

/**
 * The Consent Mode v2 types a visitor grants or refuses; Google's seventh, security_storage
 * (fraud prevention, login), needs no consent and is always granted.
 */
export const GOOGLE_CONSENT_TYPES: readonly GoogleConsentType[] = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
];

/** A config with every default filled in; `input` must already be valid. */
export function resolveConfig(c: PrivacyKitConfig): ResolvedConfig {
  return {
    ...c,
    language: c.language ?? 'nl',
    categories: { necessary: {}, ...c.categories },
    services: c.services ?? {},
    cookie: { name: 'privacy_consent', maxAgeDays: 182, sameSite: 'Lax', ...c.cookie },
    reconsentAfterDays: c.reconsentAfterDays ?? 182,
    gpc: c.gpc ?? true,
    google: {
      mode: 'basic',
      consentMap: {
        analytics: ['analytics_storage'],
        marketing: ['ad_storage', 'ad_user_data', 'ad_personalization'],
        preferences: ['functionality_storage', 'personalization_storage'],
      },
      waitForUpdate: 500,
      ...c.google,
    },
    translations: c.translations ?? {},
    analyticsExemption: c.analyticsExemption ?? false,
  };
}
