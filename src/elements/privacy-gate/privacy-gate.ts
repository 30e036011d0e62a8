import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { ConsentState, PageDecision, PrivacyKit } from '../../core/types.js';
import { ConsentController } from '../consent-controller.js';
import { I18nController } from '../../i18n/controller.js';
import { registerStrings } from '../../i18n/strings.js';
import { registerCommonStrings } from '../../i18n/common.js';
import { registerLabelStrings } from '../../i18n/labels.js';
import { announceDecision, ensureAnnouncer } from '../shared/announcer.js';
import {
  categoryLabelWithLanguage,
  localizeWithLanguage,
  safeHttpUrl,
  serviceLabelWithLanguage,
} from '../shared/config-text.js';
import { translateMarked } from '../shared/marked-text.js';
import { fire } from '../shared/define.js';
import { buttons, pageScheme, tokens } from '../shared/styles.js';
import { gateStyles } from './privacy-gate.styles.js';
import nl from './locales/nl.json';
import en from './locales/en.json';

registerCommonStrings();
registerLabelStrings();
registerStrings('gate', { nl, en });

/** Detail of `privacy-gate-load`. */
export interface GateLoadDetail {
  readonly service: string;
  /** True when the visitor allowed the service for good, false for "load this once". */
  readonly persistent: boolean;
}

/** Marks embeds this gate activated, so that a withdrawal can put them back to sleep. */
const LOADED = 'data-privacy-gate-loaded';

/**
 * An embed pasted with `src` (YouTube's own "Embed" code): it loads before any consent. With a
 * `data-src` beside it, the `src` is lazy-load markup's placeholder (`about:blank`, a spacer).
 */
const PASTED = `:is(iframe, img, video, audio, source, embed)[src]:not([${LOADED}], [data-src])`;

/** A `<source>`'s new `src` reaches its video or audio only when that chooses again. */
const reselect = (el: Element) => {
  const media = el.localName == 'source' ? el.parentElement : null;
  if (media instanceof HTMLMediaElement) media.load();
};

/**
 * Holds back an embed (a video, a map) until its service is allowed. Put the embed inside with
 * `data-src` instead of `src`; until then a placeholder says who provides it and why it waits,
 * with "Load this once" (this embed only, nothing stored) and "Always allow" (stores consent for
 * the service and its category). When consent is withdrawn the embed is unloaded again.
 *
 * @tagname privacy-gate
 * @summary Placeholder that loads an embed only after consent.
 *
 * @attr service - Name of the service in the config (`youtube`); an unknown name shows an error and never loads.
 * @attr lang - Language of the texts: `nl`, `en`, or one the config adds; default the closest `lang` attribute, then `<html lang>`, then the config's `language`.
 *
 * @slot - The embed: `<iframe data-src="https://…">` (also `<img>`, `<video>`). Only http(s) sources load. One written with `src` is stopped until allowed, with a console error.
 *
 * @fires privacy-gate-load - The embed was loaded; `detail.persistent` is false for "Load this once".
 *
 * @csspart placeholder - The box shown instead of the embed.
 * @csspart title - Its heading.
 * @csspart message - Who provides the content and what loading it means.
 * @csspart policy-link - The provider's privacy policy.
 * @csspart actions - The row of buttons.
 * @csspart load-once-button - "Load this once".
 * @csspart allow-button - "Always allow <service>".
 * @csspart error - The note shown for a service the config does not know.
 *
 * @cssprop --privacy-gate-aspect - Aspect ratio of the placeholder (`4 / 3`); default the embed's `width` / `height` attributes, else `16 / 9`. It grows taller when its text needs the room.
 * @cssprop --privacy-gate-min-height - Minimum height of the placeholder (default 12rem).
 * @cssprop --privacy-color-surface - Placeholder background.
 * @cssprop --privacy-color-accent - Button colour.
 * @cssprop --privacy-color-accent-text - Button text.
 * @cssprop --privacy-color-border - Placeholder border and secondary buttons' borders.
 * @cssprop --privacy-color-text - Text colour.
 * @cssprop --privacy-color-error - The note for a service the config does not know.
 * @cssprop --privacy-color-focus - Focus ring.
 * @cssprop --privacy-font-family - Font.
 * @cssprop --privacy-font-size - Base font size.
 * @cssprop --privacy-radius - Corner radius.
 * @cssprop --privacy-spacing - Base spacing.
 * @cssprop --privacy-color-scheme - `light` or `dark`; by default the page's (`color-scheme` on `:root`).
 */
