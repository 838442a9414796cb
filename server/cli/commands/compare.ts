import { parseArgs } from 'node:util';
import { NodeId } from '../../../model/ids.js';
import { comparePlans } from '../../compare/comparePlans.js';
import { CliError, openStore, type CliCommand } from '../command.js';

/** `npm run cli -- compare PLAN_A PLAN_B [--json]`: actions continued, dropped and new, and outcome coverage. */

const usage = `usage: npm run cli -- compare PLAN_A PLAN_B [--json]

Compares two plans by their ids (e.g. plan:lcja-2008 plan:lcja-2010): actions continued
(matched by printed reference, else by text similarity, with the score), dropped and
new; leads that changed; national outcomes that gained or lost actions.

example: npm run cli -- compare plan:lcja-2008 plan:lcja-2010`;

export const command: CliCommand = {
  summary: 'compare two plans: actions continued, dropped and new, and outcome coverage',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    if (positionals.length !== 2) throw new CliError('name two plans: compare PLAN_A PLAN_B');
    for (const p of positionals) if (!NodeId.safeParse(p).success) throw new CliError(`${p} is not a plan id such as plan:lcja-2008`);
    const store = await openStore();
    try {
      const r = await comparePlans(store, positionals[0]!, positionals[1]!);
      if (values.json) {
        io.out(JSON.stringify(r, null, 2));
        return 0;
      }
      io.out(`continued (${r.continued.length}):`);
      for (const c of r.continued)
        io.out(
          `  ${c.from} -> ${c.to}  score ${c.score} (${c.basis})${c.leadChanged ? `  lead ${c.leadsBefore.join('+') || '-'} -> ${c.leadsAfter.join('+') || '-'}` : ''}\n      ${c.fromTitle}\n      ${c.toTitle}`,
        );
      io.out(`dropped (${r.dropped.length}):`);
      for (const d of r.dropped) io.out(`  ${d.id}  best score ${d.bestScore}  ${d.title}`);
      io.out(`new (${r.added.length}):`);
      for (const d of r.added) io.out(`  ${d.id}  best score ${d.bestScore}  ${d.title}`);
      io.out('national outcome coverage (actions before -> after):');
      for (const c of r.coverage) io.out(`  NO ${c.number}: ${c.before} -> ${c.after} (${c.change})`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
