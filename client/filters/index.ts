import type { NodeElementData } from '../../model/api.js';
import { NODE_KINDS, type NodeKind } from '../../model/nodes.js';
import { STATUSES, type Status } from '../../model/vocabulary.js';
import { FRAMEWORK_KINDS } from '../graph/kinds.js';
import { inEdges, outEdges, servedClosure, type GraphIndex } from '../graph/index.js';
import { FRAMEWORKS, filtersActive, type Filters, type Framework } from '../state/types.js';

/**
 * Filters as a pure function of the loaded graph: which nodes the map, the table and
 * the counts show. Plan, organisation, framework, status and year band pick actions;
 * what those actions serve, who leads them and the national frameworks come with them,
 * so a filtered map still reads as a thread from bottom to top.
 */

// ---------------------------------------------------------------- Public API

export type FilterResult = {
  visible: Set<string>;
  /** Visible and total nodes of each kind. */
  counts: Record<NodeKind, { visible: number; total: number }>;
  /** Actions that pass every filter, whether or not the Action kind is drawn. */
  matchedActions: number;
  totalActions: number;
};

export type Facets = {
  statuses: Record<Status, number>;
  yearBands: Record<string, number>;
  plans: Record<string, number>;
  organisations: Record<string, number>;
  frameworks: Record<Framework, number>;
};

/** The status an action counts under; an action without a progress report is "unknown". */
export function statusOf(node: NodeElementData): Status {
  return (STATUSES as readonly string[]).includes(node.status ?? '') ? (node.status as Status) : 'unknown';
}

/** Which frameworks a framework node belongs to ("O2" is NSMO, for offenders). */
export function frameworksOfNode(node: NodeElementData): Framework[] {
  switch (node.kind) {
    case 'NationalOutcome':
      return ['national-outcomes'];
    case 'StrategicAim':
      return ['aims'];
    case 'FrameworkOutcome': {
      const group = { C: 'nsmo-communities', O: 'nsmo-offenders', S: 'nsmo-system' }[(node.ref ?? '').charAt(0)] as Framework | undefined;
      return group ? ['nsmo', group] : ['nsmo'];
    }
    default:
      return [];
  }
}

