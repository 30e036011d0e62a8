/**
 * Shipped labels of the usual categories and services (namespace `labels`), used where config
 * gives none: `t('labels:category.analytics.label')`. Only the dialog and the gate need them, so
 * they stay out of the banner's bundle.
 */
import nl from './locales/labels.nl.json';
import en from './locales/labels.en.json';
import { hasNamespace, registerStrings } from './strings.js';

/** Registers the `labels` strings once. */
export function registerLabelStrings(): void {
  if (!hasNamespace('nl', 'labels')) registerStrings('labels', { nl, en });
}
