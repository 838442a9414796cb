import type { ImportMapping, ImportPlanOptions } from '../../model/importMapping.js';
import type { ImportProvenance } from '../../model/provenance.js';
import { RELATIONSHIP_SCHEMAS, type RelationshipType } from '../../model/relationships.js';
import type { LinkBasis } from '../../model/vocabulary.js';
import type { Interpretation, Place } from './interpret/records.js';
import { matchAims, matchFrameworkOutcomes, matchNationalOutcomes, type OutcomeMatch } from './resolve/matchOutcomes.js';
import { matchOrganisations, type Suggestion } from './resolve/matchOrganisations.js';
import { dueDateOf, statusBasisOf, statusOf } from './resolve/readDates.js';
import type { ReferenceData } from './resolve/referenceData.js';

/**
 * Turns what the interpreter read into the nodes and links the import would write,
 * each with import provenance (file, sheet or table, rows, the row's text). Links
 * the file prints (same row, heading, number, exact wording) are marked printed;
 * links matched by resemblance are "near-exact wording" and listed as inferred.
 * Nothing here touches the store: the change pipeline decides what is new.
 */

export type ImportNode = { kind: string; id: string; props: Record<string, unknown>; provenance: ImportProvenance };
export type ImportLink = { type: string; from: string; to: string; props: Record<string, unknown>; provenance: ImportProvenance; inferred: boolean; score?: number };
export type UnmatchedValue = { column: string; value: string; places: { table: string; row: number }[]; suggestions: Suggestion[] };

export type ImportGraph = {
  planId: string;
  nodes: ImportNode[];
  links: ImportLink[];
  unmatched: UnmatchedValue[];
  counts: { actions: number; localOutcomes: number; priorities: number; milestones: number; progress: number; printedLinks: number; inferredLinks: number; leads: number };
};

/**
 * Links whose type records a basis get one: the row's own cells for a lead, a
 * milestone or a progress note ("printed in the same row"); the table's layout for
 * what contains what ("document structure"). Types without a basis column keep none.
 */
const DEFAULT_BASIS: Partial<Record<RelationshipType, LinkBasis>> = {
  LEADS: 'printed in the same row',
  HAS_MILESTONE: 'printed in the same row',
  HAS_PROGRESS: 'printed in the same row',
  CONTAINS: 'document structure',
};

