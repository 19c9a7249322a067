import { describe, expect, it } from 'vitest';
import { planChromium, type Machine } from './chromium.js';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const machine = (over: Partial<Machine> & { files?: string[] } = {}): Machine => ({
  env: { PATH: '/usr/local/bin:/usr/bin' },
  platform: 'linux',
  isRoot: false,
  osRelease: DEBIAN,
  executable: (file) => (over.files ?? []).includes(file),
  ...over,
});

describe('planChromium (what the README test command does about the browser)', () => {
  it('uses CHROMIUM_PATH when it is executable, and refuses a wrong one with what to do', () => {
    expect(planChromium(machine({ env: { CHROMIUM_PATH: '/opt/chrome' }, files: ['/opt/chrome', '/usr/bin/chromium'] }))).toEqual({ use: '/opt/chrome' });
    const plan = planChromium(machine({ env: { CHROMIUM_PATH: '/nope' }, files: ['/usr/bin/chromium'] }));
    expect(plan).toMatchObject({ fail: expect.stringContaining('CHROMIUM_PATH=/nope is not an executable file') });
  });

  it("finds Debian's chromium, then chromium-browser or Chrome on PATH, then macOS Chrome", () => {
    expect(planChromium(machine({ files: ['/usr/bin/chromium'] }))).toEqual({ use: '/usr/bin/chromium' });
    expect(planChromium(machine({ files: ['/usr/local/bin/chromium-browser'] }))).toEqual({ use: '/usr/local/bin/chromium-browser' });
    expect(planChromium(machine({ files: ['/usr/bin/google-chrome'] }))).toEqual({ use: '/usr/bin/google-chrome' });
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(planChromium(machine({ platform: 'darwin', osRelease: null, files: [mac] }))).toEqual({ use: mac });
  });

  it('installs Debian’s chromium on Debian or Ubuntu as root, and stops with a message everywhere else', () => {
    expect(planChromium(machine({ isRoot: true }))).toEqual({ install: ['apt-get', 'install', '-y', '-qq', 'chromium'], then: '/usr/bin/chromium' });
    expect(planChromium(machine({ isRoot: true, osRelease: UBUNTU }))).toMatchObject({ install: expect.any(Array) });
    expect(planChromium(machine({ isRoot: false }))).toMatchObject({ fail: expect.stringMatching(/needs root.*apt-get install -y chromium/) });
    expect(planChromium(machine({ platform: 'darwin', osRelease: null, isRoot: true }))).toMatchObject({ fail: expect.stringContaining('CHROMIUM_PATH') });
    expect(planChromium(machine({ isRoot: true, osRelease: 'ID=fedora\n' }))).toMatchObject({ fail: expect.stringContaining('only on Debian or Ubuntu') });
  });
});
