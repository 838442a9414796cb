import type { Server } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { countGraph } from './graph/graphReader.js';
import { runMigrations } from './migrations/index.js';
import { loadSeed } from './seed/loadSeed.js';
import { createStore } from './store/createStore.js';
import { StoreError, type GraphStore } from './store/port.js';
import { mountClient } from './client.js';
import { jsonErrors } from './api/errors.js';
import { createAuth } from './auth/auth.js';
import { storeRepositories } from './auth/storeRepositories.js';
import { organisationExists } from './auth/organisations.js';
import { Readiness } from './health/readiness.js';
import { createLogger } from './log.js';
import { seminarServiceFor } from './seminars/index.js';
import { attachSeminarSockets } from './seminars/socketServer.js';

/**
 * `npm start`: opens the configured store, loads the seed data into an empty store,
 * serves the API and the explorer, and shuts down cleanly on SIGTERM and SIGINT.
 * A wrong setting stops the start with one line and exit code 1.
 */

function fail(message: string): never {
  console.error(`golden-thread: ${message.replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
}

function listen(app: ReturnType<typeof createApp>, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new ConfigError(`port ${port} is already in use; stop the other program or set PORT to a free port`));
      else if (err.code === 'EACCES') reject(new ConfigError(`port ${port} needs more privileges; set PORT to a number above 1024`));
      else reject(err);
    });
  });
}

async function main(): Promise<void> {
  const dev = process.argv.includes('--dev');
  const config = loadConfig();
  const store: GraphStore = createStore(config.store);
  await store.open();
  const migrations = await runMigrations(store);
  if (migrations.applied.length) console.log(`applied migrations ${migrations.applied.map((m) => `${m.id} ${m.name}`).join(', ')}`);
  if (config.seedOnEmpty && (await countGraph(store)).nodes === 0) {
    // One transaction: a start killed while loading leaves an empty store, which the next start loads again.
    console.log(`loading the seed data into the empty ${store.kind} store`);
    const reports = await loadSeed(store);
    const failed = reports.filter((r) => !r.loaded);
    for (const r of failed) console.error(`seed file ${r.file} not loaded:\n  ${r.problems.join('\n  ')}`);
    console.log(`loaded ${reports.length - failed.length} of ${reports.length} seed files into the empty ${store.kind} store`);
  }
  const auth = createAuth(storeRepositories(store), config.auth, organisationExists(store));
  if (config.initialAdministrator) {
    const { username, password } = config.initialAdministrator;
    // The password is never printed; an existing account keeps its own.
    const outcome = await auth.accounts.ensureAdministrator(username, password);
    console.log(
      outcome === 'created' ? `created the administrator account ${username} from GT_ADMIN_USER` : `account ${username} already exists; GT_ADMIN_USER and GT_ADMIN_PASSWORD left it unchanged`,
    );
  }
  const logger = createLogger(config.logLevel);
  const readiness = new Readiness();
  const app = createApp(store, config, { dev, auth, readiness, logger });
  await mountClient(app, dev);
  app.use(jsonErrors);
  let server: Server;
  try {
    server = await listen(app, config.host, config.port);
  } catch (err) {
    await store.close();
    throw err;
  }
  const seminarSockets = attachSeminarSockets(server, seminarServiceFor(store, config.seminars), config.seminars);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Golden Thread is serving on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} (${store.kind} store)`);

  readiness.markReady();

  // Graceful shutdown: stop being ready (a load balancer drains us), stop accepting, let the
  // requests in flight finish (a write acknowledged is a write committed), then close the store.
  // Connections still busy after GT_SHUTDOWN_GRACE_MS are cut.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    readiness.markStopping();
    console.log(`${signal} received: finishing requests in flight, then closing the server and the store`);
    const cut = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
    cut.unref();
    void seminarSockets.close();
    server.close(() => {
      clearTimeout(cut);
      store.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StoreError) fail(err.message);
  console.error(err);
  fail('could not start (see the error above)');
});
