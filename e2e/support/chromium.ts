import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where Chromium-family browsers live, in the order we try them (after CHROMIUM_PATH). */
export const CANDIDATES = [
  '/usr/bin/chromium',
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

export type Machine = {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  isRoot: boolean;
  /** Contents of /etc/os-release, or null where there is none. */
  osRelease: string | null;
  /** An executable file at this absolute path? */
  executable(file: string): boolean;
};

export type ChromiumPlan = { use: string } | { install: string[]; then: string } | { fail: string };

const INSTALL_HINT = 'Install Chromium or Chrome (Debian/Ubuntu: `apt-get install -y chromium`; macOS: Google Chrome) or set CHROMIUM_PATH to its executable.';

/** Pure: which browser the e2e tests use, or what to install, or why we stop. */
export function planChromium(m: Machine): ChromiumPlan {
  const given = m.env.CHROMIUM_PATH;
  if (given) return m.executable(given) ? { use: given } : { fail: `CHROMIUM_PATH=${given} is not an executable file. ${INSTALL_HINT}` };
  for (const candidate of CANDIDATES) {
    const found = resolveOnPath(candidate, m);
    if (found) return { use: found };
  }
  const debianLike = m.platform === 'linux' && /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(m.osRelease ?? '');
  if (debianLike && m.isRoot) return { install: ['apt-get', 'install', '-y', '-qq', 'chromium'], then: '/usr/bin/chromium' };
  const why = debianLike ? 'installing it needs root' : 'it is installed automatically only on Debian or Ubuntu as root';
  return { fail: `No Chromium found for the browser tests (${why}). ${INSTALL_HINT}` };
}

function resolveOnPath(candidate: string, m: Machine): string | null {
  if (path.isAbsolute(candidate)) return m.executable(candidate) ? candidate : null;
  for (const dir of (m.env.PATH ?? '').split(path.delimiter)) {
    if (dir && m.executable(path.join(dir, candidate))) return path.join(dir, candidate);
  }
  return null;
}

export function thisMachine(): Machine {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    osRelease: fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : null,
    executable: (file) => {
      try {
        fs.accessSync(file, fs.constants.X_OK);
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  };
}

/** The browser to launch; throws with what to install when there is none. */
export function findChromium(machine: Machine = thisMachine()): string {
  const plan = planChromium(machine);
  if ('use' in plan) return plan.use;
  throw new Error('fail' in plan ? plan.fail : `No Chromium found; run \`pnpm --filter @flare/e2e chromium\` to install it.`);
}

/** Finds Chromium, installing Debian's package when the machine allows it. Returns its path. */
export function ensureChromium(machine: Machine = thisMachine()): string {
  const plan = planChromium(machine);
  if ('use' in plan) return plan.use;
  if ('fail' in plan) throw new Error(plan.fail);
  console.log(`No Chromium found; installing Debian's chromium for the browser tests (${plan.install.join(' ')})…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  execFileSync(plan.install[0], plan.install.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return findChromium();
}
