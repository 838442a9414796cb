import { errorResponse, ok } from './openApi.js';

/** The OpenAPI path of backups (server/api/backupRoutes.ts). */
export function backupPaths() {
  return {
    '/api/backup': {
      get: {
        summary:
          'The whole store as one backup file (every node with its version and provenance, every relationship, the audit log, node histories, queued changes, migrations and accounts with their password hashes; not sessions), read in one transaction so it is consistent while edits continue; administrators only. Restore with npm run cli -- restore FILE.',
        parameters: [],
        responses: {
          200: ok('the backup file (format golden-thread-backup)'),
          400: errorResponse('a query parameter, which this takes none of'),
          401: errorResponse('not signed in'),
          403: errorResponse('needs the manageUsers capability'),
        },
      },
    },
  };
}
