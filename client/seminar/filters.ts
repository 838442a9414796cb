import type { MapFilters } from '../../model/seminars.js';
import { STATUSES } from '../../model/vocabulary.js';
import { DEFAULT_FILTERS, FRAMEWORKS, type Filters, type Framework } from '../state/types.js';

const STATUSES_OK: ReadonlySet<string> = new Set(STATUSES);

/** The protocol's map filters in the explorer's own types: null is the explorer's defaults; a value it does not know is left out. */
export function explorerFilters(f: MapFilters | null): Filters {
  if (!f) return DEFAULT_FILTERS;
  return {
    plan: f.plan,
    organisation: f.organisation,
    framework: (FRAMEWORKS as readonly string[]).includes(f.framework ?? '') ? (f.framework as Framework) : null,
    statuses: f.statuses.filter((s): s is Filters['statuses'][number] => STATUSES_OK.has(s)),
    yearBand: f.yearBand,
    kinds: f.kinds.length > 0 ? f.kinds : DEFAULT_FILTERS.kinds,
  };
}
