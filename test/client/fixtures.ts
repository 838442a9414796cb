import type { EdgeElementData, GraphElements, NodeElementData } from '../../model/api.js';
import type { RelationshipType } from '../../model/relationships.js';

/**
 * A small graph with the shape of the seed data: two plans (Lanarkshire 2008-09 and
 * Lothian & Borders 2011-14), actions that reach the national frameworks through local
 * outcomes or directly, leads, partners, progress and a milestone.
 */

type NodeInit = Partial<NodeElementData> & Pick<NodeElementData, 'id' | 'kind' | 'label'>;

export function node(n: NodeInit): { data: NodeElementData } {
  return {
    data: { ref: null, plan: null, status: null, yearBand: null, dueDate: null, leadVague: null, orgType: null, ...n },
  };
}

export function edge(source: string, type: RelationshipType, target: string, extra: Partial<EdgeElementData> = {}): { data: EdgeElementData } {
  return { data: { id: `${source}|${type}|${target}`, source, target, type, role: null, linkBasis: null, ...extra } };
}

export const L = 'plan:lcja-2008';
export const B = 'plan:lbcja-2011';

export function sampleGraph(): GraphElements {
  return {
    nodes: [
      node({ id: L, kind: 'Plan', label: 'Draft Implementation Plan 2008-09, Quarter 2 update', plan: L }),
      node({ id: B, kind: 'Plan', label: 'Lothian & Borders CJA Area Plan 2011-2014', plan: B }),
      node({ id: 'no:9', kind: 'NationalOutcome', label: 'We live our lives safe from crime, disorder and danger.', ref: 'NO9' }),
      node({ id: 'no:4', kind: 'NationalOutcome', label: 'Our young people are successful learners.', ref: 'NO4' }),
      node({ id: 'nsmo:O2', kind: 'FrameworkOutcome', label: 'The ability to access and sustain suitable accommodation', ref: 'O2' }),
      node({ id: 'nsmo:C1', kind: 'FrameworkOutcome', label: 'Increased community safety and public protection', ref: 'C1' }),
      node({ id: 'aim:1', kind: 'StrategicAim', label: 'Improve Joint Working Practices', ref: 'Aim 1' }),
      node({ id: 'lcja-2008:local-outcome:accommodation', kind: 'LocalOutcome', label: 'To improve ability to access and sustain suitable accommodation', plan: L }),
      node({ id: 'lcja-2008:action:2.5.7', kind: 'Action', label: 'Ensure the effective implementation of NASSO.', ref: '2.5.7', plan: L, status: 'ongoing', dueDate: '2008-08-31' }),
      node({ id: 'lcja-2008:action:2.1.3', kind: 'Action', label: 'Facilitate the development and implementation of risk assessment tools.', ref: '2.1.3', plan: L, status: 'delayed', yearBand: '1' }),
      node({ id: 'lcja-2008:progress:2.5.7-slc', kind: 'ProgressUpdate', label: 'SLC are currently implementing the NASSO guidance.', plan: L, status: 'ongoing' }),
      node({ id: 'lcja-2008:milestone:2.5.7-1', kind: 'Milestone', label: 'Ensure NASSO fully integrated within MAPPA arrangements', plan: L }),
      node({ id: 'lbcja-2011:action:4.2.2-a', kind: 'Action', label: 'Contribute at a national level to development of shared qualification', ref: '4.2.2', plan: B, yearBand: '1 - 3' }),
      node({ id: 'lbcja-2011:action:1.1.1-c', kind: 'Action', label: 'Community Planning Partnerships to develop holistic response to women offenders', ref: '1.1.1', plan: B, yearBand: '1-3' }),
      node({ id: 'lbcja-2011:priority:4.2.1', kind: 'Priority', label: 'Integrated Planning', ref: '4.2.1', plan: B }),
      node({ id: 'org:scottish-prison-service', kind: 'Organisation', label: 'Scottish Prison Service', orgType: 'statutory partner' }),
      node({ id: 'org:mappa-steering-group', kind: 'Organisation', label: 'MAPPA steering group', orgType: 'partnership or group' }),
      node({ id: 'org:lothian-and-borders-cja', kind: 'Organisation', label: 'Lothian & Borders Community Justice Authority', orgType: 'community justice authority' }),
      node({ id: 'org:sacro', kind: 'Organisation', label: 'Sacro', orgType: 'third sector' }),
    ],
    edges: [
      edge(L, 'CONTAINS', 'lcja-2008:action:2.5.7'),
      edge(L, 'CONTAINS', 'lcja-2008:action:2.1.3'),
      edge(L, 'CONTAINS', 'lcja-2008:local-outcome:accommodation'),
      edge(B, 'CONTAINS', 'lbcja-2011:action:4.2.2-a'),
      edge(B, 'CONTAINS', 'lbcja-2011:action:1.1.1-c'),
      edge(B, 'CONTAINS', 'lbcja-2011:priority:4.2.1'),
      edge('lcja-2008:action:2.5.7', 'SERVES', 'lcja-2008:local-outcome:accommodation', { linkBasis: 'document structure' }),
      edge('lcja-2008:local-outcome:accommodation', 'SERVES', 'nsmo:O2', { linkBasis: 'exact wording' }),
      edge('lcja-2008:action:2.1.3', 'SERVES', 'nsmo:C1', { linkBasis: 'printed heading' }),
      edge('lbcja-2011:action:4.2.2-a', 'SERVES', 'no:9', { linkBasis: 'printed number' }),
      edge('lbcja-2011:action:1.1.1-c', 'SERVES', 'lbcja-2011:priority:4.2.1', { linkBasis: 'printed in the same row' }),
      edge('lbcja-2011:priority:4.2.1', 'SERVES', 'aim:1', { linkBasis: 'printed heading' }),
      edge('lcja-2008:action:2.5.7', 'HAS_PROGRESS', 'lcja-2008:progress:2.5.7-slc'),
      edge('lcja-2008:action:2.5.7', 'HAS_MILESTONE', 'lcja-2008:milestone:2.5.7-1'),
      edge('org:mappa-steering-group', 'LEADS', 'lcja-2008:action:2.5.7', { role: 'MAPPA steering group chair' }),
      edge('org:scottish-prison-service', 'LEADS', 'lcja-2008:action:2.1.3'),
      edge('org:lothian-and-borders-cja', 'LEADS', 'lbcja-2011:action:4.2.2-a'),
      edge('org:sacro', 'PARTNERS_IN', 'lbcja-2011:action:1.1.1-c'),
      edge('org:scottish-prison-service', 'PARTNERS_IN', 'lbcja-2011:action:4.2.2-a'),
    ],
  };
}

/** localStorage for tests without a DOM: the same interface, kept in a map. */
export class MemoryStorage implements Storage {
  private readonly m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}
