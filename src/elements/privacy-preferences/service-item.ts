/**
 * One service inside a category of the preferences dialog: its switch, always visible, and under
 * it an expandable "More about …" with the provider, purpose, cookies with lifetimes and the
 * provider's privacy policy — all from config, all rendered as text (a hostile label shows
 * literally), links only when http(s).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CookieInfo, ResolvedConfig } from '../../core/types.js';
import {
  localizeWithLanguage,
  safeHttpUrl,
  serviceLabelWithLanguage,
  type Translate,
} from '../shared/config-text.js';
import { inLanguage, translateMarked } from '../shared/marked-text.js';

/** What a service row needs from the dialog. */
export interface ServiceItemContext {
  readonly config: ResolvedConfig;
  readonly lang: string;
  readonly t: Translate;
  readonly checked: boolean;
  readonly disabled: boolean;
  /** Unique id prefix inside the dialog's shadow root. */
  readonly id: string;
  readonly onChange: (event: Event) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
}

function cookieLine(cookie: string | CookieInfo, ctx: ServiceItemContext): TemplateResult {
  if (typeof cookie === 'string') return html`<li><code>${cookie}</code></li>`;
  const lifetime = localizeWithLanguage(cookie.lifetime, ctx.lang, ctx.config.language);
  const description = localizeWithLanguage(cookie.description, ctx.lang, ctx.config.language);
  return html`<li>
    <code>${cookie.name}</code>${
      lifetime ? html` — ${translateMarked(ctx.t, ctx.lang, 'cookieLifetime', { lifetime })}` : nothing
    }${description ? html`. ${inLanguage(description, ctx.lang)}` : nothing}
  </li>`;
}

/** Renders the row of service `name`. */
export function renderService(name: string, ctx: ServiceItemContext): TemplateResult {
  const service = ctx.config.services[name];
  const label = serviceLabelWithLanguage(ctx.config, name, ctx.lang, ctx.t);
  const provider = service?.provider;
  const purpose = localizeWithLanguage(service?.description, ctx.lang, ctx.config.language);
  const policy = safeHttpUrl(service?.privacyPolicyUrl);
  const cookies = service?.cookies ?? [];
  const about = provider || purpose;
  const hasDetails = about || cookies.length || policy;
  return html`<li class="service" part="service">
    <div class="row">
      <label for=${ctx.id}>${inLanguage(label, ctx.lang)}</label>
      <input
        type="checkbox"
        role="switch"
        part="toggle"
        id=${ctx.id}
        data-service=${name}
        aria-describedby=${about ? `${ctx.id}-about` : nothing}
        .checked=${live(ctx.checked)}
        ?disabled=${ctx.disabled}
        @change=${ctx.onChange}
        @keydown=${ctx.onKeydown}
      />
    </div>
    ${
      // The switch's description must not live in the closed fold-out: what a closed <details>
      // holds is not read as a description, so a screen reader would say nothing of it.
      about
        ? html`<span id=${`${ctx.id}-about`} class="visually-hidden"
            >${provider ? ctx.t('provider', { provider }) : nothing}
            ${purpose ? inLanguage(purpose, ctx.lang) : nothing}</span
          >`
        : nothing
    }
    ${
      hasDetails
        ? html`<details part="service-details">
            <summary>${translateMarked(ctx.t, ctx.lang, 'serviceDetails', { service: label })}</summary>
            <div class="details">
              ${
                about
                  ? html`<div>
                      ${provider ? html`<p class="meta">${ctx.t('provider', { provider })}</p>` : nothing}
                      ${purpose ? html`<p class="meta" lang=${purpose.lang ?? nothing}>${purpose.text}</p>` : nothing}
                    </div>`
                  : nothing
              }
              ${
                cookies.length
                  ? html`<p class="meta">${ctx.t('cookies')}:</p>
                      <ul class="cookies">
                        ${cookies.map((c) => cookieLine(c, ctx))}
                      </ul>`
                  : nothing
              }
              ${
                policy
                  ? html`<p class="meta">
                      <a part="service-policy-link" href=${policy} target="_blank" rel="noopener noreferrer"
                        >${translateMarked(ctx.t, ctx.lang, 'servicePolicy', { provider: provider ?? label })}<span
                          class="visually-hidden"
                        >
                          ${ctx.t('opensInNewWindow')}</span
                        ></a
                      >
                    </p>`
                  : nothing
              }
            </div>
          </details>`
        : nothing
    }
  </li>`;
}
