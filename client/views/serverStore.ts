import { z } from 'zod';
import { can, knownSession, send, session } from '../http/authSession.js';
import { NamedViewSchema, type NamedView } from './serialise.js';
import { createLocalViewStore, withFallback, type ViewList, type ViewStore } from './storage.js';

/**
 * Named views shared on the server (GET/POST/PATCH/DELETE /api/views), and the store
 * the explorer uses: for a role that may save analyses, the server with this browser's
 * copy as the fallback; for everyone else, the shared views to open beside their own
 * views kept in this browser, which they save and delete as before.
 */

const Listed = z.object({ views: z.array(z.object({ id: z.string(), name: z.string(), view: z.unknown() })) });

export function createServerViewStore(): ViewStore {
  const list = async (): Promise<ViewList & { ids: Map<string, string> }> => {
    const res = await fetch('/api/views', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    const listed = Listed.parse(await res.json());
    const views: NamedView[] = [];
    const problems: string[] = [];
    const ids = new Map<string, string>();
    for (const v of listed.views) {
      const parsed = NamedViewSchema.safeParse(v.view);
      if (parsed.success) {
        views.push(parsed.data);
        ids.set(parsed.data.name.toLowerCase(), v.id);
      } else problems.push(`the shared view “${v.name}” could not be read`);
    }
    return { views, problems, ids };
  };
  const failure = (err: unknown) => (err instanceof Error ? err.message : String(err));
  return {
    where: 'Shared on the server with everyone',
    list: async () => {
      const { views, problems } = await list();
      return { views, problems };
    },
    async put(view) {
      try {
        const id = (await list()).ids.get(view.name.toLowerCase());
        if (id) await send('PATCH', `/views/${encodeURIComponent(id)}`, { json: { view } });
        else await send('POST', '/views', { json: { view } });
        return null;
      } catch (err) {
        return failure(err);
      }
    },
    async remove(name) {
      try {
        const id = (await list()).ids.get(name.toLowerCase());
        if (id) await send('DELETE', `/views/${encodeURIComponent(id)}`);
        return null;
      } catch (err) {
        return failure(err);
      }
    },
  };
}

/** Shared views to open, and this browser's own to save and delete, for a role that may not share. */
function sharedAndLocal(shared: ViewStore, local: ViewStore): ViewStore {
  return {
    where: 'Shared views from the server, and yours kept in this browser (your role cannot share views)',
    async list() {
      const [remote, mine] = await Promise.all([shared.list().catch((err: Error) => ({ views: [], problems: [`the shared views could not be read (${err.message})`] })), local.list()]);
      const names = new Set(mine.views.map((v) => v.name.toLowerCase()));
      const views = [...mine.views, ...remote.views.filter((v) => !names.has(v.name.toLowerCase()))].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
      return { views, problems: [...remote.problems, ...mine.problems] };
    },
    put: (view) => local.put(view),
    async remove(name) {
      const mine = await local.list();
      if (!mine.views.some((v) => v.name === name)) return 'this is a shared view: only analysts, editors, facilitators and administrators may delete it';
      return local.remove(name);
    },
  };
}

/** The explorer's view store: decided by the session, asked for on first use. */
export function createViewStore(storage: Storage | null): ViewStore {
  const local = createLocalViewStore(storage);
  const server = createServerViewStore();
  const shareable = withFallback(server, local);
  const readOnly = sharedAndLocal(server, local);
  const pick = async () => (can(await session(), 'saveAnalysis') ? shareable : readOnly);
  void session();
  return {
    get where() {
      const s = knownSession();
      return s === null ? local.where : can(s, 'saveAnalysis') ? shareable.where : readOnly.where;
    },
    list: async () => (await pick()).list(),
    put: async (view) => (await pick()).put(view),
    remove: async (name) => (await pick()).remove(name),
  };
}
