/**
 * The templates of `<privacy-newsletter>`, one function per state. Pure: they render the model
 * they are given and report the visitor's actions through `on`; all text goes in as text nodes
 * or attribute values (server and visitor strings are never parsed as HTML).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { TranslateVars } from '../../i18n/controller.js';
import { failureBox, waitVars } from './failure-box.js';
import type { FlowState } from './flow.js';

/** The element's states apart from a failure shown on top of them. */
export type NewsletterView =
  | 'loading'
  | 'confirm'
  | 'subscribe'
  | 'pending'
  | 'confirmed'
  | 'manage'
  | 'unsubscribed'
  | 'invalid-link'
  | 'unavailable';

/** The preferences a subscriber can switch in the manage state. */
export type PreferenceKey = 'measureOpens' | 'objectMarketing' | 'objectResearch';

/** Field errors of the subscribe form, as string keys under `errors.`. */
export interface FieldErrors {
  readonly email?: 'emailRequired' | 'emailInvalid';
  readonly consent?: 'consentRequired';
}

/** Everything a template needs: the flow's state and a few derived values in, actions out. */
export interface ViewModel extends FlowState {
  readonly t: (key: string, vars?: TranslateVars) => string;
  /** The language the texts are in (for numbers and durations). */
  readonly lang: string;
  readonly resendSeconds: number;
  /** Seconds before "try again" works (a failure whose server asked to wait). */
  readonly retrySeconds: number;
  readonly revision: string | undefined;
  /** The revision as a long date in the visitor's language, when the revision is a date. */
  readonly revisionDate: string | undefined;
  readonly policyUrl: string | undefined;
  readonly on: {
    readonly email: (value: string) => void;
    readonly consent: (checked: boolean) => void;
    readonly measure: (checked: boolean) => void;
    readonly submit: () => void;
    readonly resend: () => void;
    readonly changeEmail: () => void;
    readonly preference: (key: PreferenceKey, value: boolean) => void;
    readonly unsubscribe: () => void;
    readonly resubscribe: () => void;
    readonly confirm: () => void;
  };
}

const PREFERENCES: readonly { key: PreferenceKey; label: string }[] = [
  { key: 'measureOpens', label: 'measure' },
  { key: 'objectMarketing', label: 'objectMarketing' },
  { key: 'objectResearch', label: 'objectResearch' },
];
/** What stays switchable after unsubscribing: measuring opens means nothing without a newsletter. */
const OBJECTIONS = PREFERENCES.filter(({ key }) => key !== 'measureOpens');

/** The whole element for one model. */
export function renderNewsletter(m: ViewModel): TemplateResult {
  return html`
    <div part="panel" class="panel" data-state=${m.view} aria-busy=${m.busy ? 'true' : 'false'}>
      ${viewBody(m)} ${m.failure ? failureBox(m, m.failure) : nothing}
      <p part="status" class="status" role="status">${m.statusMessage}</p>
    </div>
  `;
}

function viewBody(m: ViewModel): TemplateResult {
  switch (m.view) {
    case 'loading':
      return html`<p class="loading">${m.t('loading')}</p>`;
    case 'confirm':
      return html`${heading(m.t('confirm.heading'))}
        <p>${m.t('confirm.body')}</p>
        <div class="actions">
          <button
            type="button"
            part="confirm-button"
            class="primary"
            @click=${() => (m.busy ? undefined : m.on.confirm())}
          >
            ${m.t('confirm.button')}
          </button>
        </div>`;
    case 'subscribe':
      return subscribeForm(m);
    case 'pending':
      return pending(m);
    case 'confirmed':
    case 'manage':
      return manage(m);
    case 'unsubscribed':
      // Objections stay on record after unsubscribing and are still honoured: still switchable.
      return html`${message(m, m.t('unsubscribed.heading'), m.t('unsubscribed.body'), m.t('unsubscribed.resubscribe'))}
      ${m.preferences ? switches(m, OBJECTIONS) : nothing}`;
    case 'invalid-link': {
      // Not "subscribe again" as the answer: they wanted off the list, and most likely are.
      if (m.invalidUnsubscribe) {
        return message(
          m,
          m.t('invalid.unsubscribeHeading'),
          m.t('invalid.unsubscribeBody'),
          m.t('invalid.unsubscribeResubscribe'),
          'secondary',
        );
      }
      const expired = m.invalidReason === 'expired';
      // An unknown confirmation link is most often one used before (opened twice, or in another
      // browser): that subscription is confirmed, and subscribing again is not the answer.
      const usedBefore = m.invalidConfirm && !expired;
      return message(
        m,
        m.t(expired ? 'invalid.expiredHeading' : 'invalid.unknownHeading'),
        m.t(usedBefore ? 'invalid.unknownBody' : 'invalid.body'),
        m.t('invalid.resubscribe'),
        usedBefore ? 'secondary' : 'primary',
      );
    }
    case 'unavailable':
      return html`${heading(m.t('unavailable.heading'))}
        <p>${m.t('unavailable.body')}</p>`;
  }
}

function heading(text: string): TemplateResult {
  // tabindex=-1: focus moves here when the visitor's action leads to a new state.
  return html`<h2 id="heading" part="heading" tabindex="-1" data-focus="heading">${text}</h2>`;
}

// No live region: focus moves to the first invalid field, whose description is this text. An
// alert as well would make a screen reader say every error two or three times.
function fieldError(id: string, text: string): TemplateResult {
  return html`<p id=${id} part="field-error" class="error">${text}</p>`;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => !!id);
  return list.length ? list.join(' ') : undefined;
}

