import type { ScenarioOptions } from './crashScenario.js';

/**
 * The crash scenarios, shared by the sample in `npm test` (test/crash/crash.spec.ts)
 * and the full run (`npm run test:crash`, scripts/crash.ts).
 * Seminars are not on main yet, so there is no seminar scenario; every write
 * checkpoints before it is answered (server/store/ladybug/ladybugStore.ts), so every
 * kill during a write is also a kill around a checkpoint.
 */
export type ScenarioShape = Omit<ScenarioOptions, 'dataDir' | 'kills' | 'seed'>;

export const SCENARIOS: ScenarioShape[] = [
  // Three editors at once, each change two organisations, a link and an update.
  { name: 'burst of edits', editors: 3, size: 2, killAfterMs: [0, 1500] },
  // One large change at a time, as an import commits: 150 organisations and 149 links.
  { name: 'large import', editors: 1, size: 150, killAfterMs: [0, 4000] },
];
