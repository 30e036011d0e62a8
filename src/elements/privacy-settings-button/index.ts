/** Defines `<privacy-settings-button>`. */
import { defineElement } from '../shared/define.js';
import { PrivacySettingsButton } from './privacy-settings-button.js';

export { PrivacySettingsButton } from './privacy-settings-button.js';

defineElement('privacy-settings-button', PrivacySettingsButton);
