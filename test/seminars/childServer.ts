import { createApp } from '../../server/app.js';
import { createAuth } from '../../server/auth/auth.js';
import { DEFAULT_AUTH_SETTINGS } from '../../server/auth/settings.js';
import { runMigrations } from '../../server/migrations/index.js';
import { seminarServiceFor } from '../../server/seminars/index.js';
import { DEFAULT_SEMINAR_SETTINGS } from '../../server/seminars/settings.js';
import { attachSeminarSockets } from '../../server/seminars/socketServer.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { memoryRepositories } from '../fixtures/memoryAuth.js';
import { ACCOUNTS } from './seminarServer.js';

/**
 * The server as its own process, for the test that kills it (SIGKILL) mid-seminar and
 * starts it again on the same data directory: `tsx childServer.ts <dataDir>` prints
 * `listening <port>` once it serves. Accounts live in memory (they come back with the
 * same passwords); everything of the seminar lives in the store. No seed: the
 * seminar's proposals create their own nodes, and a start is what is being timed.
 */

const dir = process.argv[2];
if (!dir) throw new Error('usage: childServer.ts <dataDir>');
const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
await store.open();
await runMigrations(store);
const auth = createAuth(memoryRepositories(), DEFAULT_AUTH_SETTINGS);
for (const [username, a] of Object.entries(ACCOUNTS)) await auth.accounts.create({ username, name: a.name, role: a.role, password: `${username}-password-123` });
const app = createApp(store, { queryTimeoutMs: 2000, queryMaxRows: 50, seminars: DEFAULT_SEMINAR_SETTINGS }, { auth });
const server = app.listen(0, '127.0.0.1', () => {
  attachSeminarSockets(server, seminarServiceFor(store, DEFAULT_SEMINAR_SETTINGS), DEFAULT_SEMINAR_SETTINGS);
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
