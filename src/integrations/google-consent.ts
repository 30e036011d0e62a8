/**
 * Which Consent Mode types the current decision grants: what Google is told (google.ts) and which
 * of Google's cookies may stay (cookie-patterns.ts) follow the one rule. Pure.
 */
import type { GoogleConsentType, PrivacyKit, ServiceConfig } from '../core/types.js';

/** Is this service a Google tag (by name or by its `google` block)? */
export const isGoogleService = (name: string, service: ServiceConfig): boolean =>
  !!service.google || name == 'google-analytics';

/**
 * Is `type` granted through `config.google.consentMap`? A type mapped from a category that holds
 * Google services is granted only while one of those services is: a visitor who switched Google
 * Analytics off inside "analytics" refused Google's storage.
 */
export function grantsGoogleType(kit: PrivacyKit, type: GoogleConsentType): boolean {
  const { google, services } = kit.config;
  const googles = Object.entries(services).filter(([n, s]) => isGoogleService(n, s));
  const open = (category: string) => {
    const inCategory = googles.filter(([, s]) => s.category == category);
    return kit.isGranted(category) && (!inCategory.length || inCategory.some(([n]) => kit.isGranted(n)));
  };
  return Object.entries(google.consentMap).some(
    ([category, types]) => types.includes(type) && open(category),
  );
}
