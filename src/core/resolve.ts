/**
 * The defaults of a valid config, apart from the checks (`config.ts`): the script-tag loader
 * fills them in for a config it validated on an earlier visit, without the validator.
 */
import type { PrivacyKitConfig, ResolvedConfig } from './types.js';

/** Category and service names: what the receipt contract accepts, never starting with `_` (`__proto__`). */
export const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A config that `validateConfig()` accepted, with every default filled in. */
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
