// Finds the Chromium that tests and benchmarks drive. No test tool may download a browser here:
// CHROME_PATH wins, then Debian's /usr/bin/chromium; as root on Debian we install that package.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a closed network and runnable as root in CI. */
export const chromeArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A fresh profile directory, so no run sees another's cookies or storage. */
export function freshUserDataDir() {
  return mkdtempSync(join(tmpdir(), 'privacy-kit-chrome-'));
}

function isDebian() {
  return existsSync('/etc/debian_version') || /ID(_LIKE)?=.*debian/.test(safeRead('/etc/os-release'));
}

function safeRead(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Returns the browser path, installing Debian's chromium when allowed.
 * Exits the process with a one-line instruction when no browser can be had.
 */
export function findChrome({ install = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    console.error(`CHROME_PATH points to ${fromEnv}, which does not exist.`);
    process.exit(1);
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (install && process.getuid?.() === 0 && isDebian()) {
    console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  console.error(
    'No Chromium found: install it (Debian: "sudo apt-get install chromium") or set CHROME_PATH to a Chrome/Chromium binary.',
  );
  process.exit(1);
}
