import { z } from 'zod';
import { NodeId } from './ids.js';
import { NodeKindSchema, type NodeKind } from './nodes.js';
import type { NodeHistoryEntry } from './changes.js';
import type { Provenance } from './provenance.js';
import type { RelationshipType } from './relationships.js';
import { STATUSES } from './vocabulary.js';
import { DEFAULT_GAP_PAGE, MAX_GAP_PAGE } from './gapPage.js';

/**
 * The HTTP API's contract: request parameters as zod schemas (the server validates
 * with them, the client builds URLs from them) and response bodies as types built
 * on the domain model. Server and explorer both import this file.
 */

// ---------------------------------------------------------------- shared pieces

/** A node as the map and the lists show it. */
export type NodeSummary = {
  id: string;
  kind: NodeKind;
  label: string;
  /** Printed reference: action number, outcome number, framework code. */
  ref: string | null;
  /** The plan the node belongs to, where it belongs to one. */
  plan: string | null;
  /**
   * That plan's short name, made from the Plan node ("LCJA 2008"): shown before the
   * reference ("LCJA 2008 · 2.2.1") wherever more than one plan is on screen. The server
   * always sends it (null for nodes of no plan); optional only for view-built summaries.
   */
  planShort?: string | null;
};

/** Cytoscape elements JSON: data only; view state (selection, dimming) is never stored here. */
export type NodeElementData = NodeSummary & {
  status: string | null;
  yearBand: string | null;
  dueDate: string | null;
  leadVague: boolean | null;
  orgType: string | null;
};
export type EdgeElementData = {
  id: string;
  source: string;
  target: string;
  type: RelationshipType;
  role: string | null;
  linkBasis: string | null;
};
export type GraphElements = { nodes: { data: NodeElementData }[]; edges: { data: EdgeElementData }[] };

export type ApiError = {
  error: { status: number; code: string; message: string; issues?: { field: string; reason: string }[] };
};

// ---------------------------------------------------------------- GET /api/health

export type HealthResponse = {
  status: 'ok';
  store: { kind: 'embedded' | 'neo4j'; version: string };
  counts: { nodes: number; relationships: number; nodesByKind: Record<string, number>; relationshipsByType: Record<string, number> };
};

// ---------------------------------------------------------------- GET /api/search

const limit = (max: number, fallback: number) => z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(max, `must be at most ${max}`).default(fallback);

export const SearchParams = z
  .object({
    q: z
      .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters'),
    kind: NodeKindSchema.optional(),
    limit: limit(100, 20),
  })
  .strict();
export type SearchParams = z.infer<typeof SearchParams>;

/** The ranking tiers, best first: exact reference, whole alias, reference prefix, words. */
export const SEARCH_MATCHES = ['reference', 'alias', 'prefix', 'words'] as const;
/** Where the query's words stand in one field of a node: `highlights` are [start, end) UTF-16 offsets into `text`. */
export type SearchExcerpt = { field: string; fieldLabel: string; text: string; highlights: [number, number][] };
export type SearchResult = NodeSummary & {
  match: (typeof SEARCH_MATCHES)[number];
  score: number;
  /** The field the words matched best in (for a word match), cut around the first match; null for references and aliases. */
  excerpt: SearchExcerpt | null;
  /** [start, end) offsets of the matched words in `label`. */
  labelRanges: [number, number][];
  /** For a milestone or progress update: the action it belongs to. */
  parent: NodeSummary | null;
  /** For an action found through one of its milestones or progress updates: that item, and where it matched. */
  via: (NodeSummary & { excerpt: SearchExcerpt | null }) | null;
};
export type SearchResponse = { query: string; results: SearchResult[] };

// ---------------------------------------------------------------- GET /api/nodes/:id

export const NodeIdParam = z.object({ id: NodeId }).strict();

