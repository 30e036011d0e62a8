// The published package as a user gets it: `npm pack`, install the tarball into a fresh project,
// import `privacy-kit/core` and `privacy-kit/elements` and type-check that code with tsc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test(
  'the npm tarball installs, ships no tests or server data, and its subpaths type-check',
  { timeout: 240_000 },
  (t) => {
    const work = mkdtempSync(join(tmpdir(), 'privacy-kit-pack-'));
    t.after(() => rmSync(work, { recursive: true, force: true }));

    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
    const files = packed[0].files.map((f) => f.path);
    assert.ok(files.includes('dist/core.js') && files.includes('dist/privacy-kit.js'), 'the builds are in');
    assert.ok(files.includes('dist/types/core/index.d.ts'), 'the declarations are in');
    assert.ok(
      files.includes('LICENSE') && files.includes('dist/ui/LICENSES.txt'),
      'the license notices are in',
    );
    const unwanted = files.filter((f) => /^(test|stories|server|demo|bench|\.data|\.tmp)\//.test(f));
    assert.deepEqual(unwanted, [], 'no tests, stories or server data in the tarball');
    // The sources ship: the source maps, custom-elements.json and the README's locale references point at them.
    assert.ok(
      files.includes('src/core/index.ts') && files.includes('src/elements/privacy-banner/locales/en.json'),
    );
    assert.deepEqual(
      files.filter((f) => f.startsWith('src/') && /\.test\.|\.stories\./.test(f)),
      [],
    );

    const project = join(work, 'app');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module' }),
    );
    run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed[0].filename)],
      project,
    );

    writeFileSync(
      join(project, 'main.ts'),
      `import { createConsent, validateConfig, type ConsentState } from 'privacy-kit/core';
import { usePrivacyKit, PrivacyBanner } from 'privacy-kit/elements';
const result = validateConfig({ revision: '1', categories: { analytics: {} } });
if (result.ok) {
  const kit = createConsent(result.value);
  usePrivacyKit(kit);
  const state: ConsentState | null = kit.getConsent();
  const banner: PrivacyBanner = document.createElement('privacy-banner') as PrivacyBanner;
  console.log(state, banner);
}
`,
    );
    // A page that shows only a banner imports only the banner (and the dialog on demand).
    writeFileSync(
      join(project, 'banner-only.ts'),
      `import { createConsent } from 'privacy-kit/core';
import { usePrivacyKit, connectPreferences } from 'privacy-kit/elements/setup';
import { PrivacyBanner } from 'privacy-kit/elements/privacy-banner';
const kit = createConsent({ revision: '1', categories: { analytics: {} } });
usePrivacyKit(kit);
connectPreferences(kit, () => import('privacy-kit/elements/privacy-preferences'));
const banner: PrivacyBanner = document.createElement('privacy-banner');
console.log(banner);
`,
    );
    // React users opt in to the elements' JSX types (React's own types come from the app).
    writeFileSync(
      join(project, 'react-app.tsx'),
      `import type {} from 'privacy-kit/jsx';
export const page = (
  <>
    <privacy-banner position="top" closable heading="Cookies" />
    <privacy-settings-button variant="floating" label="Cookie-instellingen" className="corner" />
    <privacy-gate service="youtube"><iframe title="Video" data-src="https://www.youtube-nocookie.com/embed/x" /></privacy-gate>
    <privacy-statement src="/statements/kopgroep.nl.json" heading-level="2" />
    <privacy-newsletter endpoint="/api/newsletter" resend-delay={60} />
  </>
);
// @ts-expect-error -- not an edge the banner knows
export const wrong = <privacy-banner position="left" />;
// @ts-expect-error -- a gate needs its service
export const unnamed = <privacy-gate />;
`,
    );
    for (const types of ['react', 'csstype'].map((name) => join(name === 'react' ? '@types' : '', name))) {
      execFileSync('mkdir', ['-p', join(project, 'node_modules', types, '..')]);
      execFileSync('ln', ['-s', join(root, 'node_modules', types), join(project, 'node_modules', types)]);
    }
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ES2022',
          moduleResolution: 'bundler',
          strict: true,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          noEmit: true,
          skipLibCheck: false,
          types: [],
          jsx: 'react-jsx',
        },
        files: ['main.ts', 'banner-only.ts', 'react-app.tsx'],
      }),
    );
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    try {
      run('node', [tsc, '-p', 'tsconfig.json'], project);
    } catch (error) {
      assert.fail(`tsc failed on the installed package:\n${error.stdout}${error.stderr}`);
    }

    // Node can import the core (server rendering) straight from the installed package.
    const out = run(
      'node',
      [
        '--input-type=module',
        '-e',
        "import('privacy-kit/core').then(m => console.log(typeof m.createConsent))",
      ],
      project,
    );
    assert.equal(out.trim(), 'function');
    // Each element's entry registers that element alone.
    const only = readFileSync(
      join(project, 'node_modules/privacy-kit/dist/elements/privacy-banner.js'),
      'utf8',
    );
    assert.ok(only.includes("'privacy-banner'") && !/privacy-newsletter|privacy-statement/.test(only));
    assert.match(
      readFileSync(join(project, 'node_modules/privacy-kit/package.json'), 'utf8'),
      /"customElements"/,
    );
  },
);
