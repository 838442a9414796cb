// A StrykerJS reporter that appends each mutant's result to a file the moment it is tested.
//
// Stryker's own reports (json, incremental) are written only when the whole run ends, so a
// run cut short (the machine is shared, a folder takes over an hour) used to leave nothing.
// With this log a cut-short run still says which mutants were killed and which survived,
// and scripts/mutation.ts prints a partial score from it. Plain JavaScript: Stryker loads
// every plugin in its worker processes too, which run without a TypeScript loader.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PluginKind, commonTokens, declareClassPlugin } from '@stryker-mutator/api/plugin';

class MutantLogReporter {
  static inject = [commonTokens.options];

  /** @param {{ mutantLog?: { fileName?: string } }} options */
  constructor(options) {
    this.fileName = options.mutantLog?.fileName ?? 'reports/mutation/mutants.jsonl';
    mkdirSync(dirname(this.fileName), { recursive: true });
  }

  /** @param {import('@stryker-mutator/api/core').MutantResult} result */
  onMutantTested(result) {
    const { id, fileName, mutatorName, status, replacement, location } = result;
    appendFileSync(this.fileName, JSON.stringify({ id, fileName, mutatorName, status, replacement, line: location.start.line, column: location.start.column + 1 }) + '\n');
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'mutant-log', MutantLogReporter)];

/** Declares the reporter's one option, so Stryker does not warn that `mutantLog` is unknown. */
export const strykerValidationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema',
  type: 'object',
  properties: { mutantLog: { type: 'object', properties: { fileName: { type: 'string' } }, additionalProperties: false } },
};
