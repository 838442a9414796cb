import { consoleError, type QueryLimits } from '../api/queryRoutes.js';
import type { GraphStore } from '../store/port.js';
import { SavedAnalyses } from './savedAnalyses.js';

/** The saved analyses of a store, bounded by the console's own caps (a saved analysis is a console query). */
export function savedAnalysesFor(store: GraphStore, limits: Pick<QueryLimits, 'queryTimeoutMs' | 'queryMaxRows' | 'queryMaxBytes'>): SavedAnalyses {
  return new SavedAnalyses(store, { timeoutMs: limits.queryTimeoutMs, maxRows: limits.queryMaxRows, maxBytes: limits.queryMaxBytes ?? 2_000_000 }, (err) => consoleError(err, limits.queryTimeoutMs));
}
