// Makes sure a Chromium for the browser tests is on the machine before `npm test` runs them.
// On Debian or Ubuntu as root it installs the distribution's package; elsewhere it says what to do.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = process.platform === 'linux' && existsSync('/usr/bin/apt-get');
if (hasApt && isRoot) {
  console.log('Installing Debian chromium for the browser tests (apt-get)...');
  execSync('apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium', { stdio: 'inherit', shell: '/bin/bash' });
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(`The browser tests need Chromium at ${wanted}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium)` + ' or point CHROMIUM_PATH at a Chromium or Chrome executable.');
process.exit(1);
