/**
 * The shapes `<privacy-newsletter>`'s flow works with: what the visitor sees (`FlowState`), what
 * the flow needs from its element, and the change event's detail.
 */
import type { ReactiveControllerHost } from 'lit';
import type { NewsletterClient, NewsletterPreferences } from '../../core/newsletter.js';
import type { PrivacyKit } from '../../core/types.js';
import type { Failure } from './failure.js';
import type { FieldErrors, NewsletterView } from './views.js';

/** What changed, in the `privacy-newsletter-change` event. */
export interface NewsletterChangeDetail {
  readonly action: 'subscribe' | 'resend' | 'confirm' | 'update' | 'unsubscribe';
  /** The preferences after the change; absent for `subscribe` and `resend` (the server only says "pending"). */
  readonly preferences?: NewsletterPreferences;
}

/** Where focus goes after the next render: the new state's heading, the first bad field, the retry. */
export type FocusTarget = 'heading' | 'errors' | 'retry';

/** Everything the element shows. */
export interface FlowState {
  readonly view: NewsletterView;
  readonly email: string;
  readonly consentGiven: boolean;
  readonly measureOpens: boolean;
  readonly fieldErrors: FieldErrors;
  readonly failure: Failure | null;
  readonly busy: boolean;
  readonly preferences: NewsletterPreferences | null;
  readonly sentTo: string;
  readonly statusMessage: string;
  readonly invalidReason: 'expired' | 'not-found';
  /** The link that stopped working was an unsubscribe link (the visitor is most likely off the list). */
  readonly invalidUnsubscribe: boolean;
  /** The link that stopped working was a confirmation link (most often one used before). */
  readonly invalidConfirm: boolean;
}

/** What the flow needs from its element: the attributes, the consent API, text, events, focus. */
export interface FlowHost extends ReactiveControllerHost {
  readonly endpoint?: string | undefined;
  readonly token?: string | undefined;
  readonly action?: string | undefined;
  readonly resendDelay: number;
  readonly client?: NewsletterClient | undefined;
  readonly now: () => number;
}

/** The element's side of the flow. */
export interface FlowContext {
  readonly kit: () => PrivacyKit | undefined;
  /** The statement revision the visitor consents to (attribute, else config). */
  readonly revision: () => string | undefined;
  readonly t: (key: string) => string;
  readonly lang: () => string;
  readonly emit: (detail: NewsletterChangeDetail) => void;
  readonly focusAfterUpdate: (target: FocusTarget) => void;
}

/** Before the first view is decided. */
export const INITIAL_STATE: FlowState = {
  view: 'loading',
  email: '',
  consentGiven: false,
  measureOpens: false,
  fieldErrors: {},
  failure: null,
  busy: false,
  preferences: null,
  sentTo: '',
  statusMessage: '',
  invalidReason: 'not-found',
  invalidUnsubscribe: false,
  invalidConfirm: false,
};
