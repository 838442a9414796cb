import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import compression from 'compression';
import express, { type Express } from 'express';

/**
 * Serves the explorer: through Vite's dev server in development (hot reload), the built
 * bundle from dist/client otherwise, compressed. Vite names every asset by the hash of
 * its content, so /assets/ may be cached for a year and never go stale; index.html,
 * which names the current assets, is revalidated on every load.
 */
export const CLIENT_DIST = fileURLToPath(new URL('../dist/client/', import.meta.url));

const YEAR_SECONDS = 365 * 24 * 3600;

export async function mountClient(app: Express, dev: boolean, dist = CLIENT_DIST): Promise<void> {
  if (dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({ server: { middlewareMode: true }, appType: 'spa' });
    app.use(vite.middlewares);
    return;
  }
  if (!existsSync(dist)) {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('Golden Thread: the explorer is not built yet; run npm run build');
    });
    return;
  }
  app.use(compression());
  app.use(
    express.static(dist, {
      index: 'index.html',
      dotfiles: 'ignore',
      setHeaders(res, path) {
        const hashed = /[\\/]assets[\\/]/.test(path);
        res.setHeader('cache-control', hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');
      },
    }),
  );
}
