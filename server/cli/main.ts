import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CliError, consoleIo, type CliCommand } from './command.js';

/**
 * `npm run cli -- <command> [arguments]`: the operator's command line.
 *
 * Contract for adding a command (import, export, report, backup, ...):
 * - Put it in `server/cli/commands/<name>.ts`; the file name is the command name
 *   (lower case letters, digits and dashes). Nothing else to register: this file lists
 *   that folder at start, and only names found there can be run (the whitelist).
 * - The file exports `command: CliCommand` (server/cli/command.ts): a one-line
 *   `summary`, a `usage` text printed for `--help`, and `run(args, io)`.
 * - `run` gets the arguments after the command name, answers an exit code (0 when
 *   omitted) and writes through `io` (stdout for results, stderr for messages; never a
 *   secret). `--help` anywhere in the arguments prints `usage` and exits 0 without
 *   calling `run`.
 * - For a problem the user can fix, throw `CliError('one clear line')`: it is printed as
 *   `golden-thread <command>: <line>` and the exit code is 1 (or the one given). Any
 *   other error prints its message on one line, exit code 1.
 * - Open the store with `openStore()` from server/cli/command.ts and close it in `finally`.
 */

const COMMANDS_DIR = fileURLToPath(new URL('./commands/', import.meta.url));
const NAME = /^[a-z][a-z0-9-]*$/;

function commandNames(): string[] {
  return readdirSync(COMMANDS_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -3))
    .filter((n) => NAME.test(n))
    .sort();
}

async function load(name: string): Promise<CliCommand> {
  const mod = (await import(pathToFileURL(`${COMMANDS_DIR}${name}.ts`).href)) as { command?: CliCommand };
  if (!mod.command || typeof mod.command.run !== 'function') throw new Error(`server/cli/commands/${name}.ts does not export a command`);
  return mod.command;
}

async function overview(names: string[]): Promise<string> {
  const lines = await Promise.all(names.map(async (n) => `  ${n.padEnd(12)} ${(await load(n)).summary}`));
  return ['usage: npm run cli -- <command> [arguments]   (add --help after a command for its usage)', '', 'commands:', ...lines].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const io = consoleIo();
  const names = commandNames();
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await overview(names));
    return name ? 0 : 2;
  }
  if (!names.includes(name)) {
    io.err(`golden-thread: unknown command ${JSON.stringify(name)}; commands: ${names.join(', ')}`);
    return 2;
  }
  try {
    const command = await load(name);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(command.usage);
      return 0;
    }
    return (await command.run(args, io)) ?? 0;
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`golden-thread ${name}: ${err.message}`);
      return err.exitCode;
    }
    io.err(`golden-thread ${name}: ${((err as Error).message ?? String(err)).replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(`golden-thread: ${(err as Error).message ?? String(err)}`);
    process.exitCode = 1;
  },
);