export function createFilterer(index: GraphIndex) {
  // The frameworks each node's thread reaches; computed once per graph.
  const reach = new Map<string, Set<Framework>>();
  const frameworksReached = (id: string): Set<Framework> => {
    let r = reach.get(id);
    if (!r) {
      r = new Set();
      for (const up of servedClosure(index, id)) {
        const n = index.nodes.get(up);
        if (n) for (const f of frameworksOfNode(n)) r.add(f);
      }
      reach.set(id, r);
    }
    return r;
  };
  const actions = [...index.nodes.values()].filter((n) => n.kind === 'Action');
  const orgsOf = (id: string) => [...inEdges(index, id, 'LEADS'), ...inEdges(index, id, 'PARTNERS_IN')].map((e) => e.source);

  type Omit = 'plan' | 'statuses' | 'yearBand' | 'organisation' | 'framework';
  const actionMatches = (a: NodeElementData, f: Filters, omit?: Omit): boolean => {
    if (omit !== 'plan' && f.plan && a.plan !== f.plan) return false;
    if (omit !== 'statuses' && f.statuses.length > 0 && !f.statuses.includes(statusOf(a))) return false;
    if (omit !== 'yearBand' && f.yearBand && normaliseYearBand(a.yearBand) !== normaliseYearBand(f.yearBand)) return false;
    if (omit !== 'organisation' && f.organisation && !orgsOf(a.id).includes(f.organisation)) return false;
    if (omit !== 'framework' && f.framework && !frameworksReached(a.id).has(f.framework)) return false;
    return true;
  };

  function apply(f: Filters): FilterResult {
    const inPlan = (n: NodeElementData) => !f.plan || n.plan === f.plan || n.id === f.plan;
    const actionFilter = f.statuses.length > 0 || f.yearBand !== null || f.organisation !== null || f.framework !== null;
    const anyFilter = filtersActive(f);
    const kept = new Set<string>();

    const matched = actions.filter((a) => actionMatches(a, f));
    if (!anyFilter) return finish(index, f, new Set(index.nodes.keys()), matched.length, actions.length);
    for (const a of matched) kept.add(a.id);

    // What the kept actions serve, or, with no action filter, everything the plan holds.
    if (actionFilter) {
      for (const a of matched) for (const up of servedClosure(index, a.id)) kept.add(up);
      if (f.organisation) {
        for (const e of [...outEdges(index, f.organisation, 'LEADS'), ...outEdges(index, f.organisation, 'PARTNERS_IN')]) {
          const n = index.nodes.get(e.target);
          if (n && n.kind !== 'Action' && n.kind !== 'Plan' && inPlan(n)) {
            kept.add(n.id);
            for (const up of servedClosure(index, n.id)) kept.add(up);
          }
        }
      }
    } else {
      for (const n of index.nodes.values()) {
        if (n.plan !== null && n.kind !== 'Action' && n.kind !== 'Milestone' && n.kind !== 'ProgressUpdate' && inPlan(n)) kept.add(n.id);
      }
      if (f.plan) for (const n of index.nodes.values()) if (n.plan !== null && inPlan(n)) for (const up of servedClosure(index, n.id)) kept.add(up);
    }

    // The national frameworks: all of the chosen one, so that what nothing serves shows as a gap.
    for (const n of index.nodes.values()) {
      if (!FRAMEWORK_KINDS.includes(n.kind)) continue;
      if (f.framework ? frameworksOfNode(n).includes(f.framework) : true) kept.add(n.id);
      else kept.delete(n.id);
    }

    // Milestones and progress follow their action.
    for (const a of matched) {
      for (const e of outEdges(index, a.id)) if (e.type === 'HAS_MILESTONE' || e.type === 'HAS_PROGRESS') kept.add(e.target);
    }

    // Indicators, events, funding: with an action filter, only those touching what is kept.
    if (actionFilter) {
      for (const n of index.nodes.values()) {
        if ((n.kind === 'Indicator' || n.kind === 'Event' || n.kind === 'Funding') && inPlan(n) && !kept.has(n.id)) {
          if (touches(index, n.id, kept)) kept.add(n.id);
        }
      }
    }

    // Plans: the chosen one, or those holding something kept.
    for (const n of index.nodes.values()) {
      if (n.kind !== 'Plan') continue;
      if (inPlan(n) && outEdges(index, n.id, 'CONTAINS').some((e) => kept.has(e.target))) kept.add(n.id);
    }

    // Organisations: those linked to what is kept.
    for (const n of index.nodes.values()) {
      if (n.kind !== 'Organisation') continue;
      if (n.id === f.organisation || touches(index, n.id, kept)) kept.add(n.id);
    }
    return finish(index, f, kept, matched.length, actions.length);
  }

  /** For each option of each filter: how many actions it would match with the other filters as they are. */
  function facets(f: Filters): Facets {
    const statuses = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
    const yearBands: Record<string, number> = {};
    const plans: Record<string, number> = {};
    const organisations: Record<string, number> = {};
    const frameworks = Object.fromEntries(FRAMEWORKS.map((k) => [k, 0])) as Record<Framework, number>;
    for (const a of actions) {
      if (actionMatches(a, f, 'statuses')) statuses[statusOf(a)] += 1;
      const band = normaliseYearBand(a.yearBand);
      if (actionMatches(a, f, 'yearBand') && band) yearBands[band] = (yearBands[band] ?? 0) + 1;
      if (actionMatches(a, f, 'plan') && a.plan) plans[a.plan] = (plans[a.plan] ?? 0) + 1;
      if (actionMatches(a, f, 'organisation')) for (const o of new Set(orgsOf(a.id))) organisations[o] = (organisations[o] ?? 0) + 1;
      if (actionMatches(a, f, 'framework')) for (const k of frameworksReached(a.id)) frameworks[k] += 1;
    }
    return { statuses, yearBands, plans, organisations, frameworks };
  }

  return { apply, facets, actionMatches: (a: NodeElementData, f: Filters) => actionMatches(a, f) };
}

export type Filterer = ReturnType<typeof createFilterer>;

/** Plans print the same band as "1-3", "1 - 3" and "1 – 3"; the filter treats them as one. */
export function normaliseYearBand(band: string | null | undefined): string | null {
  if (!band) return null;
  const clean = band.trim().replace(/\s*[-–—]\s*/g, '-');
  return clean === '' ? null : clean;
}

/** Year bands in reading order: "1", "1-2", "1-3", "2", ..., "2014". */
export function sortYearBands(bands: Iterable<string>): string[] {
  return [...new Set(bands)].sort((a, b) => {
    const na = parseFloat(a);
    const nb = parseFloat(b);
    if (Number.isFinite(na) && Number.isFinite(nb) && na !== nb) return na - nb;
    return a.localeCompare(b, 'en-GB', { numeric: true });
  });
}

// ---------------------------------------------------------------- Internal

function finish(index: GraphIndex, f: Filters, kept: ReadonlySet<string>, matchedActions: number, totalActions: number): FilterResult {
  const visible = new Set<string>();
  const counts = Object.fromEntries(NODE_KINDS.map((k) => [k, { visible: 0, total: 0 }])) as FilterResult['counts'];
  const kinds = new Set(f.kinds);
  for (const n of index.nodes.values()) {
    counts[n.kind].total += 1;
    if (kept.has(n.id) && kinds.has(n.kind)) {
      visible.add(n.id);
      counts[n.kind].visible += 1;
    }
  }
  return { visible, counts, matchedActions, totalActions };
}

function touches(index: GraphIndex, id: string, set: ReadonlySet<string>): boolean {
  return outEdges(index, id).some((e) => set.has(e.target)) || inEdges(index, id).some((e) => set.has(e.source));
}
