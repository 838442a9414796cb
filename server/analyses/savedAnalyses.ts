import { randomBytes } from 'node:crypto';
import type { AnalysisParameter, SavedAnalysis, SavedAnalysisBody, SavedAnalysisPatch } from '../../model/analyses.js';
import type { GapCatalogueEntry, GapResponse } from '../../model/api.js';
import { resultAsGap, resultSummary } from '../../model/queryResult.js';
import type { Actor } from '../../model/roles.js';
import type { SavedAnalysisRow } from '../../model/system.js';
import { HttpError } from '../api/errors.js';
import { systemRowOf } from '../changes/audit.js';
import { changePipelineFor } from '../changes/pipeline.js';
import { queries } from '../cypher/registry.js';
import { nodeSummaries } from '../graph/summaries.js';
import { StoreError, type AdHocLimits, type AdHocResult, type GraphStore, type NodeValue } from '../store/port.js';
import { parameterValues, sampleValues } from './parameterValues.js';
import { RunQueue } from './runQueue.js';
import { TEMPLATES, type Template } from './templates.js';

/**
 * Saved analyses: stored as SavedAnalysis system rows through the change pipeline
 * (versioned, audited, undone by revert), listed in the gaps catalogue beside the
 * ready-made analyses together with the templates shipped in cypher/analyses/, and run
 * exactly as the console runs a query: the engine's plan decides whether it may run, and
 * the console's time, row and size caps bound it.
 */

export type ConsoleErrorOf = (err: StoreError) => Error;
const PARAMETER_DESCRIPTIONS: Record<AnalysisParameter['type'], string> = {
  text: 'text; empty when left out',
  plan: 'a plan (its id); every plan when left out',
  organisation: 'an organisation (its id); any when left out',
  outcome: 'an outcome, aim, priority or framework outcome (its id); any when left out',
  date: 'a date, YYYY-MM-DD; empty when left out',
};

export class SavedAnalyses {
  private readonly queue = new RunQueue();

  constructor(
    private readonly store: GraphStore,
    private readonly limits: AdHocLimits,
    private readonly consoleError: ConsoleErrorOf,
  ) {}

  private get engine(): string {
    return this.store.kind;
  }

  private templateAnalysis(t: Template): SavedAnalysis {
    const cypher = queries().text(t.query, this.store.kind === 'neo4j' ? 'neo4j' : 'ladybug');
    return {
      id: t.id,
      version: 1,
      title: t.title,
      explanation: t.explanation,
      cypher,
      engine: this.engine,
      parameters: t.parameters,
      createdBy: 'Golden Thread',
      createdAt: '2026-12-02T00:00:00.000Z',
      updatedBy: 'Golden Thread',
      updatedAt: '2026-12-02T00:00:00.000Z',
      template: true,
    };
  }

  /** Templates first, then what people saved, oldest first; deleted ones are left out. */
  async list(): Promise<SavedAnalysis[]> {
    const rows = (await this.store.read('system/all-saved-analysis')).map((r) => systemRowOf('SavedAnalysis', r.n as NodeValue));
    const saved = rows
      .filter((r) => !r.deleted)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map(analysisOf);
    return [...TEMPLATES.map((t) => this.templateAnalysis(t)), ...saved];
  }

  async get(id: string): Promise<SavedAnalysis | null> {
    const template = TEMPLATES.find((t) => t.id === id);
    if (template) return this.templateAnalysis(template);
    const row = (await this.store.read('system/get-saved-analysis', { id }))[0]?.n as NodeValue | undefined;
    const saved = row ? systemRowOf('SavedAnalysis', row) : null;
    return saved && !saved.deleted ? analysisOf(saved) : null;
  }

  async catalogue(): Promise<GapCatalogueEntry[]> {
    return (await this.list()).map(catalogueEntryOf);
  }

  /** Refuses (400 naming why) a query the console would not run: the engine's plan for it decides, nothing runs. */
  async check(cypher: string, parameters: readonly AnalysisParameter[]): Promise<void> {
    // Every $name the text uses is declared, and every declared one is used (the engine refuses a value it is not asked for).
    const used = usedParameters(cypher);
    const issues = [
      ...[...used].filter((n) => !parameters.some((p) => p.name === n)).map((n) => ({ field: 'parameters', reason: `the query uses $${n}, which parameters does not declare` })),
      ...parameters.flatMap((p, i) => (used.has(p.name) ? [] : [{ field: `parameters.${i}.name`, reason: `the query does not use $${p.name}` }])),
    ];
    if (issues.length) throw new HttpError(400, 'bad_request', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues);
    try {
      await this.queue.run(() => this.store.readOnlyQuery(cypher, sampleValues(parameters), { ...this.limits, explainOnly: true }));
    } catch (err) {
      if (err instanceof StoreError && (err.code === 'refused' || err.code === 'query' || err.code === 'read-only')) {
        const reason = err.code === 'read-only' ? 'the engine refused a write: a saved analysis only reads' : err.message;
        throw new HttpError(400, 'query_refused', `the query cannot be saved: ${reason}`, [{ field: 'cypher', reason }]);
      }
      throw this.failure(err);
    }
  }

