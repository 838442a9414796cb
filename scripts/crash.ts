import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCrashScenario, type ScenarioReport } from '../test/crash/crashScenario.js';
import { EMBEDDED_CRASH_STORE, neo4jCrashStore } from '../test/crash/crashStore.js';
import { SCENARIOS } from '../test/crash/scenarios.js';

/**
 * `npm run test:crash [-- --kills N] [-- --seed S]`: every crash scenario of
 * test/crash/scenarios.ts with N SIGKILLs each (default 50), its figures printed; exit
 * code 1 if any restart found a problem. On Neo4j when NEO4J_URI is set (a database the
 * run may empty; Neo4j keeps running while the server is killed), else on the embedded store. Slow (a restart per kill): not part of `npm test`,
 * which runs a sample of two kills per scenario.
 */

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const kills = option('kills', 50);
const seed = option('seed', Date.now() % 100_000);
const only = process.argv.includes('--scenario') ? process.argv[process.argv.indexOf('--scenario') + 1] : undefined;
const neo4j = neo4jCrashStore();
const store = neo4j.available ? neo4j : EMBEDDED_CRASH_STORE;
console.log(`store: ${store.name}${neo4j.available ? '' : ` (${neo4j.why})`}`);
const root = mkdtempSync(join(tmpdir(), 'gt-crash-run-'));
const reports: ScenarioReport[] = [];
const failed: string[] = [];
try {
  for (const shape of SCENARIOS.filter((s) => !only || s.name === only)) {
    const t0 = Date.now();
    let report: ScenarioReport;
    try {
      report = await runCrashScenario({ ...shape, store, dataDir: join(root, shape.name.replace(/\W+/g, '-')), kills, seed }, (line) => console.log(line));
    } catch (err) {
      // A restart that cannot open the store (or serve) ends the scenario: the worst recovery failure.
      failed.push(`${shape.name}: ${(err as Error).message.split('\n').slice(0, 6).join(' | ')}`);
      console.log(`${shape.name}: STOPPED ${failed.at(-1)}`);
      continue;
    }
    reports.push(report);
    console.log(
      `${shape.name}: ${report.recovered} of ${report.kills} kills recovered; ${report.acknowledged} changes acknowledged, all present; ` +
        `${report.committedUnacknowledged} more committed whose answer the kill cut off; ` +
        `${report.halfWritten !== undefined ? `${report.halfWritten} acceptances committed before their seminar log entry; ` : ''}${report.checkpointsFinished} restarts finished a checkpoint the kill had cut off; restart median ${report.restartMs.median} ms, max ${report.restartMs.max} ms; ${Math.round((Date.now() - t0) / 1000)} s`,
    );
    for (const p of report.problems) console.log(`  PROBLEM ${p}`);
  }
} finally {
  // Kept when something failed, for a look at what the kill left behind.
  if (failed.length || reports.some((r) => r.problems.length)) console.log(`data kept in ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
console.log(`\nseed ${seed}, ${store.name} store`);
console.log('| scenario | kills | recovered | acknowledged (all present) | committed, answer cut off | accepted before log entry | cut-off checkpoints finished at open | problems |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of reports)
  console.log(`| ${r.name} | ${r.kills} | ${r.recovered} | ${r.acknowledged} | ${r.committedUnacknowledged} | ${r.halfWritten ?? '-'} | ${r.checkpointsFinished} | ${r.problems.length} |`);
for (const f of failed) console.log(`STOPPED ${f}`);
process.exitCode = failed.length === 0 && reports.every((r) => r.problems.length === 0) ? 0 : 1;
