/** Defines `<privacy-banner>`. */
import { defineElement } from '../shared/define.js';
import { PrivacyBanner } from './privacy-banner.js';

export { PrivacyBanner } from './privacy-banner.js';
export type { BannerAction, BannerActionDetail } from './privacy-banner.js';

defineElement('privacy-banner', PrivacyBanner);
