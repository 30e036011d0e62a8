/** Defines `<privacy-preferences>`. */
import { defineElement } from '../shared/define.js';
import { PrivacyPreferences } from './privacy-preferences.js';

export { PrivacyPreferences } from './privacy-preferences.js';
export type { PreferencesAction, PreferencesCloseDetail } from './privacy-preferences.js';

defineElement('privacy-preferences', PrivacyPreferences);
