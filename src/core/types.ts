/**
 * Public types of the privacy-kit core. Every layer (integrations, elements, loader, server)
 * builds on these; change them only together with their users.
 */

/** A visible string: one text for every language, or one per language code (`{ nl, en }`). */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** How a decision was made; recorded in the state and in every receipt. */
export type ConsentMethod = 'banner' | 'preferences' | 'api' | 'gpc' | 'gate';

/** A cookie a service sets, as shown to visitors and used for clearing on withdrawal. */
export interface CookieInfo {
  /** Exact name or a pattern with `*` wildcards (`_ga_*`). */
  readonly name: string;
  /** Human-readable lifetime, e.g. `{ nl: '2 jaar', en: '2 years' }`. */
  readonly lifetime?: LocalizedText;
  readonly description?: LocalizedText;
}

/** A purpose visitors grant or refuse as a whole (`analytics`, `marketing`, …). */
export interface CategoryConfig {
  readonly label?: LocalizedText;
  readonly description?: LocalizedText;
  /** Treated as "sale/sharing" for Global Privacy Control: refused when GPC is on. */
  readonly sale?: boolean;
}

/** Google tag settings of a service. */
export interface GoogleServiceConfig {
  /** GA4 measurement id (`G-XXXX`): used for `ga-disable-<id>` and `_ga_<id>` cookies. */
  readonly measurementId?: string;
  /** Google Tag Manager container id (`GTM-XXXX`), when the library loads GTM itself. */
  readonly containerId?: string;
}

/** Adobe settings of a service. */
export interface AdobeServiceConfig {
  /** `websdk` (alloy) or `appmeasurement` (ECID opt-in service). Default: both are handled if present. */
  readonly mode?: 'websdk' | 'appmeasurement';
  /** Global name of the Web SDK instance (default `alloy`). */
  readonly instance?: string;
}

/** A vendor/tool visitors may switch off individually inside its category. */
export interface ServiceConfig {
  readonly category: string;
  readonly label?: LocalizedText;
  readonly description?: LocalizedText;
  readonly provider?: string;
  readonly privacyPolicyUrl?: string;
  /** Cookies it sets; names or `*` patterns. Built-in lists exist for Google and Adobe. */
  readonly cookies?: readonly (string | CookieInfo)[];
  /** Extra cookie paths to clear besides `/`. */
  readonly cookiePaths?: readonly string[];
  readonly google?: GoogleServiceConfig;
  readonly adobe?: AdobeServiceConfig;
  /** When true the library injects the vendor tag itself once granted (gtag.js / GTM). */
  readonly load?: boolean;
}

/** Settings of the first-party consent cookie. */
export interface CookieConfig {
  /** Default `privacy_consent`. */
  readonly name?: string;
  /** Share the decision across subdomains, e.g. `example.org`. Default: host-only. */
  readonly domain?: string;
  /** Default 182 (six months). */
  readonly maxAgeDays?: number;
  /** Default `Lax`. */
  readonly sameSite?: 'Lax' | 'Strict' | 'None';
}

/** Google Consent Mode v2 consent types. */
export type GoogleConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/** Site-wide Google settings. */
export interface GoogleConfig {
  /** `basic` (default): no Google tag before consent. `advanced`: tag loads denied, cookieless pings. */
  readonly mode?: 'basic' | 'advanced';
  /** Category → consent types. Default: analytics → analytics_storage; marketing → ad_*; preferences → functionality/personalization. */
  readonly consentMap?: Readonly<Record<string, readonly GoogleConsentType[]>>;
  /** `wait_for_update` in ms for the default command. Default 500. */
  readonly waitForUpdate?: number;
}

/** Where the privacy statement document is, and whether its revision is the consent revision. */
export interface StatementLink {
  readonly src: string;
  readonly bindRevision?: boolean;
}

