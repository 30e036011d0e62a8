/**
 * Registers `<privacy-newsletter>` (once, even when the bundle is loaded twice) and exports its
 * class and types.
 */
import { PrivacyNewsletter } from './privacy-newsletter.js';

export { PrivacyNewsletter } from './privacy-newsletter.js';
export type { NewsletterChangeDetail, NewsletterState } from './privacy-newsletter.js';

if (!customElements.get('privacy-newsletter')) customElements.define('privacy-newsletter', PrivacyNewsletter);
