import type { CrashServer, Session } from './crashServer.js';
import type { Attempt, Editor, Ledger } from './ledger.js';

/**
 * What must hold after a restart on the data directory of a killed server:
 * - the store opens and the server is ready;
 * - every acknowledged change is in the audit log under the change id it was answered
 *   with, and all of its nodes and links are there;
 * - a change whose answer was lost in the kill is whole or absent: its audit entry,
 *   every node, every link and its update of the editor's home organisation together;
 * - nothing else: node and relationship counts are exactly those of the committed changes;
 * - each home organisation's version rose by exactly one per committed change, and it
 *   holds the value of the last one.
 * Problems are collected as sentences rather than thrown, so a run reports all of them.
 */

export type Recovery = { committed: number; acknowledged: number; lostInFlight: number; problems: string[] };

/** The audit log's changes by their reason (the crash suites tag each change with a unique one). */
export async function auditByReason(server: CrashServer, session: Session): Promise<Map<string, string>> {
  const byReason = new Map<string, string>();
  let before = 0;
  for (;;) {
    const res = await server.call('GET', `/api/changes?limit=200${before ? `&before=${before}` : ''}`, undefined, session);
    if (res.status !== 200) throw new Error(`the audit feed answered ${res.status}`);
    for (const c of res.body.changes as { changeId: string; reason: string | null }[]) if (c.reason) byReason.set(c.reason, c.changeId);
    if (res.body.next === null) return byReason;
    before = res.body.next;
  }
}

async function nodeDetail(server: CrashServer, id: string, session: Session): Promise<any | null> {
  const res = await server.call('GET', `/api/nodes/${encodeURIComponent(id)}`, undefined, session);
  if (res.status === 404) return null;
  if (res.status !== 200) throw new Error(`GET /api/nodes/${id} answered ${res.status}`);
  return res.body;
}

/** Checks one attempt node by node: whole when committed, absent when not. */
async function checkWhole(server: CrashServer, session: Session, attempt: Attempt, committed: boolean, problems: string[]): Promise<void> {
  for (const [i, id] of attempt.nodeIds.entries()) {
    const detail = await nodeDetail(server, id, session);
    if (committed !== (detail !== null)) {
      problems.push(`${attempt.key}: node ${id} is ${detail ? 'present' : 'missing'} but the change is ${committed ? 'committed' : 'not in the audit log'}`);
      return;
    }
    if (!detail || i === 0) continue;
    const out = (detail.neighbours['MEMBER_OF out'] ?? []) as { id: string }[];
    if (!out.some((n) => n.id === attempt.nodeIds[i - 1])) problems.push(`${attempt.key}: link ${id} MEMBER_OF ${attempt.nodeIds[i - 1]} is missing`);
  }
}

export async function verifyRecovery(
  server: CrashServer,
  session: Session,
  ledger: Ledger,
  editors: Editor[],
  /** Attempts to check node by node (the others are checked by counts and the audit log). */
  detailed: Attempt[],
): Promise<Recovery> {
  const problems: string[] = [];
  const ready = await server.call('GET', '/api/health/ready');
  if (ready.status !== 200) problems.push(`/api/health/ready answered ${ready.status} after the restart`);
  const audit = await auditByReason(server, session);
  let nodes = editors.length;
  let relationships = 0;
  let committedCount = 0;
  for (const attempt of ledger.attempts) {
    const changeId = audit.get(attempt.key);
    if (attempt.acknowledged && changeId !== attempt.changeId) {
      problems.push(`${attempt.key} was acknowledged as ${attempt.changeId} but the audit log ${changeId ? `has it as ${changeId}` : 'does not have it'}`);
    }
    if (changeId) {
      committedCount++;
      nodes += attempt.nodeIds.length;
      relationships += attempt.links.length;
    }
  }
  for (const attempt of detailed) await checkWhole(server, session, attempt, audit.has(attempt.key), problems);

  const health = await server.call('GET', '/api/health', undefined, session);
  const counts = health.body?.counts as { nodes: number; relationships: number } | undefined;
  if (counts?.nodes !== nodes || counts?.relationships !== relationships) {
    problems.push(`the store holds ${counts?.nodes} nodes and ${counts?.relationships} relationships; the committed changes make ${nodes} and ${relationships}`);
  }
  for (const editor of editors) {
    const mine = ledger.attempts.filter((a) => a.editor === editor.username && audit.has(a.key));
    const home = await nodeDetail(server, editor.home, session);
    const expectedVersion = 1 + mine.length;
    const expectedDescription = mine.at(-1)?.key ?? 'home';
    if (home?.node.version !== expectedVersion || home?.node.props.description !== expectedDescription) {
      problems.push(
        `${editor.home} is at version ${home?.node.version} holding ${JSON.stringify(home?.node.props.description)}; ${mine.length} committed changes make version ${expectedVersion} holding ${JSON.stringify(expectedDescription)}`,
      );
    }
  }
  const acknowledged = ledger.attempts.filter((a) => a.acknowledged).length;
  return { committed: committedCount, acknowledged, lostInFlight: committedCount - acknowledged, problems };
}