/** The whole configuration as a site writes it (JSON). */
export interface PrivacyKitConfig {
  /** Revision of the statement/config the visitor consents to; a change asks again. */
  readonly revision: string;
  /** Default language (`nl`, `en`, …) when neither element nor page says one. */
  readonly language?: string;
  readonly categories: Readonly<Record<string, CategoryConfig>>;
  readonly services?: Readonly<Record<string, ServiceConfig>>;
  readonly cookie?: CookieConfig;
  /** Ask again after this many days. Default 182. */
  readonly reconsentAfterDays?: number;
  /** Send consent receipts to the site's server. */
  readonly sync?: { readonly endpoint: string };
  /** Honour Global Privacy Control. Default true. */
  readonly gpc?: boolean;
  readonly google?: GoogleConfig;
  /** Link to the privacy statement shown in the banner. */
  readonly privacyPolicyUrl?: string;
  /**
   * The statement document (JSON). With `bindRevision`, its `revision` is the consent revision:
   * publishing a statement with a new revision asks visitors again (the script-tag loader reads it
   * before anything runs; `revision` above is used when it cannot be read).
   */
  readonly statement?: StatementLink;
  /** Newsletter API base URL (see the README's HTTP contract). */
  readonly newsletter?: { readonly endpoint: string };
  /** UI string overrides and extra languages: `{ en: { 'banner.title': '…' }, de: { … } }`. */
  readonly translations?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * The Dutch regulator's analytics exemption: analytics may run without consent.
   * Off by default; GA4 is not confirmed to qualify. Only for sites that checked their set-up.
   */
  readonly analyticsExemption?: boolean;
}

/** Config after validation, with every default filled in. */
export interface ResolvedConfig {
  readonly revision: string;
  readonly language: string;
  /** Always contains `necessary`. */
  readonly categories: Readonly<Record<string, CategoryConfig>>;
  readonly services: Readonly<Record<string, ServiceConfig>>;
  readonly cookie: Required<Omit<CookieConfig, 'domain'>> & { readonly domain?: string };
  readonly reconsentAfterDays: number;
  readonly sync?: { readonly endpoint: string };
  readonly gpc: boolean;
  readonly google: Required<GoogleConfig>;
  readonly privacyPolicyUrl?: string;
  readonly statement?: StatementLink;
  readonly newsletter?: { readonly endpoint: string };
  readonly translations: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly analyticsExemption: boolean;
}

/** One problem found in a config, a cookie or a document: where, and what was expected. */
export interface ValidationError {
  /** Dotted path of the bad field: `services.youtube.category`. */
  readonly path: string;
  /** What is wrong: `unknown category "video"`. */
  readonly message: string;
}

/** Result of parsing or validating something that came from outside. */
export type Result<T, E = readonly ValidationError[]> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: E };

/** The visitor's decision as stored. `categories.necessary` is always true. */
export interface ConsentState {
  /** Version of this shape and of the cookie encoding. */
  readonly schema: number;
  /** Random id of this visitor's consent (shown in the statement, sent in receipts). */
  readonly id: string;
  /** Config revision the decision was made on. */
  readonly revision: string;
  /** When the visitor first decided (ms since epoch). */
  readonly decidedAt: number;
  /** When the decision last changed (ms since epoch); the latest wins across tabs. */
  readonly updatedAt: number;
  readonly categories: Readonly<Record<string, boolean>>;
  /** Per-service switches; a service is granted only if its category is too. */
  readonly services: Readonly<Record<string, boolean>>;
  readonly method: ConsentMethod;
}

/** What a decision changed, passed to subscribers and in the `privacy-consent-change` event. */
export interface ConsentChange {
  readonly state: ConsentState | null;
  readonly previous: ConsentState | null;
  /** Categories and services whose effective grant changed. */
  readonly changed: readonly string[];
  /** Services and categories effectively granted now / refused now. */
  readonly granted: readonly string[];
  readonly denied: readonly string[];
  /** True when the change arrived from another tab. */
  readonly remote: boolean;
}

/** A choice passed to `update()`: only the names given change. */
export interface ConsentChoice {
  readonly categories?: Readonly<Record<string, boolean>>;
  readonly services?: Readonly<Record<string, boolean>>;
}

/** Options of the decision actions. */
export interface DecisionOptions {
  readonly method?: ConsentMethod;
}

