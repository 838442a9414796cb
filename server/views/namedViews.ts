import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { NamedViewSchema, type NamedView } from '../../model/views.js';
import type { Actor } from '../../model/roles.js';
import { NamedViewRow, systemQueryName } from '../../model/system.js';
import type { GraphStore, NodeValue, Row, Transaction } from '../store/port.js';

/**
 * Named views of the map kept on the server (system table NamedView), shared by
 * everyone who may read. The view itself is validated with the schema in model/views.ts,
 * the one the browser's local copy is read with (client/views/serialise.ts), so a
 * view saved on the server reopens exactly as one kept locally. A name is unique
 * without regard to case, checked inside the transaction that writes.
 */

const Q = {
  get: systemQueryName('get', 'NamedView'),
  all: systemQueryName('all', 'NamedView'),
  upsert: systemQueryName('upsert', 'NamedView'),
  remove: systemQueryName('delete', 'NamedView'),
} as const;

export type SharedView = { id: string; name: string; createdAt: string; createdBy: string; updatedAt: string; updatedBy: string; view: NamedView };

export class ViewNameTaken extends Error {
  constructor(
    readonly viewName: string,
    readonly id: string,
  ) {
    super(`a view named “${viewName}” already exists (${id})`);
    this.name = 'ViewNameTaken';
  }
}

export const ViewId = z.string().regex(/^view:[0-9a-f-]{36}$/, 'must be a view id such as view:0f8e…');
export const ViewCreateBody = z.object({ view: NamedViewSchema }).strict();
export const ViewPatchBody = z
  .object({ name: NamedViewSchema.shape.name.optional(), view: NamedViewSchema.optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.view !== undefined, 'give a new name, a new view, or both');

const rowOf = (row: Row | undefined) => {
  const p = (row?.n as NodeValue | undefined)?.properties;
  return p ? NamedViewRow.parse(p) : undefined;
};

function shared(row: NamedViewRow): SharedView {
  const { nameKey: _key, view, ...rest } = row;
  return { ...rest, view: NamedViewSchema.parse(JSON.parse(view)) };
}

async function holderOf(tx: Transaction, nameKey: string): Promise<NamedViewRow | undefined> {
  return (await tx.run(Q.all)).map(rowOf).find((r) => r!.nameKey === nameKey);
}

const keyOf = (name: string) => name.trim().toLowerCase();

export async function listViews(store: GraphStore): Promise<SharedView[]> {
  const rows = (await store.read(Q.all)).map((r) => shared(rowOf(r)!));
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export async function getView(store: GraphStore, id: string): Promise<SharedView | undefined> {
  const row = rowOf((await store.read(Q.get, { id }))[0]);
  return row ? shared(row) : undefined;
}

export function createView(store: GraphStore, view: NamedView, actor: Pick<Actor, 'id'>, now = new Date()): Promise<SharedView> {
  const at = now.toISOString();
  const row = NamedViewRow.parse({
    id: `view:${randomUUID()}`,
    name: view.name,
    nameKey: keyOf(view.name),
    view: JSON.stringify(view),
    createdAt: at,
    createdBy: actor.id,
    updatedAt: at,
    updatedBy: actor.id,
  });
  return store.write(async (tx) => {
    const holder = await holderOf(tx, row.nameKey);
    if (holder) throw new ViewNameTaken(holder.name, holder.id);
    await tx.run(Q.upsert, { rows: [row] });
    return shared(row);
  });
}

/** Renames and/or replaces a view; undefined when there is no such view. */
export function updateView(store: GraphStore, id: string, patch: { name?: string; view?: NamedView }, actor: Pick<Actor, 'id'>, now = new Date()): Promise<SharedView | undefined> {
  return store.write(async (tx) => {
    const current = rowOf((await tx.run(Q.get, { id }))[0]);
    if (!current) return undefined;
    const name = (patch.name ?? patch.view?.name ?? current.name).trim();
    const holder = await holderOf(tx, keyOf(name));
    if (holder && holder.id !== id) throw new ViewNameTaken(holder.name, holder.id);
    const view = { ...(patch.view ?? (JSON.parse(current.view) as NamedView)), name };
    const row = NamedViewRow.parse({ ...current, name, nameKey: keyOf(name), view: JSON.stringify(NamedViewSchema.parse(view)), updatedAt: now.toISOString(), updatedBy: actor.id });
    await tx.run(Q.upsert, { rows: [row] });
    return shared(row);
  });
}

export function deleteView(store: GraphStore, id: string): Promise<boolean> {
  return store.write(async (tx) => {
    if ((await tx.run(Q.get, { id })).length === 0) return false;
    await tx.run(Q.remove, { id });
    return true;
  });
}
