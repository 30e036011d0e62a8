/**
 * The failure shown on top of a state: what went wrong, and "try again" — which waits, counting
 * down, as long as the server asked. Pure, like views.ts.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Failure } from './failure.js';
import type { ViewModel } from './views.js';

/** The alert for a failed request, with its retry (none when rate limited). */
export function failureBox(m: ViewModel, failure: Failure): TemplateResult {
  const { t } = m;
  const text =
    failure.kind === 'offline'
      ? t('failure.offline')
      : failure.kind === 'error'
        ? failure.retryAfter !== undefined
          ? t('failure.unavailable', { seconds: failure.retryAfter })
          : t('failure.error')
        : failure.retryAfter !== undefined
          ? t('failure.rateLimited', { seconds: failure.retryAfter })
          : t('failure.rateLimitedSoon');
  return html`
    <div part="alert" class="alert" data-kind=${failure.kind}>
      <p role="alert">${text}</p>
      ${
        failure.kind === 'rate-limited'
          ? nothing /* retrying at once would only be refused again; the form and buttons stay usable */
          : retryButton(m, failure)
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
    @click=${() => (m.busy || waiting ? undefined : void failure.retry())}
  >
    ${waiting ? m.t('failure.retryWait', { seconds: m.retrySeconds }) : m.t('failure.retry')}
  </button>`;
}