function subscribeForm(m: ViewModel): TemplateResult {
  const { t, fieldErrors: errors, on } = m;
  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (!m.busy) on.submit();
  };
  return html`
    ${heading(t('subscribe.heading'))}
    <p class="intro">${t('subscribe.intro')}</p>
    <form part="form" novalidate @submit=${submit}>
      <div class="field">
        <label for="email"
          >${t('subscribe.email')} <span class="required">(${t('subscribe.required')})</span></label
        >
        <input
          id="email"
          part="email-input"
          type="email"
          name="email"
          autocomplete="email"
          inputmode="email"
          required
          .value=${live(m.email)}
          aria-invalid=${errors.email ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(errors.email && 'email-error'))}
          @input=${(e: Event) => on.email((e.target as HTMLInputElement).value)}
        />
        ${errors.email ? fieldError('email-error', t(`errors.${errors.email}`)) : nothing}
      </div>
      <div class="check">
        <input
          id="consent"
          part="consent-checkbox"
          type="checkbox"
          required
          .checked=${live(m.consentGiven)}
          aria-invalid=${errors.consent ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(m.revision !== undefined && 'consent-revision', errors.consent && 'consent-error'))}
          @change=${(e: Event) => on.consent((e.target as HTMLInputElement).checked)}
        />
        <label for="consent"
          >${t('subscribe.consent')} <span class="required">(${t('subscribe.required')})</span></label
        >
        ${
          m.revision !== undefined
            ? html`<p id="consent-revision" part="revision" class="hint">
                ${
                  m.revisionDate
                    ? t('subscribe.revision', { revision: m.revisionDate })
                    : t('subscribe.revisionName', { revision: m.revision })
                }
                ${m.policyUrl ? html`<a href=${m.policyUrl}>${t('subscribe.policyLink')}</a>` : nothing}
              </p>`
            : nothing
        }
        ${errors.consent ? fieldError('consent-error', t(`errors.${errors.consent}`)) : nothing}
      </div>
      <div class="check">
        <input
          id="measure"
          part="measure-checkbox"
          type="checkbox"
          .checked=${live(m.measureOpens)}
          aria-describedby="measure-hint"
          @change=${(e: Event) => on.measure((e.target as HTMLInputElement).checked)}
        />
        <label for="measure">${t('subscribe.measure')}</label>
        <p id="measure-hint" class="hint">${t('subscribe.measureHint')}</p>
      </div>
      <button type="submit" part="submit-button" class="primary" aria-disabled=${m.busy ? 'true' : 'false'}>
        ${t('subscribe.submit')}
      </button>
    </form>
  `;
}

function pending(m: ViewModel): TemplateResult {
  const { t, on } = m;
  const waiting = m.resendSeconds > 0;
  const resend = (): void => {
    if (!m.busy && !waiting) on.resend();
  };
  return html`
    ${heading(t('pending.heading'))}
    <p>${t('pending.body', { email: m.sentTo })}</p>
    <p class="hint">${t('pending.spam')}</p>
    <div class="actions">
      <!-- aria-disabled, not disabled: a disabled button drops the focus of the visitor who just pressed it. -->
      <button
        type="button"
        part="resend-button"
        class="primary"
        aria-disabled=${waiting ? 'true' : 'false'}
        aria-label=${waiting ? t('pending.resend') : nothing}
        @click=${resend}
      >
        ${waiting ? t('pending.resendWait', waitVars(m, m.resendSeconds)) : t('pending.resend')}
      </button>
      <button type="button" part="change-email-button" class="secondary" @click=${on.changeEmail}>
        ${t('pending.change')}
      </button>
    </div>
  `;
}

function manage(m: ViewModel): TemplateResult {
  const { t, on, preferences } = m;
  if (!preferences) return html``;
  const confirmed = m.view === 'confirmed';
  return html`
    ${heading(t(confirmed ? 'confirmed.heading' : 'manage.heading'))}
    ${confirmed ? html`<p>${t('confirmed.body')}</p>` : nothing}
    <p part="subscriber">${t('manage.email', { email: preferences.email })}</p>
    ${switches(m, PREFERENCES)}
    <div class="actions">
      <button
        type="button"
        part="unsubscribe-button"
        class="secondary"
        aria-describedby="unsubscribe-hint"
        @click=${on.unsubscribe}
      >
        ${t('manage.unsubscribe')}
      </button>
    </div>
    <p id="unsubscribe-hint" class="hint">${t('manage.unsubscribeHint')}</p>
  `;
}

function switches(m: ViewModel, list: typeof PREFERENCES): TemplateResult {
  const { t, on, preferences } = m;
  return html`<fieldset part="choices">
    <legend>${t('manage.choices')}</legend>
    ${list.map(
      ({ key, label }) => html`
        <div class="check switch">
          <input
            id=${`pref-${key}`}
            part="toggle"
            type="checkbox"
            role="switch"
            data-preference=${key}
            .checked=${live(preferences?.[key] ?? false)}
            aria-describedby=${`pref-${key}-hint`}
            @change=${(e: Event) => on.preference(key, (e.target as HTMLInputElement).checked)}
          />
          <label for=${`pref-${key}`}>${t(`manage.${label}`)}</label>
          <p id=${`pref-${key}-hint`} class="hint">${t(`manage.${label}Hint`)}</p>
        </div>
      `,
    )}
  </fieldset>`;
}

function message(
  m: ViewModel,
  title: string,
  body: string,
  action: string,
  look: 'primary' | 'secondary' = 'primary',
): TemplateResult {
  return html`
    ${heading(title)}
    <p>${body}</p>
    <div class="actions">
      <button type="button" part="resubscribe-button" class=${look} @click=${m.on.resubscribe}>
        ${action}
      </button>
    </div>
  `;
}
