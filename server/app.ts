import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Config } from './config.js';
import { jsonErrors, unknownRoute } from './api/errors.js';
import { healthRoutes } from './api/healthRoutes.js';
import type { GraphStore } from './store/port.js';

/** The HTTP application: the JSON API under /api, and the explorer (added by the caller). */
export function createApp(store: GraphStore, _config: Pick<Config, 'queryTimeoutMs' | 'queryMaxRows'>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet());
  app.use(express.json({ limit: '100kb' }));
  const api = express.Router();
  api.use(healthRoutes(store));
  api.use(unknownRoute);
  app.use('/api', api);
  app.use(jsonErrors);
  return app;
}
