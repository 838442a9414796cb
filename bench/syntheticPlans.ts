import type { NodeInput, RelationshipInput } from '../model/index.js';
import type { ParsedSeedFile } from '../server/seed/readSeedFile.js';

/**
 * Synthetic plans of the seed's own shape at k times its size: k copies of every
 * document's plans, actions, outcomes and local organisations, all tied to the one set
 * of national frameworks and national bodies, as more CJA areas would be. Action texts
 * are reworded per copy (three words in four swapped for others) so that the
 * near-duplicate analysis meets realistic, not identical, text.
 */

const SHARED_PREFIXES = ['no:', 'nsmo:', 'aim:'];
const NATIONAL_BODIES = new Set([
  'org:scottish-prison-service',
  'org:scottish-government',
  'org:copfs',
  'org:scottish-court-service',
  'org:victim-support-scotland',
  'org:adsw',
  'org:cosla',
  'org:parole-board-for-scotland',
]);

const isShared = (id: string) => SHARED_PREFIXES.some((p) => id.startsWith(p)) || NATIONAL_BODIES.has(id);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function reword(text: string, copy: number): string {
  return text.replace(/[A-Za-z]{4,}/g, (word) => (hash(`${word}|${copy}`) % 4 === 0 ? word : `w${hash(`${word}#${copy}`) % 5000}`));
}

export type SyntheticFile = { name: string; nodes: NodeInput[]; relationships: RelationshipInput[] };

export function syntheticPlans(files: ParsedSeedFile[], factor: number): SyntheticFile[] {
  const out: SyntheticFile[] = [];
  const frameworks = files.filter((f) => f.seed.document === null);
  for (const f of frameworks) out.push({ name: f.name, nodes: f.seed.nodes, relationships: f.seed.relationships });
  for (let copy = 0; copy < factor; copy++) {
    const rename = (id: string) => (isShared(id) || copy === 0 ? id : `${id}.s${copy}`);
    const seenOrgs = new Set<string>();
    for (const f of files.filter((x) => x.seed.document !== null)) {
      const nodes = f.seed.nodes
        .filter((n) => !(n.kind === 'Organisation' && (seenOrgs.has(rename(n.id)) || (copy > 0 && isShared(n.id)))))
        .map((n) => {
          if (n.kind === 'Organisation') seenOrgs.add(rename(n.id));
          const props = { ...n.props } as Record<string, unknown>;
          if (copy > 0 && n.kind === 'Action') {
            props.title = reword(String(props.title), copy);
            if (props.objective) props.objective = reword(String(props.objective), copy);
          }
          return { ...n, id: rename(n.id), props } as NodeInput;
        });
      const relationships = f.seed.relationships.map((r) => ({ ...r, from: rename(r.from), to: rename(r.to) }));
      out.push({ name: `${f.name} copy ${copy}`, nodes, relationships });
    }
  }
  return out;
}