/** Proof of one decision, sent to the server (see the README's HTTP contract). */
export interface ConsentReceipt {
  readonly receiptId: string;
  readonly consentId: string;
  readonly revision: string;
  /** Categories and services granted / refused by this decision. */
  readonly granted: readonly string[];
  readonly denied: readonly string[];
  readonly method: ConsentMethod;
  /** ISO 8601 time of the decision. */
  readonly at: string;
  readonly userAgent?: string;
}

/** Events of `on()`. */
export interface ConsentEvents {
  /** A decision was made, changed, synced from another tab or reset. */
  change: ConsentChange;
  /** Someone asked to show the preferences dialog (`showPreferences()`). */
  'show-preferences': { readonly opener?: Element | null };
  /** A decision is needed (no valid stored decision); the UI shows the banner. */
  'needs-decision': { readonly reason: NeedsDecisionReason };
}

/** Why the visitor must be asked (again). */
export type NeedsDecisionReason = 'none' | 'revision' | 'purposes' | 'expired' | 'invalid';

/** The consent API: `createConsent()` returns it; `window.privacyKit` is a {@link PagePrivacyKit}. */
export interface PrivacyKit {
  /** Resolves once the stored decision has been read and the config is known. */
  readonly ready: Promise<void>;
  /** The validated config with defaults. */
  readonly config: ResolvedConfig;
  /** The current decision, or `null` when none is stored (or it is no longer valid). */
  getConsent(): ConsentState | null;
  /**
   * The last decision stored, even when a new one is needed (changed revision or purposes, or
   * expired): the preferences dialog pre-fills it. Never used to grant anything.
   */
  getStoredConsent(): ConsentState | null;
  /** True when the banner must be shown: no decision, new revision/purposes, or expired. */
  needsDecision(): boolean;
  /** Why a decision is needed, or `null`. */
  needsDecisionReason(): NeedsDecisionReason | null;
  /** Is this service or category granted now? `necessary` always is; unknown names never are. */
  isGranted(name: string): boolean;
  acceptAll(options?: DecisionOptions): ConsentState;
  rejectAll(options?: DecisionOptions): ConsentState;
  update(choice: ConsentChoice, options?: DecisionOptions): ConsentState;
  /** Forget the decision (cookie removed); the banner shows again. */
  reset(): void;
  /** Ask the UI to open the preferences dialog. */
  showPreferences(opener?: Element | null): void;
  on<K extends keyof ConsentEvents>(event: K, fn: (detail: ConsentEvents[K]) => void): () => void;
  /** Calls `fn` for every change; same as `on('change', fn)`. */
  subscribe(fn: (change: ConsentChange) => void): () => void;
  /** Stop listening to other tabs and timers (for tests and single-page apps). */
  destroy(): void;
}

/**
 * What an action of the script-tag loader's `window.privacyKit` returns: the result at once when
 * the decision code is loaded; else a Promise of it (the code is loading, on a returning
 * visitor's page, or a `data-config` URL has not answered yet) that resolves to `null` when the
 * code could not be loaded; `null` at once when the page has no usable config.
 */
export type PageDecision<T> = T | Promise<T | null> | null;

/**
 * The script-tag loader's `window.privacyKit`. It exists from the first moment, before the config
 * is read: `config` is `undefined` until then (and stays so when the config is invalid), and the
 * actions may return a Promise (see {@link PageDecision}): write `await privacyKit.rejectAll()`.
 * A {@link PrivacyKit} from `createConsent()` is one too (its actions answer at once).
 */
export interface PagePrivacyKit extends Omit<
  PrivacyKit,
  'config' | 'acceptAll' | 'rejectAll' | 'update' | 'reset'
> {
  /** The validated config with defaults; `undefined` until it is read, or when it is invalid. */
  readonly config: ResolvedConfig | undefined;
  acceptAll(options?: DecisionOptions): PageDecision<ConsentState>;
  rejectAll(options?: DecisionOptions): PageDecision<ConsentState>;
  update(choice: ConsentChoice, options?: DecisionOptions): PageDecision<ConsentState>;
  /** Forget the decision (cookie removed); the banner shows again. */
  reset(): PageDecision<void>;
}

declare global {
  /** The core also tells `document` of every change (`ConsentOptions.document`; not bubbling). */
  interface DocumentEventMap {
    'privacy-consent-change': CustomEvent<ConsentChange>;
  }
}