export type Neighbour = NodeSummary & {
  relationship: { id: string; type: RelationshipType; direction: 'out' | 'in'; role: string | null; linkBasis: string | null; printedAs: string | null; provenance: Provenance };
};
export type NodeDetailResponse = {
  /** `flagged`: properties the model requires that the stored node lacks or holds wrongly (absent when none). */
  node: NodeSummary & { version: number; props: Record<string, unknown>; provenance: Provenance; flagged?: { field: string; reason: string }[] };
  /** Neighbours grouped by relationship: `SERVES out`, `LEADS in`, ... */
  neighbours: Record<string, Neighbour[]>;
  /** Every committed change that touched the node, oldest first (the document provenance is `node.provenance`). */
  history: NodeHistoryEntry[];
};

// ---------------------------------------------------------------- GET /api/graph

export const GraphParams = z
  .object({
    plan: NodeId.optional(),
    organisation: NodeId.optional(),
    outcome: NodeId.optional(),
    kind: z
      .string()
      .transform((s, ctx) => {
        const kinds = s.split(',').map((k) => k.trim());
        for (const k of kinds) {
          if (!NodeKindSchema.safeParse(k).success) {
            ctx.addIssue({ code: 'custom', message: `unknown kind ${k}; kinds are ${NodeKindSchema.options.join(', ')}` });
            return z.NEVER;
          }
        }
        return kinds as NodeKind[];
      })
      .optional()
      .describe('one node kind, or several separated by commas'),
    depth: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(4, 'must be at most 4').default(1),
  })
  .strict();
export type GraphParams = z.infer<typeof GraphParams>;
export type GraphResponse = { elements: GraphElements; counts: { nodes: number; edges: number } };

// ---------------------------------------------------------------- GET /api/thread/:id

export type ThreadPath = {
  nodes: string[];
  edges: string[];
  lead: string | null;
  /** The basis of each edge, in the order of `edges` (see BASES): printed, inferred by curation, or added by an edit. */
  bases?: (string | null)[];
  /** True when every link of the path is printed in the document; false when one was inferred or added by an edit. */
  printed?: boolean;
};
export type ThreadResponse = {
  origin: NodeSummary;
  /** up: from an action or local outcome to what it serves; down: from a national outcome or aim to the actions beneath it. */
  direction: 'up' | 'down';
  paths: ThreadPath[];
  elements: GraphElements;
  /** A plain-language account of the thread for screen readers and exports. */
  description: string;
  /**
   * For a milestone, progress update or indicator: what it belongs to (its action, or what
   * it measures), whose thread this is; every path then starts from the item itself. Empty otherwise.
   */
  belongsTo?: NodeSummary[];
};

// ---------------------------------------------------------------- gaps

export type GapParameter = {
  name: string;
  type: 'plan' | 'date' | 'number' | 'basis' | 'text' | 'organisation' | 'outcome';
  description: string;
  default?: string | number;
  values?: readonly string[];
};

/** Which links (and derived due dates) an analysis counts: every one, or only those the documents print. */
export const GAP_BASIS_CHOICES = ['all', 'printed'] as const;
export type GapBasisChoice = (typeof GAP_BASIS_CHOICES)[number];
const basisChoice = z.enum(GAP_BASIS_CHOICES, { error: 'must be all or printed' });
export type GapCatalogueEntry = {
  id: string;
  title: string;
  explanation: string;
  parameters: GapParameter[];
  /** A saved analysis (issue 16): its author's query, or a template shipped with the product. */ saved?: { by: string; template: boolean; version: number };
};
export type GapCatalogueResponse = { analyses: GapCatalogueEntry[] };

export const GapParams = z
  .object({
    plan: NodeId.optional(),
    asOf: z.iso.date({ message: 'must be a date written YYYY-MM-DD' }).optional(),
    threshold: z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
    basis: basisChoice.optional().describe('all (the default) or printed: count only links and due dates the documents print'),
    limit: z.coerce
      .number()
      .int('must be a whole number')
      .min(1, `must be between 1 and ${MAX_GAP_PAGE}`)
      .max(MAX_GAP_PAGE, `must be between 1 and ${MAX_GAP_PAGE}`)
      .optional()
      .describe(`how many rows to return, from the first one offset names (default ${DEFAULT_GAP_PAGE}); page.total says how many the list holds`),
    offset: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').optional().describe('how many rows to skip (default 0): the next page starts at offset + limit'),
  })
  .strict();
