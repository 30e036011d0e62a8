/**
 * `privacy-kit/elements/setup`: binds the elements to a store without registering any of them,
 * for pages that import only the elements they show (`privacy-kit/elements/privacy-banner`, …).
 *
 * ```ts
 * import { usePrivacyKit, connectPreferences } from 'privacy-kit/elements/setup';
 * import 'privacy-kit/elements/privacy-banner';
 * usePrivacyKit(kit);
 * connectPreferences(kit, () => import('privacy-kit/elements/privacy-preferences'));
 * ```
 */
import type { PrivacyKit } from '../core/types.js';
import { wirePreferences, type DefinePreferences } from './shared/connect-preferences.js';

export { usePrivacyKit, getPrivacyKit, whenPrivacyKit, type BoundPrivacyKit } from './context.js';

/**
 * Makes `kit.showPreferences()` open a `<privacy-preferences>` dialog (created in `<body>` when
 * the page has none). `define` makes the element exist: by default it waits until something
 * registers it; pass an `import()` of `privacy-kit/elements/privacy-preferences` to load the
 * dialog only when it is first asked for. Returns a function that undoes the wiring.
 */
export function connectPreferences(
  kit: PrivacyKit,
  define: DefinePreferences = () => customElements.whenDefined('privacy-preferences'),
): () => void {
  return wirePreferences(kit, define);
}
