import { ensureClientBuilt } from './clientBuild.js';

/**
 * `npm start`: builds the explorer if its sources changed since the last build (a fresh
 * clone builds once; a restart does not), then starts the server (server/main.ts).
 */

try {
  await ensureClientBuilt((line) => console.log(line));
} catch (err) {
  console.error(`golden-thread: ${(err as Error).message.replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
}
await import('./main.js');
