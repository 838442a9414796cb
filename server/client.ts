import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

/**
 * Serves the explorer: through Vite's dev server in development (hot reload),
 * the built bundle from dist/client otherwise.
 */
export const CLIENT_DIST = fileURLToPath(new URL('../dist/client/', import.meta.url));

export async function mountClient(app: Express, dev: boolean): Promise<void> {
  if (dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({ server: { middlewareMode: true }, appType: 'spa' });
    app.use(vite.middlewares);
    return;
  }
  if (!existsSync(CLIENT_DIST)) {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('Golden Thread: the explorer is not built yet; run npm run build');
    });
    return;
  }
  app.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: '1h' }));
}
