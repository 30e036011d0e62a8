/**
 * The category list of the preferences dialog: per category its switch (necessary on and locked),
 * description, notes (Global Privacy Control; analytics running under the exemption) and services.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { PrivacyKit } from '../../core/types.js';
import { categoryLabelWithLanguage, type Translate } from '../shared/config-text.js';
import { inLanguage } from '../shared/marked-text.js';
import { categoryDescription, gpcRefusedCategories } from './category-text.js';
import { orderedCategories, servicesOf, type Choices } from './choices.js';
import { renderService } from './service-item.js';

/** What the list needs from the dialog. */
export interface CategoryListContext {
  readonly lang: string;
  readonly t: Translate;
  readonly onCategory: (event: Event) => void;
  readonly onService: (event: Event) => void;
  /** Enter on a switch toggles it, as Space does. */
  readonly onKeydown: (event: KeyboardEvent) => void;
}

/** Renders every category of `kit.config` with the switches set from `choices`. */
export function renderCategories(
  kit: PrivacyKit,
  choices: Choices,
  ctx: CategoryListContext,
): TemplateResult {
  const { config } = kit;
  const { lang, t } = ctx;
  const gpc = new Set(gpcRefusedCategories(config));
  // Under the exemption analytics runs while no decision is in force (unless refused before),
  // though its switch is not pre-set: the note says so.
  const exempt = !kit.getConsent() && kit.isGranted('analytics');
  return html`<ul>
    ${orderedCategories(config).map((name, i) => {
      const id = `c${i}`;
      const necessary = name === 'necessary';
      const description = categoryDescription(config, name, lang, t);
      const services = servicesOf(config, name);
      const gpcNote = gpc.has(name);
      const exemptNote = exempt && name === 'analytics';
      return html`<li class="category" part="category">
        <div class="row">
          <label for=${id}>${inLanguage(categoryLabelWithLanguage(config, name, lang, t), lang)}</label>
          ${necessary ? html`<span class="always-on" id=${`${id}-on`}>${t('alwaysOn')}</span>` : nothing}
          <input
            type="checkbox"
            role="switch"
            part="toggle"
            id=${id}
            data-category=${name}
            aria-describedby=${
              [
                necessary ? `${id}-on` : '',
                description ? `${id}-desc` : '',
                gpcNote ? `${id}-gpc` : '',
                exemptNote ? `${id}-exempt` : '',
              ]
                .filter(Boolean)
                .join(' ') || nothing
            }
            .checked=${live(necessary || choices.categories[name] === true)}
            ?disabled=${necessary}
            @change=${ctx.onCategory}
            @keydown=${ctx.onKeydown}
          />
        </div>
        ${description ? html`<p class="description" id=${`${id}-desc`}>${inLanguage(description, lang)}</p>` : nothing}
        ${gpcNote ? html`<p class="note" id=${`${id}-gpc`}>${t('gpc')}</p>` : nothing}
        ${exemptNote ? html`<p class="note" id=${`${id}-exempt`}>${t('exempt')}</p>` : nothing}
        ${
          services.length
            ? html`<p class="services-label" id=${`${id}-services`}>
                  ${t('services', { count: services.length })}
                </p>
                <ul class="services" part="services" aria-labelledby=${`${id}-services`}>
                  ${services.map((service, j) =>
                    renderService(service, {
                      config,
                      lang,
                      t,
                      id: `${id}-s${j}`,
                      checked: necessary || choices.services[service] === true,
                      disabled: necessary,
                      onChange: ctx.onService,
                      onKeydown: ctx.onKeydown,
                    }),
                  )}
                </ul>`
            : nothing
        }
      </li>`;
    })}
  </ul>`;
}
