import type { CrashServer, Session } from './crashServer.js';

/**
 * What the crash suites sent and what the server acknowledged. Every change is
 * tagged by its reason (a unique key), so one whose answer was lost in the kill can
 * still be found, or found missing, after the restart.
 *
 * Each change creates organisations, links them in a chain (MEMBER_OF), and updates
 * its editor's "home" organisation: several operations that must land together or
 * not at all, and a version that must rise by exactly one per committed change.
 */

export type Attempt = {
  key: string;
  editor: string;
  nodeIds: string[];
  links: [string, string][];
  acknowledged: boolean;
  changeId?: string;
};

export type Editor = { username: string; session: Session; home: string };

export class Ledger {
  readonly attempts: Attempt[] = [];
  /** True once every writer of the round has stopped (the server died, or answered other than 201). */
  writersDone: () => boolean = () => false;
  private seq = 0;

  /** The change for one attempt: `size` new organisations, a chain of links, and the home update. */
  plan(editor: Editor, size: number): { attempt: Attempt; body: unknown } {
    const key = `crash-${++this.seq}-${editor.username}`;
    const nodeIds = Array.from({ length: size }, (_, i) => `org:${key}-${i}`);
    const links = nodeIds.slice(1).map((id, i) => [id, nodeIds[i]!] as [string, string]);
    const operations = [
      ...nodeIds.map((id, i) => ({
        op: 'create',
        node: { kind: 'Organisation', id, props: { name: `Crash ${key} ${i}`, orgType: 'third sector', description: 'x'.repeat(size > 10 ? 40 : 600) } },
      })),
      ...links.map(([from, to]) => ({ op: 'link', type: 'MEMBER_OF', from, to })),
      { op: 'update', id: editor.home, set: { description: key } },
    ];
    const attempt: Attempt = { key, editor: editor.username, nodeIds, links, acknowledged: false };
    this.attempts.push(attempt);
    return { attempt, body: { operations, reason: key } };
  }

  /** Sends one attempt; acknowledged only on a 201 with a change id. */
  async send(server: CrashServer, editor: Editor, size: number): Promise<void> {
    const { attempt, body } = this.plan(editor, size);
    const res = await server.call('POST', '/api/changes', body, editor.session);
    if (res.status !== 201) throw new Error(`change ${attempt.key} answered ${res.status}: ${JSON.stringify(res.body)}`);
    attempt.acknowledged = true;
    attempt.changeId = res.body.changeId;
  }
}

/**
 * Writers that keep sending until the server stops answering (it was killed). Answers
 * other than 201 while the server lives are failures of the product, returned for the
 * test to report.
 */
export async function writeUntilKilled(server: CrashServer, ledger: Ledger, editors: Editor[], size: number): Promise<Error[]> {
  const problems: Error[] = [];
  let editorsDone = 0;
  ledger.writersDone = () => editorsDone === editors.length;
  await Promise.all(
    editors.map(async (editor) => {
      for (;;) {
        try {
          await ledger.send(server, editor, size);
        } catch (err) {
          // fetch failing means the connection died with the server: the expected end.
          if (!(err instanceof TypeError)) problems.push(err as Error);
          editorsDone++;
          return;
        }
      }
    }),
  );
  return problems;
}
