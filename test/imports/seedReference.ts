import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { ReferenceData } from '../../server/imports/resolve/referenceData.js';

/**
 * The curated seed as the comparison needs it: the reference data an import
 * matches against (every organisation the seed knows, the frameworks), and one
 * document's actions, leads and links.
 */

type SeedNode = { kind: string; id: string; props: Record<string, unknown> };
export type SeedRel = { type: string; from: string; to: string; props?: Record<string, unknown> };
export type SeedDoc = { nodes: SeedNode[]; relationships: SeedRel[] };

const SEED_DIR = new URL('../../seed/', import.meta.url);

export function seedDoc(name: string): SeedDoc {
  return parse(readFileSync(new URL(name, SEED_DIR), 'utf8')) as SeedDoc;
}

export function seedReferenceData(options: { dropAliases?: string[] } = {}): ReferenceData {
  const orgs = new Map<string, { id: string; name: string; aliases: Set<string>; documentAliases: Set<string> }>();
  const ref: ReferenceData = { organisations: [], nationalOutcomes: [], aims: [], frameworkOutcomes: [] };
  for (const f of readdirSync(SEED_DIR).filter((f) => f.endsWith('.yaml'))) {
    for (const n of seedDoc(f).nodes) {
      if (n.kind === 'Organisation') {
        const o = orgs.get(n.id) ?? { id: n.id, name: String(n.props.name), aliases: new Set<string>(), documentAliases: new Set<string>() };
        for (const a of (n.props.aliases as string[] | undefined) ?? []) if (!options.dropAliases?.includes(a)) o.aliases.add(a);
        for (const a of (n.props.documentAliases as string[] | undefined) ?? []) o.documentAliases.add(a);
        orgs.set(n.id, o);
      } else if (n.kind === 'NationalOutcome') ref.nationalOutcomes.push({ id: n.id, number: Number(n.props.number), wording: String(n.props.wording) });
      else if (n.kind === 'StrategicAim') ref.aims.push({ id: n.id, number: Number(n.props.number), title: String(n.props.title) });
      else if (n.kind === 'FrameworkOutcome') ref.frameworkOutcomes.push({ id: n.id, code: String(n.props.code), wording: String(n.props.wording) });
    }
  }
  ref.organisations = [...orgs.values()].map((o) => ({ id: o.id, name: o.name, aliases: [...o.aliases], documentAliases: [...o.documentAliases] }));
  return ref;
}
