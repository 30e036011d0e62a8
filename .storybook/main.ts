// Storybook for the elements: web components + Vite, stories next to nothing but themselves.
// Built offline in CI (`STORYBOOK_DISABLE_TELEMETRY=1 npm run build-storybook`); no addons, to keep it fast.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts'],
  addons: [],
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
    },
  }),
};

export default config;
