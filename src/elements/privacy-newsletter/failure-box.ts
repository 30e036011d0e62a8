/**
 * The failure shown on top of a state: what went wrong, and "try again" — which waits, counting
 * down, as long as the server asked. Pure, like views.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Failure } from './failure.js';
import type { ViewModel } from './views.js';

/**
 * `{{wait}}`: how long, in words of the visitor's language ("over 2 minuten", "in 60 minutes"), in
 * minutes from two minutes and hours from two hours, rounded up: a server's `Retry-After: 3600`
 * reads as 60 minutes, not 3600 seconds. `{{seconds}}` stays for translations written before.
 */
export function waitVars(m: Pick<ViewModel, 'lang'>, seconds: number): { wait: string; seconds: number } {
  const [n, unit]: [number, Intl.RelativeTimeFormatUnit] =
    seconds >= 7200
      ? [Math.ceil(seconds / 3600), 'hour']
      : seconds >= 120
        ? [Math.ceil(seconds / 60), 'minute']
        : [seconds, 'second'];
  return { wait: new Intl.RelativeTimeFormat(m.lang, { numeric: 'always' }).format(n, unit), seconds };
}

/** The alert for a failed request, with its retry (none when rate limited, unless nothing else can be pressed). */
export function failureBox(m: ViewModel, failure: Failure): TemplateResult {
  const { t } = m;
  const text =
    failure.kind === 'offline'
      ? t('failure.offline')
      : failure.kind === 'error'
        ? failure.retryAfter !== undefined
          ? t('failure.unavailable', waitVars(m, failure.retryAfter))
          : t('failure.error')
        : failure.retryAfter !== undefined
          ? t('failure.rateLimited', waitVars(m, failure.retryAfter))
          : t('failure.rateLimitedSoon');
  return html`
    <div part="alert" class="alert" data-kind=${failure.kind}>
      <p role="alert">${text}</p>
      ${
        // Rate limited: the form and buttons stay usable, and retrying at once would only be refused
        // again. A mail link's first request has no controls of its own: its retry counts down.
        failure.kind === 'rate-limited' && m.view !== 'loading' ? nothing : retryButton(m, failure)
      }
    </div>
  `;
}

function retryButton(m: ViewModel, failure: Failure): TemplateResult {
  const waiting = m.retrySeconds > 0;
  // aria-disabled, not disabled: focus moves here after the failure and must stay. The countdown is
  // for the eye; the name stays put, since a screen reader speaks each change of a focused name
  // (the alert above said how long to wait).
  return html`<button
    type="button"
    part="retry-button"
    class="secondary"
    aria-disabled=${waiting ? 'true' : 'false'}
    aria-label=${waiting ? m.t('failure.retry') : nothing}
    @click=${() => (waiting ? undefined : void failure.retry())}
  >
    ${waiting ? m.t('failure.retryWait', waitVars(m, m.retrySeconds)) : m.t('failure.retry')}
  </button>`;
}
