import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from './config.js';
import { jsonErrors, unknownRoute } from './api/errors.js';
import { gapRoutes } from './api/gapRoutes.js';
import { analysisRoutes } from './api/analysisRoutes.js';
import { savedAnalysesFor } from './analyses/savedAnalysesFor.js';
import { graphRoutes } from './api/graphRoutes.js';
import { healthRoutes } from './api/healthRoutes.js';
import { hostGuard } from './api/hostGuard.js';
import { matrixRoutes } from './api/matrixRoutes.js';
import { nodeRoutes } from './api/nodeRoutes.js';
import { openApiDocument } from './api/openApi.js';
import { queryRoutes } from './api/queryRoutes.js';
import { reportRoutes } from './api/reportRoutes.js';
import { searchRoutes } from './api/searchRoutes.js';
import { authRoutes } from './api/authRoutes.js';
import { mfaRoutes } from './api/mfaRoutes.js';
import { accountRoutes } from './api/accountRoutes.js';
import { changeRoutes } from './api/changeRoutes.js';
import { eventRoutes } from './api/eventRoutes.js';
import { compareRoutes } from './api/compareRoutes.js';
import { exportRoutes } from './api/exportRoutes.js';
import { importRoutes } from './api/importRoutes.js';
import { snapshotRoutes } from './api/snapshotRoutes.js';
import { viewRoutes } from './api/viewRoutes.js';
import { userRoutes } from './api/userRoutes.js';
import { backupRoutes } from './api/backupRoutes.js';
import { seminarRoutes } from './api/seminarRoutes.js';
import { createAuth, type Auth } from './auth/auth.js';
import { anonymousReadGate, csrfProtection, identify } from './auth/middleware.js';
import { securityLog } from './auth/securityLog.js';
import { DEFAULT_AUTH_SETTINGS, type AuthSettings } from './auth/settings.js';
import { storeRepositories } from './auth/storeRepositories.js';
import { organisationExists } from './auth/organisations.js';
import { oidcRoutes } from './api/oidcRoutes.js';
import { OidcSignIn } from './auth/oidc/oidcSignIn.js';
import { BackchannelLogout } from './auth/oidc/backchannelLogout.js';
import { StoreIdentityRepository } from './auth/oidc/identities.js';
import type { OidcSettings } from './auth/oidc/providers.js';
import type { Readiness } from './health/readiness.js';
import { requestLogger, type Logger } from './log.js';
import type { GraphStore } from './store/port.js';

/** The HTTP application: the JSON API under /api; the caller mounts the explorer after it. */
export function createApp(
  store: GraphStore,
  config: Pick<Config, 'queryTimeoutMs' | 'queryMaxRows'> &
    Partial<Pick<Config, 'queryMaxBytes' | 'queryPerMinute' | 'console' | 'host' | 'allowedHosts' | 'seminars' | 'trustProxy'>> & { auth?: AuthSettings; oidc?: OidcSettings },
  options: { dev?: boolean; auth?: Auth; readiness?: Readiness; logger?: Logger } = {},
): Express {
  const auth = options.auth ?? createAuth(storeRepositories(store), config.auth ?? DEFAULT_AUTH_SETTINGS, organisationExists(store));
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Behind a reverse proxy (GT_TRUST_PROXY, server/trustProxy.ts) req.ip is the client's, so per-address limits count clients.
  app.set('trust proxy', config.trustProxy ?? false);
  if (options.logger) app.use(requestLogger(options.logger));
  app.use(hostGuard(config.host ?? '127.0.0.1', config.allowedHosts ?? []));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Cytoscape sets inline styles on its canvas container; images are exported as data: and blob: URLs.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          // Seminar rooms reach the server over plain http on the local network: do not upgrade to https.
          'upgrade-insecure-requests': null,
          // Vite's hot reload talks over its own websocket in development.
          ...(options.dev ? { 'connect-src': ["'self'", 'ws:'] } : {}),
        },
      },
    }),
  );
  app.use('/api', express.json({ limit: '64kb' }));
  // Sign-ins, account changes and refusals, each a line of its own (ASVS V16.3).
  if (options.logger) app.use('/api', securityLog(options.logger));
  const api = express.Router();
  // Who is asking, then whether a change carries its CSRF token, then whether reading needs an account.
  api.use(identify(auth.sessions));
  // Before the CSRF check: a seminar token in Authorization is CSRF-safe; the routes check the rest (server/api/seminarRoutes.ts).
  api.use(seminarRoutes(store, auth, config.seminars));
  api.use(csrfProtection);
  api.use(anonymousReadGate(auth.settings.anonymousRead));
  api.use(authRoutes(auth));
  // Sign-in through organisations' OpenID providers (GT_OIDC_PROVIDERS); with none configured the list is empty.
  const identities = new StoreIdentityRepository(store);
  const oidcSignIn = new OidcSignIn(config.oidc ?? { providers: [] }, storeRepositories(store).users, identities, organisationExists(store));
  api.use(oidcRoutes(auth, oidcSignIn, new BackchannelLogout(oidcSignIn, identities, auth.sessions)));
  api.use(mfaRoutes(auth));
  api.use(accountRoutes(auth));
  api.use(userRoutes(auth));
  api.get('/docs', (_req, res) => {
    res.json(openApiDocument());
  });
  api.use(healthRoutes(store, options.readiness));
  api.use(searchRoutes(store));
  api.use(changeRoutes(store));
  api.use(importRoutes(store));
  api.use(exportRoutes(store));
  api.use(compareRoutes(store));
  api.use(snapshotRoutes(store));
  api.use(viewRoutes(store));
  api.use(eventRoutes(store));
  api.use(nodeRoutes(store));
  api.use(graphRoutes(store));
  const saved = savedAnalysesFor(store, config);
  api.use(gapRoutes(store, saved));
  api.use(analysisRoutes(saved, config.console));
  api.use(matrixRoutes(store));
  api.use(queryRoutes(store, config));
  api.use(reportRoutes(store));
  api.use(backupRoutes(store));
  api.use(unknownRoute);
  app.use('/api', api);
  app.use('/api', jsonErrors);
  return app;
}
