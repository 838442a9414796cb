import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * Starts `childServer.ts` on `dataDir` in a process of its own, for the tests that SIGKILL
 * a seminar server and start it again on the same directory; answers once it prints
 * `listening <port>`. `children` collects every process started, for the afterAll to kill.
 */
export async function startSeminarChild(dataDir: string, children: ChildProcess[]): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'childServer.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}
