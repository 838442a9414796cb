import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The test config StrykerJS runs (scripts/mutation.ts). Not isolated: Stryker runs every spec file
 * that covers a mutant once per mutant, in one worker, and importing the server's modules afresh for
 * each file was about 10 s of every 25 s mutant run. Mutants in function bodies are switched on by a
 * global Stryker sets before each run, so those modules can be shared; mutants in code that runs at
 * load time need their modules loaded with the mutant on: scripts/mutation-static-reset.ts loads them once per mutant.
 * Each spec still opens a store of its own.
 */
export default mergeConfig(base, defineConfig({ test: { isolate: false, setupFiles: ['scripts/mutation-static-reset.ts'] } }));
