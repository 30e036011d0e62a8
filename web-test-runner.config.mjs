// Unit and element tests in real Chromium (Debian's, never a downloaded one).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeArgs, findChrome } from './scripts/chrome.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const executablePath = findChrome();

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser'] },
  rootDir: '.',
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 5 * 60_000,
  browserStartTimeout: 60_000,
  plugins: [esbuildPlugin({ ts: true, json: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: chromeArgs },
    }),
  ],
  testFramework: { config: { timeout: 10_000 } },
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }),
    countReporter(process.env.PRIVACY_KIT_COUNT_FILE),
  ],
};
