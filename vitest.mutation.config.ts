import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The test config StrykerJS runs (scripts/mutation.ts). Not isolated: Stryker runs every spec file
 * that covers a mutant once per mutant, in one worker, and importing the server's modules afresh for
 * each file was about 10 s of every 25 s mutant run. Mutants are switched on by a global Stryker sets
 * before each run, so the modules can be shared; each spec still opens a store of its own.
 */
export default mergeConfig(base, defineConfig({ test: { isolate: false } }));