  async create(body: SavedAnalysisBody, actor: Actor): Promise<{ analysis: SavedAnalysis; changeId: string }> {
    await this.check(body.cypher, body.parameters);
    const id = `saved-${slug(body.title)}-${randomBytes(3).toString('hex')}`;
    const fields = { title: body.title, explanation: body.explanation, cypher: body.cypher, engine: this.engine, parameters: JSON.stringify(body.parameters) };
    const result = await changePipelineFor(this.store).submitRecord({ op: 'create', table: 'SavedAnalysis', id, fields }, actor, `save the analysis “${body.title}”`);
    return { analysis: (await this.get(id))!, changeId: result.changeId };
  }

  async update(id: string, patch: SavedAnalysisPatch, actor: Actor): Promise<{ analysis: SavedAnalysis; changeId: string }> {
    const now = await this.existing(id);
    const cypher = patch.cypher ?? now.cypher;
    const parameters = patch.parameters ?? now.parameters;
    if (patch.cypher !== undefined || patch.parameters !== undefined) await this.check(cypher, parameters);
    const set: Partial<SavedAnalysisRow> = {
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.explanation !== undefined ? { explanation: patch.explanation } : {}),
      ...(patch.cypher !== undefined ? { cypher: patch.cypher, engine: this.engine } : {}),
      ...(patch.parameters !== undefined ? { parameters: JSON.stringify(patch.parameters) } : {}),
    };
    const op = { op: 'update' as const, table: 'SavedAnalysis' as const, id, set, ...(patch.expectedVersion !== undefined ? { expectedVersion: patch.expectedVersion } : {}) };
    const result = await changePipelineFor(this.store).submitRecord(op, actor, `change the analysis “${patch.title ?? now.title}”`);
    return { analysis: (await this.get(id))!, changeId: result.changeId };
  }

  async remove(id: string, expectedVersion: number | undefined, actor: Actor): Promise<{ changeId: string }> {
    const now = await this.existing(id);
    const op = { op: 'delete' as const, table: 'SavedAnalysis' as const, id, ...(expectedVersion !== undefined ? { expectedVersion } : {}) };
    const result = await changePipelineFor(this.store).submitRecord(op, actor, `delete the analysis “${now.title}”`);
    return { changeId: result.changeId };
  }

  /** Runs a saved analysis (a template or one someone saved) with the values of the query string; the gap list's shape. */
  async run(analysis: SavedAnalysis, query: Record<string, unknown>): Promise<GapResponse> {
    if (analysis.engine !== this.engine) {
      throw new HttpError(409, 'other_dialect', `this analysis was saved in the ${analysis.engine} store's dialect; this server runs ${this.engine}: save it again here`);
    }
    const values = await parameterValues(this.store, analysis.parameters, query);
    let result: AdHocResult;
    try {
      result = await this.queue.run(() => this.store.readOnlyQuery(analysis.cypher, values, this.limits));
    } catch (err) {
      throw this.failure(err);
    }
    const names = await nodeSummaries(this.store, candidateIds(result));
    const table = resultAsGap(result, (id) => names.get(id));
    return {
      id: analysis.id,
      title: analysis.title,
      input: { plan: values.plan || null, asOf: new Date().toISOString().slice(0, 10), threshold: 0.35, basis: 'all' },
      parameters: values,
      summary: resultSummary(table, result.truncated),
      ...table,
    };
  }

  private async existing(id: string): Promise<SavedAnalysis> {
    if (TEMPLATES.some((t) => t.id === id)) throw new HttpError(403, 'template', `${id} is a template shipped with Golden Thread: save a copy to change it`);
    const analysis = await this.get(id);
    if (!analysis) throw new HttpError(404, 'not_found', `no saved analysis ${id}`);
    return analysis;
  }

  private failure(err: unknown): Error {
    if (err instanceof Error && err.message === 'queue full') return new HttpError(503, 'busy', 'too many analyses are waiting to run; try again in a moment');
    return err instanceof StoreError ? this.consoleError(err) : (err as Error);
  }
}

function analysisOf(row: SavedAnalysisRow): SavedAnalysis {
  const { deleted: _deleted, parameters, ...rest } = row;
  return { ...rest, parameters: JSON.parse(parameters) as AnalysisParameter[], template: false };
}

export function catalogueEntryOf(a: SavedAnalysis): GapCatalogueEntry {
  return {
    id: a.id,
    title: a.title,
    explanation: a.explanation,
    parameters: a.parameters.map((p) => ({ name: p.name, type: p.type, description: PARAMETER_DESCRIPTIONS[p.type] })),
    saved: { by: a.createdBy, template: a.template, version: a.version },
  };
}

/** The $names a query text uses (a $ inside a string literal counts too: declaring it costs nothing). */
function usedParameters(cypher: string): Set<string> {
  return new Set([...cypher.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!));
}

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'analysis'
  );
}

/** Every node id a result may name: node values' ids and text cells (a query may RETURN a.id). */
function candidateIds(result: AdHocResult): string[] {
  const ids = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.length <= 200 && v.includes(':')) ids.add(v);
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const t = v as { graph?: string; properties?: { id?: unknown }; nodes?: unknown[] };
      if (t.graph === 'node' && typeof t.properties?.id === 'string') ids.add(t.properties.id);
      if (t.graph === 'path') t.nodes?.forEach(visit);
    }
  };
  for (const row of result.rows) Object.values(row).forEach(visit);
  return [...ids];
}
