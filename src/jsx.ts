/**
 * `privacy-kit/jsx`: the elements in React's JSX, for TypeScript. Opt in once, in any file:
 *
 * ```ts
 * import type {} from 'privacy-kit/jsx';
 * ```
 *
 * The attributes are those the elements document (`custom-elements.json`); a test keeps the two in
 * step. Types only: nothing of it is bundled.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

/** An element's JSX props: React's for any HTML element, and its own attributes. */
type Props<Own> = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & Own;

/** Every `privacy-*` element with the attributes it reads. */
export interface PrivacyKitElements {
  'privacy-banner': Props<{
    position?: 'bottom' | 'top';
    closable?: boolean;
    heading?: string;
    message?: string;
  }>;
  'privacy-preferences': Props<object>;
  'privacy-settings-button': Props<{ variant?: 'link' | 'floating'; label?: string }>;
  'privacy-gate': Props<{ service: string }>;
  'privacy-statement': Props<{
    src?: string;
    'heading-level'?: number | `${number}`;
    email?: string;
    'newsletter-href'?: string;
    revision?: string;
    updated?: string;
  }>;
  'privacy-cookie-table': Props<object>;
  'privacy-consent-id': Props<{ email?: string }>;
  'privacy-newsletter': Props<{
    endpoint?: string;
    revision?: string;
    token?: string;
    action?: string;
    'resend-delay'?: number | `${number}`;
  }>;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React declares JSX as a namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into React's own
    interface IntrinsicElements extends PrivacyKitElements {}
  }
}
