import { IMPORT_FIELDS, type ImportMapping } from '../../model/importMapping.js';
import type { ImportPreview } from './importApi.js';

/**
 * The wizard's mapping, as pure functions: the headings of a preview with the field
 * each is read as (recognised, or chosen by the user), and the unmatched
 * organisation names with the choice made for each. What the user chose is kept in an
 * ImportMapping (model/importMapping.ts), the same data the CLI saves for next quarter.
 */

export type HeadingRow = { heading: string; field: string | null; recognised: boolean; how: string | null };

/** One row per distinct heading: recognised ones with their field, the rest with the user's choice or none. */
export function headingRows(preview: ImportPreview, mapping: ImportMapping): HeadingRow[] {
  const rows = new Map<string, HeadingRow>();
  for (const r of preview.headings.recognised) if (!rows.has(r.heading)) rows.set(r.heading, { heading: r.heading, field: r.field, recognised: r.how !== 'mapping', how: r.how });
  for (const u of preview.headings.unrecognised) if (!rows.has(u.heading)) rows.set(u.heading, { heading: u.heading, field: null, recognised: false, how: null });
  for (const [heading, field] of Object.entries(mapping.columns)) {
    const row = rows.get(heading);
    if (row) rows.set(heading, { ...row, field, recognised: false, how: 'mapping' });
  }
  return [...rows.values()];
}

export function withColumn(mapping: ImportMapping, heading: string, field: string): ImportMapping {
  const columns = { ...mapping.columns };
  if (field === '') delete columns[heading];
  else if ((IMPORT_FIELDS as readonly string[]).includes(field)) columns[heading] = field as ImportMapping['columns'][string];
  return { ...mapping, columns };
}

/** `id` an organisation, null for "names no organisation", undefined to leave it unmatched. */
export function withOrganisation(mapping: ImportMapping, printed: string, id: string | null | undefined): ImportMapping {
  const organisations = { ...mapping.organisations };
  if (id === undefined) delete organisations[printed];
  else organisations[printed] = id;
  return { ...mapping, organisations };
}

export const emptyMapping = (): ImportMapping => ({ name: 'import wizard', columns: {}, organisations: {} });

/** The first action the import adds, to show on the map once committed. */
export function firstAddedAction(preview: ImportPreview): string | null {
  return preview.diff.nodes.added.find((n) => n.kind === 'Action')?.id ?? null;
}
