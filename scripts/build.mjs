// `npm run build`: the three rollup builds, then the custom-elements manifest from the JSDoc tags.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

function step(cmd, args) {
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`build failed: ${cmd} ${args.join(' ')}`);
    process.exit(status ?? 1);
  }
}

step('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent']);
step('npx', ['cem', 'analyze', '--quiet']); // settings: custom-elements-manifest.config.mjs
console.log('build: dist/ and custom-elements.json written');
