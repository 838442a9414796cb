import type { EdgeElementData, GraphElements, NodeElementData } from '../../model/api.js';
import type { NodeKind } from '../../model/nodes.js';
import type { RelationshipType } from '../../model/relationships.js';

/**
 * Synthetic golden-thread graphs of a chosen size (nodes plus edges), shaped like the
 * seed: the national frameworks on top, plans of local outcomes and actions, partner
 * organisations leading and partnering, and about two edges per node. Deterministic.
 */

export function syntheticGraph(elements: number, seed = 1): GraphElements {
  let state = seed >>> 0 || 1;
  const random = () => {
    // xorshift32: the same graph every run.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const nodes: { data: NodeElementData }[] = [];
  const edges: { data: EdgeElementData }[] = [];
  const add = (id: string, kind: NodeKind, label: string, ref: string | null, plan: string | null, status: string | null = null) => {
    nodes.push({
      data: { id, kind, label, ref, plan, status, yearBand: plan ? pick(['1', '2', '3', '1-3']) : null, dueDate: null, leadVague: null, orgType: kind === 'Organisation' ? 'statutory partner' : null },
    });
    return id;
  };
  const link = (source: string, type: RelationshipType, target: string) => {
    edges.push({ data: { id: `${source}|${type}|${target}`, source, target, type, role: null, linkBasis: type === 'SERVES' ? 'printed number' : null } });
  };

  const nos = Array.from({ length: 16 }, (_, i) => add(`no:${i + 1}`, 'NationalOutcome', `National Outcome ${i + 1}`, `NO${i + 1}`, null));
  const fos = ['C', 'O', 'S'].flatMap((g, gi) =>
    Array.from({ length: [7, 9, 7][gi]! }, (_, i) => add(`nsmo:${g}${i + 1}`, 'FrameworkOutcome', `Framework outcome ${g}${i + 1}`, `${g}${i + 1}`, null)),
  );
  const aims = Array.from({ length: 4 }, (_, i) => add(`aim:${i + 1}`, 'StrategicAim', `Aim ${i + 1}`, `Aim ${i + 1}`, null));
  const national = [...nos, ...fos, ...aims];

  // About 1 node in 3.1 elements, as in the seed (430 nodes, 836 relationships).
  const targetNodes = Math.round(elements / 3.1);
  const orgCount = Math.max(10, Math.round(targetNodes * 0.12));
  const orgs = Array.from({ length: orgCount }, (_, i) => add(`org:${i}`, 'Organisation', `Organisation number ${i}`, null, null));
  const statuses = ['on target', 'ongoing', 'delayed', 'complete', null, null, null];
  let p = 0;
  while (nodes.length < targetNodes && edges.length + nodes.length < elements) {
    const plan = add(`plan:${p}`, 'Plan', `Synthetic area plan ${p}`, null, `plan:${p}`);
    const outcomes = Array.from({ length: 8 }, (_, i) => {
      const lo = add(`p${p}:lo:${i + 1}`, 'LocalOutcome', `Local outcome ${i + 1} of plan ${p}`, `${i + 1}`, plan);
      link(lo, 'SERVES', pick(national));
      if (random() < 0.5) link(lo, 'SERVES', pick(national));
      return lo;
    });
    for (let a = 0; a < 40 && nodes.length < targetNodes; a++) {
      const act = add(`p${p}:action:${a}`, 'Action', `Action ${a} of plan ${p}: deliver something useful in partnership`, `${Math.floor(a / 8) + 1}.${a % 8}`, plan, pick(statuses));
      link(act, 'SERVES', pick(outcomes));
      if (random() < 0.3) link(act, 'SERVES', pick(nos));
      if (random() < 0.8) link(pick(orgs), 'LEADS', act);
      if (random() < 0.5) link(pick(orgs), 'PARTNERS_IN', act);
    }
    p += 1;
  }
  // Trim or pad with partner links so the element count lands on the target.
  while (nodes.length + edges.length > elements) edges.pop();
  const actions = nodes.filter((n) => n.data.kind === 'Action').map((n) => n.data.id);
  const seen = new Set(edges.map((e) => e.data.id));
  while (nodes.length + edges.length < elements) {
    const source = pick(orgs);
    const target = pick(actions);
    const id = `${source}|PARTNERS_IN|${target}`;
    if (seen.has(id)) continue;
    seen.add(id);
    link(source, 'PARTNERS_IN', target);
  }
  return { nodes, edges };
}