export class PrivacyGate extends LitElement {
  static override styles = [tokens, pageScheme, buttons, gateStyles];

  static override properties = {
    service: { reflect: true },
    loadedOnce: { state: true },
  };

  /** Name of the service in the config (`youtube`). */
  service = '';

  private loadedOnce = false;

  readonly #consent = new ConsentController(this);
  readonly #i18n = new I18nController(this, 'gate');
  #wasGranted = false;
  #toldAboutSrc = false;
  // No slot (and so no slotchange) while the placeholder shows: children the parser or a script
  // adds then are found through the light DOM itself.
  readonly #children = new MutationObserver(() => {
    if (!this.#showsEmbed(this.#consent.kit)) this.#deactivate();
  });

  /** True when the embed is shown (granted, or loaded once). */
  get loaded(): boolean {
    return this.#showsEmbed(this.#consent.kit);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    ensureAnnouncer();
    this.#children.observe(this, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['src'],
    });
    if (!this.#showsEmbed(this.#consent.kit)) this.#deactivate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#children.disconnect();
  }

  #showsEmbed(kit: PrivacyKit | undefined): boolean {
    if (!kit || !kit.config.services[this.service]) return false;
    return this.loadedOnce || kit.isGranted(this.service);
  }

  protected override willUpdate(): void {
    const kit = this.#consent.kit;
    const granted = !!kit?.config.services[this.service] && kit.isGranted(this.service);
    // A withdrawal also ends a "load this once": the visitor has just said no.
    if (this.#wasGranted && !granted) this.loadedOnce = false;
    this.#wasGranted = granted;
  }

  override render() {
    const kit = this.#consent.kit;
    if (this.#showsEmbed(kit)) return html`<slot @slotchange=${this.#onSlotChange}></slot>`;
    const t = this.#i18n.t.bind(this.#i18n);
    if (!kit) return this.#box(html`<p part="message">${t('waiting')}</p>`, false);
    const service = kit.config.services[this.service];
    if (!service) {
      return this.#box(
        html`<p class="error" part="error">${t('unknown', { service: this.service })}</p>`,
        false,
      );
    }
    const lang = this.#i18n.lang;
    const marked = (key: string, vars: Parameters<typeof translateMarked>[3]) =>
      translateMarked(t, lang, key, vars);
    const label = serviceLabelWithLanguage(kit.config, this.service, lang, t);
    const provider = service.provider ?? label;
    const category = categoryLabelWithLanguage(kit.config, service.category, lang, t);
    const purpose = localizeWithLanguage(service.description, lang, kit.config.language);
    const policy = safeHttpUrl(service.privacyPolicyUrl);
    return this.#box(html`
      <p class="title" part="title" id="title">${marked('title', { service: label })}</p>
      <p part="message">${marked('message', { service: label, provider, category })}</p>
      ${purpose ? html`<p part="message" lang=${purpose.lang ?? nothing}>${purpose.text}</p>` : nothing}
      ${policy ? html`<p><a part="policy-link" href=${policy}>${marked('policy', { provider })}</a></p>` : nothing}
      <div class="actions" part="actions">
        <button type="button" class="secondary" part="load-once-button" @click=${this.#loadOnce}>
          ${t('loadOnce')}
        </button>
        <button type="button" class="choice" part="allow-button" @click=${this.#allow}>
          ${marked('allow', { service: label })}
        </button>
      </div>
    `);
  }

  // The frame keeps the embed's shape, so nothing below moves when it loads.
  #box(content: TemplateResult, titled = true): TemplateResult {
    return html`<div class="frame">
      <div class="placeholder" part="placeholder" role="group" aria-labelledby=${titled ? 'title' : nothing}>
        ${content}
      </div>
    </div>`;
  }

  /** `width / height` of the first embed that has both attributes as positive numbers. */
  #aspect(): string | undefined {
    for (const el of this.querySelectorAll('[width][height]')) {
      const width = Number(el.getAttribute('width'));
      const height = Number(el.getAttribute('height'));
      if (width > 0 && height > 0 && Number.isFinite(width / height)) return `${width} / ${height}`;
    }
    return undefined;
  }

  protected override updated(): void {
    if (this.#showsEmbed(this.#consent.kit)) this.#activate();
    else this.#deactivate();
    // Through the CSSOM, not a style attribute: a page's CSP may forbid inline styles.
    const aspect = this.#aspect();
    const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
    if (aspect) frame?.style.setProperty('--_aspect', aspect);
    else frame?.style.removeProperty('--_aspect');
  }

  // An embed a page (or a CMS preview) adds after the gate opened loads at once, not at the next update.
  readonly #onSlotChange = (): void => {
    if (this.#showsEmbed(this.#consent.kit)) this.#activate();
  };

  #activate(): void {
    // Told also when allowed: the editor checking the page has often accepted already.
    if (this.querySelector(PASTED)) this.#tellAboutSrc();
    for (const el of this.querySelectorAll<HTMLElement>('[data-src]')) {
      const url = safeHttpUrl(el.getAttribute('data-src'));
      if (!url) {
        console.error(
          `privacy-kit: <privacy-gate service="${this.service}"> refuses to load a non-http(s) data-src`,
        );
        continue;
      }
      el.setAttribute('src', url);
      el.removeAttribute('data-src');
      el.setAttribute(LOADED, '');
      reselect(el);
    }
  }

  // Removing `src` does not stop a loaded iframe; a fresh clone without it does. An embed pasted
  // with `src` has already sent its first request, which cannot be taken back: stop it and say so.
  #deactivate(): void {
    for (const el of this.querySelectorAll<HTMLElement>(`[${LOADED}], ${PASTED}`)) {
      if (!el.hasAttribute(LOADED)) this.#tellAboutSrc();
      const sleeping = el.cloneNode(true) as HTMLElement;
      sleeping.setAttribute('data-src', el.getAttribute('src') ?? '');
      sleeping.removeAttribute('src');
      sleeping.removeAttribute(LOADED);
      el.replaceWith(sleeping);
      reselect(sleeping);
    }
  }

  #tellAboutSrc(): void {
    if (this.#toldAboutSrc) return;
    this.#toldAboutSrc = true;
    console.error(
      `privacy-kit: <privacy-gate service="${this.service}"> holds an embed written with src, which loads before consent; write data-src instead`,
    );
  }

  readonly #loadOnce = async (): Promise<void> => {
    this.loadedOnce = true;
    fire<GateLoadDetail>(this, 'privacy-gate-load', { service: this.service, persistent: false });
    await this.#focusEmbed();
  };

  readonly #allow = async (): Promise<void> => {
    const kit = this.#consent.kit;
    const service = kit?.config.services[this.service];
    if (!kit || !service) return;
    // Naming a category makes every unnamed service of it follow the category (core `decide()`):
    // name the others with their current effective state, so only this gate's service changes.
    const services: Record<string, boolean> = {};
    for (const [name, other] of Object.entries(kit.config.services)) {
      if (other.category === service.category) services[name] = kit.isGranted(name);
    }
    services[this.service] = true;
    // With the script tag, `kit` is window.privacyKit: its action may answer with a Promise.
    const result: PageDecision<ConsentState> = kit.update(
      { services, categories: { [service.category]: true } },
      { method: 'gate' },
    );
    announceDecision(result, (key) => this.#i18n.t(key));
    fire<GateLoadDetail>(this, 'privacy-gate-load', { service: this.service, persistent: true });
    // With the script tag the decision code may still be loading: the buttons go once it is saved
    // (and stay when it was not).
    if (await result) await this.#focusEmbed();
  };

  // The button the visitor pressed is gone; keep keyboard focus on what it revealed, or on the
  // gate itself when nothing loadable was inside (never on the top of the page).
  async #focusEmbed(): Promise<void> {
    await this.updateComplete;
    const target = this.querySelector<HTMLElement>(`[${LOADED}]`) ?? this.firstElementChild ?? this;
    if (!(target instanceof HTMLElement)) return;
    if (!target.matches('iframe, a, button, input, video[controls]')) target.tabIndex = -1;
    target.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'privacy-gate': PrivacyGate;
  }
  // The event bubbles out of shadow roots (composed) up to document.
  interface HTMLElementEventMap {
    'privacy-gate-load': CustomEvent<GateLoadDetail>;
  }
  interface DocumentEventMap {
    'privacy-gate-load': CustomEvent<GateLoadDetail>;
  }
}
