import type { GraphStore, NodeValue } from '../../store/port.js';

/**
 * What an import matches its rows against: the organisations, national outcomes,
 * strategic aims and framework outcomes the graph already holds.
 */

/** `documentAliases`: "file: alias" entries, names an organisation goes by in one document only (model/organisationAliases.ts). */
export type ReferenceOrganisation = { id: string; name: string; aliases: string[]; documentAliases?: string[] };
export type ReferenceData = {
  organisations: ReferenceOrganisation[];
  nationalOutcomes: { id: string; number: number; wording: string }[];
  aims: { id: string; number: number; title: string }[];
  frameworkOutcomes: { id: string; code: string; wording: string }[];
};

const props = (rows: { n?: unknown }[]) => rows.map((r) => (r.n as NodeValue).properties);

export async function loadReferenceData(store: GraphStore): Promise<ReferenceData> {
  const [orgs, nos, aims, fos] = await Promise.all([
    store.read('imports/reference-organisation'),
    store.read('imports/reference-national-outcome'),
    store.read('imports/reference-strategic-aim'),
    store.read('imports/reference-framework-outcome'),
  ]);
  return {
    organisations: props(orgs).map((p) => ({
      id: String(p.id),
      name: String(p.name),
      aliases: ((p.aliases as string[] | null) ?? []).map(String),
      documentAliases: ((p.documentAliases as string[] | null) ?? []).map(String),
    })),
    nationalOutcomes: props(nos).map((p) => ({ id: String(p.id), number: Number(p.number), wording: String(p.wording) })),
    aims: props(aims).map((p) => ({ id: String(p.id), number: Number(p.number), title: String(p.title) })),
    frameworkOutcomes: props(fos).map((p) => ({ id: String(p.id), code: String(p.code), wording: String(p.wording) })),
  };
}
