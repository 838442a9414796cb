import { Router } from 'express';
import { z } from 'zod';
import { requireCapability } from '../auth/middleware.js';
import { takeBackup } from '../backup/takeBackup.js';
import type { GraphStore } from '../store/port.js';
import { parseRequest } from './validateRequest.js';

/**
 * GET /api/backup: the whole store as a backup file (server/backup/backupFile.ts), for
 * administrators only, since it holds every account's password hash. Taken while edits
 * continue (server/backup/takeBackup.ts); `npm run cli -- backup --server` calls it.
 */
export function backupRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/backup', requireCapability('manageUsers'), async (req, res) => {
    parseRequest(z.strictObject({}), req.query, 'query');
    const backup = await takeBackup(store);
    res.setHeader('content-disposition', `attachment; filename="golden-thread-backup-${backup.takenAt.replace(/[:.]/g, '-')}.json"`);
    res.setHeader('cache-control', 'no-store');
    res.json(backup);
  });
  return router;
}
