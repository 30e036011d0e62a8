/**
 * The live blocks a statement document places: the cookie table, the visitor's consent id with
 * its request mail, a "change cookie settings" button and the newsletter link — as blocks of
 * their own, or (all but the table) inside a sentence.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PrivacyKit } from '../../core/types.js';
import { isPlainEmail } from '../shared/email.js';
import { warnOnce } from '../shared/warn-once.js';
import {
  contactEmail,
  isSafeHref,
  type InlineLiveName,
  type LiveBlock,
  type StatementDocument,
} from './document.js';

/** What the live blocks need from the element. */
export interface LiveContext {
  /** The consent API; without it the button is left out (a button that does nothing misleads). */
  readonly kit: PrivacyKit | undefined;
  readonly t: (key: string) => string;
  /**
   * Language of `t`'s strings, which may differ from the document's (a `lang` the page set on the
   * element): the live blocks are the element's own words, so each is marked with it.
   */
  readonly lang: string;
  readonly doc: StatementDocument;
  /** The element's `email` attribute. */
  readonly email: string | undefined;
  /** The element's `newsletter-href` attribute. */
  readonly newsletterHref: string | undefined;
}

function changeChoices(ctx: LiveContext, inline: boolean): TemplateResult | typeof nothing {
  const kit = ctx.kit;
  if (!kit) return nothing;
  return html`<button
    type="button"
    lang=${ctx.lang}
    class=${inline ? 'inline' : nothing}
    part="change-choices"
    @click=${(e: Event) => kit.showPreferences(e.currentTarget as Element)}
  >
    ${ctx.t('changeChoices')}
  </button>`;
}

/** The attribute, else the document's link, else an in-page `<privacy-newsletter id>`. */
function newsletterTarget(ctx: LiveContext, documentHref?: string): string | undefined {
  for (const href of [ctx.newsletterHref, documentHref]) if (href && isSafeHref(href)) return href;
  const inPage = document.querySelector('privacy-newsletter[id]');
  return inPage ? `#${inPage.id}` : undefined;
}

function newsletterLink(ctx: LiveContext, documentHref?: string): TemplateResult | typeof nothing {
  const href = newsletterTarget(ctx, documentHref);
  return href
    ? html`<a part="newsletter-link" href=${href} lang=${ctx.lang}>${ctx.t('newsletter')}</a>`
    : nothing;
}

/**
 * The `email` attribute when it is one plain address, else the document's contact address: a
 * typo in the attribute must not take the request mail away from a statement that has a good one.
 */
function requestEmail(ctx: LiveContext): string | undefined {
  const attribute = ctx.email?.trim();
  if (attribute && isPlainEmail(attribute)) return attribute;
  if (attribute)
    warnOnce(
      `privacy-statement: email="${attribute}" is not one plain e-mail address; the document's contact e-mail is used`,
    );
  return contactEmail(ctx.doc);
}

/** A live block standing on its own. */
export function renderLiveBlock(block: LiveBlock, ctx: LiveContext): TemplateResult | typeof nothing {
  const lang = ctx.lang;
  switch (block.block) {
    case 'cookie-table':
      return html`<privacy-cookie-table lang=${lang}></privacy-cookie-table>`;
    case 'consent-id':
      return html`<privacy-consent-id
        lang=${lang}
        email=${requestEmail(ctx) ?? nothing}
      ></privacy-consent-id>`;
    case 'change-choices': {
      const button = changeChoices(ctx, false);
      return button === nothing ? nothing : html`<p>${button}</p>`;
    }
    case 'newsletter': {
      const link = newsletterLink(ctx, block.href);
      return link === nothing ? nothing : html`<p>${link}</p>`;
    }
  }
}

/** A live block inside a sentence: a small button, the consent id as text, a link. */
export function renderInlineLive(
  name: InlineLiveName,
  ctx: LiveContext,
): TemplateResult | string | typeof nothing {
  switch (name) {
    case 'change-choices':
      return changeChoices(ctx, true);
    case 'consent-id': {
      const kit = ctx.kit;
      if (!kit) return nothing;
      const id = (kit.getConsent() ?? kit.getStoredConsent())?.id;
      return id
        ? html`<code part="consent-id">${id}</code>`
        : html`<span lang=${ctx.lang}>${ctx.t('consentId.inlineNone')}</span>`;
    }
    case 'newsletter':
      return newsletterLink(ctx);
  }
}
