// Storybook for the elements: web components + Vite, stories next to nothing but themselves.
// Built offline in CI (`STORYBOOK_DISABLE_TELEMETRY=1 npm run build-storybook`). One addon, docs:
// each element gets a Docs page of its attributes, events, slots, parts and CSS properties, read
// from custom-elements.json (issue: "Storybook's docs know every attribute").
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  typescript: { check: false },
  viteFinal: async (vite) => ({
    ...vite,
    // Lit's decorators need TypeScript's legacy decorator transform (tsconfig: experimentalDecorators).
    esbuild: {
      ...(vite.esbuild || {}),
      tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    },
    build: {
      ...(vite.build || {}),
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4000,
      // The gate stories' stand-in video must stay a file: <privacy-gate> loads only http(s)
      // addresses, never a data: URL.
      assetsInlineLimit: (file: string) => (file.endsWith('fake-video.svg') ? false : undefined),
    },
  }),
};

export default config;
