// Makes sure what the tests drive is on the machine before `npm test` runs them: a Chromium for the
// browser tests and, on Linux, strace (the interrupted-checkpoint spec puts a SIGKILL at an exact
// system call with it). On Debian or Ubuntu as root it installs the distribution's packages;
// elsewhere it says what to do. strace is Linux-only: other systems run that spec's skip note.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const linux = process.platform === 'linux';
const missing = [...(existsSync(wanted) ? [] : ['chromium']), ...(linux && !existsSync('/usr/bin/strace') ? ['strace'] : [])];
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = linux && existsSync('/usr/bin/apt-get');
if (hasApt && isRoot) {
  console.log(`Installing Debian ${missing.join(' and ')} for the tests (apt-get)...`);
  execSync(`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`, { stdio: 'inherit', shell: '/bin/bash' });
  if (existsSync(wanted)) process.exit(0);
}
if (!existsSync(wanted)) {
  console.error(`The browser tests need Chromium at ${wanted}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)` + ' or point CHROMIUM_PATH at a Chromium or Chrome executable.');
  process.exit(1);
}
// Chromium is there; only strace is missing and could not be installed: the one spec that needs it says so.
console.warn('strace is not installed (Debian/Ubuntu: sudo apt-get install -y strace): test/store/interruptedCheckpoint.spec.ts will skip.');
