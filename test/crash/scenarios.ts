import type { ScenarioOptions } from './crashScenario.js';

/**
 * The crash scenarios, shared by the sample in `npm test` (test/crash/crash.spec.ts)
 * and the full run (`npm run test:crash`, scripts/crash.ts). Every write checkpoints
 * before it is answered (server/store/ladybug/ladybugStore.ts), so every kill during a
 * write is also a kill around a checkpoint; the checkpoint scenario adds LadybugDB's own
 * automatic checkpoint inside each commit, with a write-log threshold far below its size.
 */
export type ScenarioShape = Omit<ScenarioOptions, 'dataDir' | 'kills' | 'seed' | 'store'>;

export const SCENARIOS: ScenarioShape[] = [
  // Three editors at once, each change two organisations, a link and an update.
  { name: 'burst of edits', editors: 3, size: 2, killAfterMs: [0, 1500] },
  // One large change at a time, as an import commits: 150 organisations and 149 links.
  { name: 'large import', editors: 1, size: 150, killAfterMs: [0, 4000] },
  // A running seminar: three participants propose and vote, the facilitator accepts each proposal as it comes.
  { name: 'seminar', editors: 0, size: 1, killAfterMs: [0, 2000], seminar: { participants: 3 } },
  // Two editors writing 80 organisations and 79 links at a time, each commit over a 16 KB write-log threshold: kills during checkpoints.
  { name: 'checkpoint', editors: 2, size: 80, killAfterMs: [0, 2500], serverEnv: { GT_CHECKPOINT_THRESHOLD_BYTES: '16384' } },
];
