/**
 * `privacy-kit/core`: the typed, framework-free consent core. No Lit, no i18next, no DOM
 * rendering; safe to import on a server (nothing touches `window` or `document` at import time).
 */
export { createConsent } from './create.js';
export type { ConsentOptions } from './store.js';
export { validateConfig, formatErrors, ConfigError } from './config.js';
export { decodeConsent } from './cookie-codec.js';
export { encodeConsent } from './cookie-encode.js';
export { isGrantedIn, needsDecisionReason, categoryNames, serviceNames } from './consent.js';
export { diffConsent } from './decide.js';
export { gpcRefusals, type PrivacySignals } from './gpc.js';
export { cookieStorage, memoryStorage, type CookieAdapter } from './storage.js';
export type { Scheduler } from './receipts.js';
export {
  createNewsletterClient,
  isValidEmail,
  parsePreferences,
  type NewsletterClient,
  type NewsletterClientOptions,
  type NewsletterError,
  type NewsletterResult,
  type NewsletterPreferences,
  type NewsletterStatus,
  type NewsletterSubscription,
  type NewsletterPreferencesUpdate,
  type NewsletterPending,
  type NewsletterConfirmation,
} from './newsletter.js';
export type * from './types.js';
