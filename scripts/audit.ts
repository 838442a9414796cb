import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { auditVerdict, type AllowEntry } from './auditVerdict.js';

/**
 * `npm run audit:deps [-- --strict]`: npm audit of the production dependencies.
 * Exit 1 when a high or critical finding is not in security/audit-allowlist.json (each
 * entry: package, reason, optional until date); exit 0 when clean. When the advisory
 * service cannot be asked (offline, or a registry mirror without the audit endpoint),
 * it says so in one line and exits 0, or 2 with --strict: CI should not fail for the
 * network, nor pass silently.
 */

const strict = process.argv.includes('--strict');
const allowlist = JSON.parse(readFileSync(new URL('../security/audit-allowlist.json', import.meta.url), 'utf8')) as AllowEntry[];
const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: process.platform === 'win32', timeout: 120_000 });
let report: object = {};
try {
  report = JSON.parse(run.stdout || '{}') as object;
} catch {
  report = { message: `npm audit printed something that is not JSON: ${run.stdout.slice(0, 200)}` };
}
if (run.error) report = { message: run.error.message };
const verdict = auditVerdict(report, allowlist);

if (verdict.kind === 'unreachable') {
  console.log(`npm audit: the advisory service could not be asked: ${verdict.reason}. NO VERDICT on the dependencies; run it where the registry's audit endpoint is reachable.`);
  process.exitCode = strict ? 2 : 0;
} else {
  for (const f of verdict.findings) console.log(`  ${f.severity.padEnd(8)} ${f.package}: ${f.title}${f.allowed ? ` (allowed: ${f.allowed})` : ''}`);
  if (verdict.kind === 'fail') {
    console.log(`npm audit: ${verdict.blocking.length} high or critical finding(s) not in security/audit-allowlist.json: ${verdict.blocking.map((f) => f.package).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log(`npm audit: no high or critical finding outside the allowlist (${verdict.findings.length} finding(s) in all)`);
  }
}
