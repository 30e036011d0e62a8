/** Defines `<privacy-gate>`. */
import { defineElement } from '../shared/define.js';
import { PrivacyGate } from './privacy-gate.js';

export { PrivacyGate } from './privacy-gate.js';
export type { GateLoadDetail } from './privacy-gate.js';

defineElement('privacy-gate', PrivacyGate);