function withBasis(type: RelationshipType, props: Record<string, unknown>): Record<string, unknown> {
  const shape = (RELATIONSHIP_SCHEMAS[type].props as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  if (!('linkBasis' in shape) || props.linkBasis !== undefined || !DEFAULT_BASIS[type]) return props;
  return { ...props, linkBasis: DEFAULT_BASIS[type] };
}

export function buildImportGraph(interpretation: Interpretation, file: string, plan: ImportPlanOptions, ref: ReferenceData, mapping: ImportMapping): ImportGraph {
  const key = plan.key;
  const planId = `plan:${key}`;
  const nodes: ImportNode[] = [];
  const links: ImportLink[] = [];
  const linkKeys = new Set<string>();
  const unmatchedByValue = new Map<string, UnmatchedValue>();
  const prov = (place: Place, quote: string): ImportProvenance => ({ source: 'import', file, table: place.table, rows: place.rows, quote: quote.slice(0, 2000) || '(empty row)' });
  const link = (type: RelationshipType, from: string, to: string, props: Record<string, unknown>, provenance: ImportProvenance, inferred = false, score?: number) => {
    const k = `${from}|${type}|${to}`;
    if (linkKeys.has(k)) return;
    linkKeys.add(k);
    links.push({ type, from, to, props: withBasis(type, props), provenance, inferred, ...(score !== undefined ? { score } : {}) });
  };
  const unmatched = (column: string, value: string, place: Place, suggestions: Suggestion[] = []) => {
    const k = `${column}\u0000${value.toLowerCase()}`;
    const u = unmatchedByValue.get(k) ?? { column, value, places: [], suggestions };
    u.places.push({ table: place.table, row: place.rows[0] });
    unmatchedByValue.set(k, u);
  };
  const first = interpretation.actions[0]?.place ?? { table: 'table 1', rows: [1, 1] as [number, number] };

  nodes.push({
    kind: 'Plan',
    id: planId,
    props: {
      title: plan.title ?? file.replace(/\.[^.]+$/, ''),
      body: plan.body ?? 'not stated in the imported file',
      period: plan.period ?? 'not stated in the imported file',
      planType: plan.planType ?? 'action plan',
      sourceFile: file,
    },
    provenance: prov(first, `Imported from ${file}`),
  });

  const priorityId = (k: string) => `${key}:priority:${k}`;
  const outcomeId = (k: string) => `${key}:local-outcome:${k}`;
  const headingLink = (from: string, h: { number: number; printed: string } | undefined, provenance: ImportProvenance) => {
    const no = h && ref.nationalOutcomes.find((n) => n.number === h.number);
    if (no && h) link('SERVES', from, no.id, { linkBasis: 'printed heading' satisfies LinkBasis, printedAs: h.printed }, provenance);
  };

  for (const p of interpretation.priorities) {
    const provenance = prov(p.place, p.quote);
    nodes.push({ kind: 'Priority', id: priorityId(p.key), props: { title: p.title, ...(p.ref ? { ref: p.ref } : {}), priorityType: p.priorityType }, provenance });
    link('CONTAINS', planId, priorityId(p.key), {}, provenance);
  }
  for (const o of interpretation.localOutcomes) {
    const provenance = prov(o.place, o.quote);
    nodes.push({ kind: 'LocalOutcome', id: outcomeId(o.key), props: { title: o.title, ...(o.ref ? { ref: o.ref } : {}) }, provenance });
    link('CONTAINS', planId, outcomeId(o.key), {}, provenance);
    if (o.priorityKey) link('SERVES', outcomeId(o.key), priorityId(o.priorityKey), { linkBasis: 'document structure' }, provenance);
    headingLink(outcomeId(o.key), o.headingOutcome, provenance);
  }

  let leads = 0;
  let milestones = 0;
  let progress = 0;
  for (const a of interpretation.actions) {
    const id = `${key}:action:${a.key}`;
    const provenance = prov(a.place, a.quote);
    // The plan's source file is this file: a name the graph knows for this document only resolves as the seed resolves it.
    const orgMatches = a.lead ? matchOrganisations(a.lead, ref, mapping, file) : [];
    const matchedOrgs = orgMatches.filter((m) => m.kind === 'matched');
    const dueDate = dueDateOf(a.timescale);
    nodes.push({
      kind: 'Action',
      id,
      props: {
        ref: a.ref,
        title: a.title,
        ...(a.objective ? { objective: a.objective } : {}),
        ...(a.section ? { section: a.section } : {}),
        ...(a.output ? { output: a.output } : {}),
        ...(a.localTarget ? { localTarget: a.localTarget } : {}),
        ...(a.frequencySource ? { frequencySource: a.frequencySource } : {}),
        ...(a.timescale ? { timescale: a.timescale } : {}),
        // dueDateOf gives a date only where the timescale cell prints one month or date
        ...(dueDate ? { dueDate, dueDateBasis: 'printed in the same row' satisfies LinkBasis } : {}),
        ...(a.yearBand ? { yearBand: a.yearBand } : {}),
        ...(a.lead ? { leadAsPrinted: a.lead } : {}),
        leadVague: Boolean(a.lead) && matchedOrgs.length === 0,
        ...(a.progress ? { status: statusOf(a.progress), statusBasis: statusBasisOf(a.progress) } : {}),
      },
      provenance,
    });
    link('CONTAINS', planId, id, {}, provenance);
    if (a.localOutcomeKey) {
      link('SERVES', id, outcomeId(a.localOutcomeKey), { linkBasis: a.localOutcomeInRow ? 'printed in the same row' : 'document structure' }, provenance);
    } else if (a.priorityKey) {
      link('SERVES', id, priorityId(a.priorityKey), { linkBasis: 'document structure' }, provenance);
    }
    headingLink(id, a.headingOutcome, provenance);
    const outcomeColumns: [string | undefined, string, (t: string, r: ReferenceData) => OutcomeMatch][] = [
      [a.nationalOutcomes, 'national outcomes', matchNationalOutcomes],
      [a.nationalAims, 'national aims', matchAims],
      [a.frameworkOutcomes, 'framework outcomes', matchFrameworkOutcomes],
    ];
    for (const [text, column, match] of outcomeColumns) {
      if (!text) continue;
      const m = match(text, ref);
      for (const l of m.links) link('SERVES', id, l.id, { linkBasis: l.basis, printedAs: l.printedAs }, { ...provenance, quote: text }, l.inferred, l.score);
      for (const u of m.unmatched) unmatched(column, u, a.place);
    }
    for (const m of orgMatches) {
      if (m.kind === 'matched') {
        link('LEADS', m.id, id, { role: a.lead }, { ...provenance, quote: a.lead! });
        leads++;
      } else if (m.kind === 'unmatched') unmatched('lead', m.printed, a.place, m.suggestions);
    }
    a.milestones.forEach((text, i) => {
      const mid = `${key}:milestone:${a.key}-${i + 1}`;
      nodes.push({ kind: 'Milestone', id: mid, props: { text }, provenance: { ...provenance, quote: text } });
      link('HAS_MILESTONE', id, mid, {}, provenance);
      milestones++;
    });
    if (a.progress) {
      const pid = `${key}:progress:${a.key}`;
      const status = statusOf(a.progress);
      nodes.push({
        kind: 'ProgressUpdate',
        id: pid,
        props: { period: plan.progressPeriod ?? plan.period ?? 'as imported', status, statusAsPrinted: a.progress, statusBasis: statusBasisOf(a.progress), narrative: a.progress },
        provenance: { ...provenance, quote: a.progress },
      });
      link('HAS_PROGRESS', id, pid, {}, provenance);
      progress++;
    }
  }
  const serves = links.filter((l) => l.type === 'SERVES');
  return {
    planId,
    nodes,
    links,
    unmatched: [...unmatchedByValue.values()],
    counts: {
      actions: interpretation.actions.length,
      localOutcomes: interpretation.localOutcomes.length,
      priorities: interpretation.priorities.length,
      milestones,
      progress,
      printedLinks: serves.filter((l) => !l.inferred).length,
      inferredLinks: serves.filter((l) => l.inferred).length,
      leads,
    },
  };
}
