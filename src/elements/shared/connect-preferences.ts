/**
 * Wires the consent API's `showPreferences()` to a `<privacy-preferences>` dialog: on the
 * `show-preferences` event, the dialog is created at the end of `<body>` if the page has none,
 * then opened. The UI bundle passes a loader that imports the dialog lazily; npm users, who
 * import every element anyway, call `connectPreferences(kit)` from elements/index.ts.
 */
import type { PrivacyKit } from '../../core/types.js';

/** The part of `<privacy-preferences>` this wiring needs. */
interface PreferencesDialog extends HTMLElement {
  show(opener?: Element | null): Promise<void>;
}

/** Resolves once `<privacy-preferences>` is defined. */
export type DefinePreferences = () => Promise<unknown>;

/** Opens (creating if needed) the page's preferences dialog. */
export async function openPreferences(
  definePreferences: DefinePreferences,
  opener?: Element | null,
): Promise<void> {
  await definePreferences();
  let dialog = document.querySelector<PreferencesDialog>('privacy-preferences');
  if (!dialog) {
    dialog = document.createElement('privacy-preferences') as PreferencesDialog;
    document.body.append(dialog);
  }
  await dialog.show(opener ?? null);
}

/** Opens the dialog whenever `kit.showPreferences()` is called; returns a function that stops it. */
export function wirePreferences(
  kit: Pick<PrivacyKit, 'on'>,
  definePreferences: DefinePreferences,
): () => void {
  return kit.on('show-preferences', ({ opener }) => {
    openPreferences(definePreferences, opener).catch(console.error);
  });
}