export type GapParams = z.infer<typeof GapParams>;

export type GapColumn = { key: string; title: string };
export type GapCell = string | number | boolean | null | string[];
export type GapResponse = {
  id: string;
  title: string;
  /** The parameters the analysis ran with, defaults filled in (asOf: today when not given). */
  input: { plan: string | null; asOf: string; threshold: number; basis: GapBasisChoice };
  summary: string;
  columns: GapColumn[];
  /** One row per finding; `id` is the node the row is about (the map focuses it), the rest follow `columns`. */
  rows: ({ id: string } & Record<string, GapCell>)[];
  /** Node ids the map should highlight: those of the whole list, not only of this page. */
  highlight: string[];
  /** A ready-made analysis's rows come a page at a time: which rows these are, and how many the whole list holds. */
  page?: { offset: number; limit: number; total: number };
  /** Relationship ids the map should highlight too (a saved analysis's result can hold relationships). */
  highlightEdges?: string[];
  /** A saved analysis: the parameter values it ran with. */
  parameters?: Record<string, string>;
};

// ---------------------------------------------------------------- GET /api/matrix

export const MATRIX_AXES = ['organisation', 'nationalOutcome', 'strategicAim', 'frameworkOutcome', 'plan'] as const;
/**
 * Which organisations an organisation row credits with an action (the `count` parameter):
 * its lead only; its lead and its partners; or (the default) its lead, and its partners
 * where it has no named lead, as in the Lothian & Borders and Glasgow plans, which print
 * no leads. Not to be confused with `basis` (all links, or printed ones only).
 */
export const MATRIX_COUNTS = ['leads-else-partners', 'leads', 'leads-and-partners'] as const;
export type MatrixCount = (typeof MATRIX_COUNTS)[number];
export const MatrixParams = z
  .object({
    rows: z.enum(MATRIX_AXES).default('organisation'),
    cols: z.enum(MATRIX_AXES).default('nationalOutcome'),
    plan: NodeId.optional(),
    count: z.enum(MATRIX_COUNTS).default('leads-else-partners').describe('who an organisation row is credited with: leads-else-partners, leads or leads-and-partners'),
    basis: basisChoice.default('all').describe('all, or printed: count only links the documents print'),
  })
  .strict();
export type MatrixParams = z.infer<typeof MatrixParams>;
export type MatrixCell = {
  row: string;
  col: string;
  /** Distinct actions credited to the row that serve the column. */
  count: number;
  actions: string[];
  /** Of those, how many the row leads and how many it is a partner in (organisation rows; 0 for plan rows). Always sent. */
  leads?: number;
  partners?: number;
};
export type MatrixResponse = {
  /** Who the organisation rows were credited with (the `count` asked for, default filled in). */
  count: MatrixCount;
  rows: NodeSummary[];
  cols: NodeSummary[];
  cells: MatrixCell[];
  /**
   * Per column, every action serving it (within the plan filter) whatever its organisations,
   * and how many of those no row is credited with (no lead or partner named): what makes
   * an empty cell or column empty. A column with `actions` 0 is an outcome nobody serves.
   */
  columns: { col: string; actions: number; unattributed: number }[];
};

// ---------------------------------------------------------------- POST /api/query

export const AdHocQueryBody = z
  .object({
    cypher: z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10000 characters'),
    params: z.record(z.string(), z.unknown()).default({}),
    /** true: only check it against the engine's plan (errors at their position), run nothing. */
    check: z.boolean().optional(),
  })
  .strict();
export type AdHocQueryResponse = { columns: string[]; rows: Record<string, unknown>[]; truncated: boolean; elapsedMs: number };

export const STATUS_FILTERS = STATUSES;
