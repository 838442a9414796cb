import { loadConfig } from '../config.js';
import { createStore } from '../store/createStore.js';
import type { GraphStore } from '../store/port.js';

/** What a command in server/cli/commands/ exports as `command` (see the contract in server/cli/main.ts). */
export type CliCommand = {
  /** One line for the command list. */
  summary: string;
  /** Printed for `--help`: synopsis, arguments, options, an example. */
  usage: string;
  /** Runs the command; answers the exit code (0 when it returns nothing). */
  run(args: string[], io: CliIo): Promise<number | void>;
};

export type CliIo = {
  out(line: string): void;
  err(line: string): void;
  /** A secret from the terminal (not echoed) or, when stdin is not a terminal, its first line. */
  readSecret(prompt: string, options?: { confirm?: boolean }): Promise<string>;
};

/** A problem the user can fix, said in one line. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The store the settings (GT_DATA_DIR, NEO4J_URI...) name, opened; the caller closes it. */
export async function openStore(env: NodeJS.ProcessEnv = process.env): Promise<GraphStore> {
  const store = createStore(loadConfig(env).store);
  await store.open();
  return store;
}

let pipedLines: Promise<string[]> | undefined;
function stdinLines(): Promise<string[]> {
  pipedLines ??= new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (d: string) => (text += d));
    process.stdin.on('end', () => resolve(text.split(/\r?\n/)));
    process.stdin.on('error', reject);
  });
  return pipedLines;
}
let pipedIndex = 0;

function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return (finish(), resolve(value));
        if (ch === '\u0003' || ch === '\u0004') return (finish(), reject(new CliError('cancelled', 130)));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export function consoleIo(): CliIo {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    async readSecret(prompt, options = {}) {
      if (!process.stdin.isTTY) {
        const lines = await stdinLines();
        const line = lines[pipedIndex++];
        if (line === undefined || line === '') throw new CliError(`${prompt.replace(/:\s*$/, '')}: expected a line on standard input`);
        return line;
      }
      const first = await readHidden(prompt);
      if (options.confirm && (await readHidden('again: ')) !== first) throw new CliError('the two entries differ; nothing changed');
      return first;
    },
  };
}
