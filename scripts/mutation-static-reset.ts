import { inject, vi } from 'vitest';

/**
 * Set up before each spec file of a mutation run (vitest.mutation.config.ts), after Stryker's own.
 *
 * That config runs spec files unisolated, so a module imported once stays imported for the rest
 * of the worker's life. A static mutant (one in code that runs when a module loads, such as a
 * module-level constant) only takes effect when its module is evaluated with the mutant active,
 * and Stryker switches it on in a beforeAll, after the imports, whenever a run names its spec
 * files (as TEST_FILES does): kept modules hid every such mutant, and they all survived (the
 * stop-word list of server/gaps/textSimilarity.ts emptied, the gap rows' kind names blanked).
 *
 * So at the first spec file of each mutant's run the mutant is switched on here, before the
 * file's imports, and the module registry is cleared: the modules load once per mutant, with
 * it active, and the run's later files share them. Stryker's keys are not in vitest's typed context.
 */
const key = (name: string) => inject(name as never) as unknown;
const ns = ((globalThis as Record<string, unknown>)[String(key('globalNamespace'))] ??= {}) as { activeMutant?: unknown; loadedFor?: unknown };
if (key('mode') === 'mutant' && ns.loadedFor !== key('activeMutant')) {
  ns.activeMutant = key('activeMutant');
  ns.loadedFor = ns.activeMutant;
  vi.resetModules();
}
