import { constants } from 'node:fs';
import { access, readFile, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/** Where a Chromium/Chrome executable was found, and how (for messages and logs). */
export interface BrowserLocation {
  executablePath: string;
  /**
   * How it was found: `env:CHROME_PATH`, `env:PUPPETEER_EXECUTABLE_PATH`, `path:<command>`,
   * `system` (well-known install location) or `puppeteer-cache:<folder>`.
   */
  source: string;
}

const INSTALL_HELP = [
  'Installez-en un :',
  '  - Debian/Ubuntu : sudo apt-get install -y chromium-headless-shell (ou chromium)',
  '  - ailleurs : npx @puppeteer/browsers install chrome-headless-shell@stable --path ~/.cache/puppeteer',
  'ou indiquez le chemin de l’exécutable dans la variable d’environnement CHROME_PATH.',
].join('\n');

/** No usable browser anywhere minutier knows to look. */
export class BrowserNotFoundError extends Error {
  constructor() {
    super(
      `Aucun navigateur Chromium ou Chrome n’a été trouvé : il est nécessaire pour produire les PDF.\n${INSTALL_HELP}`,
    );
    this.name = 'BrowserNotFoundError';
  }
}

/** A browser variable (CHROME_PATH, PUPPETEER_EXECUTABLE_PATH) is set but does not name a usable executable. */
export class BrowserPathError extends Error {
  readonly variable: string;
  constructor(variable: string, value: string, reason: string) {
    super(
      `La variable d’environnement ${variable} vaut « ${value} », mais ${reason}. ` +
        `Corrigez-la (chemin complet de l’exécutable Chromium ou Chrome) ou supprimez-la pour laisser minutier chercher un navigateur.`,
    );
    this.name = 'BrowserPathError';
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

const ENV_VARIABLES = ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'] as const;
/**
 * chrome-headless-shell first: the old headless mode as its own small program, made for printing — it starts about
 * three times faster than the full browser and spends a quarter less CPU per PDF (docs/performance.md). Debian
 * packages it as `chromium-headless-shell`; `@puppeteer/browsers` installs it as `chrome-headless-shell`.
 */
const HEADLESS_SHELL_COMMANDS = ['chromium-headless-shell', 'chrome-headless-shell'];
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/**
 * Finds a Chromium-family browser: environment variables first (an invalid one is an error, not a fallback),
 * then chrome-headless-shell (on PATH, then in the Puppeteer cache), then the full browser's commands on PATH, well-known install locations, and finally browsers installed by Puppeteer /
 * `@puppeteer/browsers`. Returns undefined when nothing is found.
 */
export async function findBrowser(env: Env = process.env): Promise<BrowserLocation | undefined> {
  for (const variable of ENV_VARIABLES) {
    const value = env[variable]?.trim();
    if (!value) continue;
    const problem = await executableProblem(value);
    if (problem) throw new BrowserPathError(variable, value, problem);
    return { executablePath: path.resolve(value), source: `env:${variable}` };
  }

  for (const command of HEADLESS_SHELL_COMMANDS) {
    const found = await whichCommand(command, env);
    if (found) return { executablePath: await unwrapScript(found), source: `path:${command}` };
  }
  for (const root of puppeteerCacheRoots(env)) {
    const found = await findInPuppeteerCache(root, 'chrome-headless-shell');
    if (found) return { executablePath: found, source: `puppeteer-cache:${root}` };
  }

  for (const command of COMMANDS) {
    const found = await whichCommand(command, env);
    if (found) return { executablePath: found, source: `path:${command}` };
  }

  for (const candidate of systemLocations(env)) {
    if (await isExecutable(candidate)) return { executablePath: candidate, source: 'system' };
  }

  for (const root of puppeteerCacheRoots(env)) {
    const found = await findInPuppeteerCache(root, 'chrome');
    if (found) return { executablePath: found, source: `puppeteer-cache:${root}` };
  }
  return undefined;
}

/** Like findBrowser, but throws BrowserNotFoundError (with installation help) instead of returning undefined. */
export async function requireBrowser(env: Env = process.env): Promise<BrowserLocation> {
  const found = await findBrowser(env);
  if (!found) throw new BrowserNotFoundError();
  return found;
}

async function executableProblem(file: string): Promise<string | undefined> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return 'ce fichier n’existe pas';
  }
  if (!info.isFile()) return 'ce n’est pas un fichier';
  if (!(await isExecutable(file))) return 'ce fichier n’est pas exécutable';
  return undefined;
}

/**
 * Debian's `/usr/bin/chromium-headless-shell` is a shell script that starts the real program as its child (without
 * `exec`): the process Puppeteer watches would be the shell, and a browser that crashed or hung could not be told
 * apart or killed. When a command is such a script naming an executable headless shell, that program is used.
 */
async function unwrapScript(file: string): Promise<string> {
  try {
    const text = (await readFile(file)).subarray(0, 4096).toString('utf8');
    if (!text.startsWith('#!')) return file;
    for (const match of text.matchAll(/(\/[^\s"'$]*headless-shell)(?=[\s"'])/gu)) {
      if (match[1] !== file && (await isExecutable(match[1]!))) return match[1]!;
    }
  } catch {
    // Unreadable: keep the command.
  }
  return file;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return false;
    await access(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function whichCommand(command: string, env: Env): Promise<string | undefined> {
  const directories = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const names = process.platform === 'win32' ? [`${command}.exe`] : [command];
  for (const directory of directories) {
    for (const name of names) {
      const candidate = path.join(directory, name);
      if (await isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function systemLocations(env: Env): string[] {
  if (process.platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    ];
    const home = env.HOME ?? homedir();
    return [
      ...apps.map((app) => path.join('/Applications', app)),
      ...apps.map((app) => path.join(home, 'Applications', app)),
    ];
  }
  if (process.platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => !!root,
    );
    return roots.flatMap((root) => [
      path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return ['/opt/google/chrome/chrome', '/snap/bin/chromium'];
}

function puppeteerCacheRoots(env: Env): string[] {
  const roots = [
    env.PUPPETEER_CACHE_DIR,
    path.join(env.HOME ?? homedir(), '.cache', 'puppeteer'),
    // `npx @puppeteer/browsers install …` without --path installs into the current folder.
    process.cwd(),
  ].filter((root): root is string => !!root);
  return [...new Set(roots.map((root) => path.resolve(root)))];
}

/** Relative path of the executable inside `<cache>/<browser>/<platform>-<version>/` for this platform. */
function cacheLayouts(): Array<{ browser: string; executable: (folder: string) => string[] }> {
  const platformFolders = (prefix: string) => {
    switch (process.platform) {
      case 'darwin':
        return [`${prefix}-mac-arm64`, `${prefix}-mac-x64`];
      case 'win32':
        return [`${prefix}-win64`, `${prefix}-win32`];
      default:
        return [`${prefix}-linux64`, `${prefix}-linux-arm64`];
    }
  };
  const exe = process.platform === 'win32' ? '.exe' : '';
  return [
    {
      browser: 'chrome-headless-shell',
      executable: (version) =>
        platformFolders('chrome-headless-shell').map((folder) =>
          path.join(version, folder, `chrome-headless-shell${exe}`),
        ),
    },
    {
      browser: 'chrome',
      executable: (version) =>
        platformFolders('chrome').map((folder) =>
          process.platform === 'darwin'
            ? path.join(
                version,
                folder,
                'Google Chrome for Testing.app',
                'Contents',
                'MacOS',
                'Google Chrome for Testing',
              )
            : path.join(version, folder, `chrome${exe}`),
        ),
    },
  ];
}

async function findInPuppeteerCache(
  root: string,
  browser: 'chrome-headless-shell' | 'chrome',
): Promise<string | undefined> {
  for (const layout of cacheLayouts().filter((candidate) => candidate.browser === browser)) {
    const browserDir = path.join(root, layout.browser);
    let versions: string[];
    try {
      versions = await readdir(browserDir);
    } catch {
      continue;
    }
    versions.sort(compareVersionFoldersDescending);
    for (const version of versions) {
      for (const relative of layout.executable(version)) {
        const candidate = path.join(browserDir, relative);
        if (await isExecutable(candidate)) return candidate;
      }
    }
  }
  return undefined;
}

/** `linux-131.0.6778.85` before `linux-129.0.1.2`: newest build first. */
function compareVersionFoldersDescending(a: string, b: string): number {
  const parts = (folder: string) => (folder.match(/\d+/g) ?? []).map(Number);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pb[i] ?? -1) - (pa[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
