// After `vite build`: record which sources the bundle was built from, so `npm start` knows it is current.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_DIST } from '../server/client.js';
import { clientSourceHash } from '../server/clientBuild.js';

writeFileSync(join(CLIENT_DIST, '.build-stamp'), `${clientSourceHash()}\n`);
