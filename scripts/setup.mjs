#!/usr/bin/env node
/**
 * `npm run setup`: everything a fresh machine with only Node.js needs, then the sample built into output/.
 *   1. npm dependencies (npm ci on a fresh clone; compiles minutier through the `prepare` script);
 *   2. a Chromium for the PDFs when none is found (Debian's `chromium` package when we are root on Debian/Ubuntu;
 *      otherwise the command to run is printed and the HTML is still built);
 *   3. `minutier build`: the sample session into output/.
 * Plain Node only: it runs before the dependencies exist.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import process from 'node:process';

const root = fileURLToPath(new URL('..', import.meta.url));
const say = (text) => process.stdout.write(`\n▶ ${text}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(command, args, what) {
  const status = run(command, args);
  if (status !== 0) {
    process.stderr.write(`\nÉchec : ${what} (${command} ${args.join(' ')} → code ${status}).\n`);
    process.exit(status || 1);
  }
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

say('Dépendances npm');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (existsSync(`${root}/node_modules/.package-lock.json`) && !process.env.CI) {
  must(npm, ['install', '--no-audit', '--no-fund'], 'installation des dépendances');
} else {
  must(npm, ['ci', '--no-audit', '--no-fund'], 'installation des dépendances');
}

say('Navigateur pour les PDF');
const { findBrowser } = await import(new URL('../dist/print/find-browser.js', import.meta.url).href);
let browser = await findBrowser().catch((error) => {
  process.stderr.write(`${error.message}\n`);
  return undefined;
});
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canApt = process.platform === 'linux' && has('apt-get') && (isRoot || has('sudo'));
const apt = (...args) => (isRoot ? ['apt-get', args] : ['sudo', ['apt-get', ...args]]);
if (!browser) {
  if (canApt) {
    // The headless shell prints (faster, lighter); the full browser stays for `minutier preview` and as a fallback.
    process.stdout.write(
      'Aucun Chromium trouvé : installation des paquets Debian « chromium » et « chromium-headless-shell ».\n',
    );
    must(...apt('update', '-qq'), 'apt-get update');
    must(...apt('install', '-y', '-qq', 'chromium', 'chromium-headless-shell'), 'installation de chromium');
    browser = await findBrowser();
  } else {
    process.stdout.write(
      'Aucun Chromium trouvé. Installez-en un (Debian/Ubuntu : sudo apt-get install -y chromium ; ailleurs :\n' +
        'npx @puppeteer/browsers install chrome-headless-shell@stable) ou indiquez-le par CHROME_PATH.\n' +
        'Les documents HTML seront produits quand même, sans les PDF.\n',
    );
  }
} else if (canApt && browser.source === 'path:chromium' && !has('chromium-headless-shell')) {
  // Chromium from Debian but not its headless shell: add it where Chromium came from.
  process.stdout.write('Installation du paquet Debian « chromium-headless-shell » (impression plus rapide).\n');
  if (run(...apt('install', '-y', '-qq', 'chromium-headless-shell')) === 0) browser = await findBrowser();
}
if (browser) process.stdout.write(`Chromium : ${browser.executablePath} (${browser.source})\n`);

say("Production de l'exemple : minutier build");
process.exit(run(process.execPath, ['bin/minutier.js', 'build']));
