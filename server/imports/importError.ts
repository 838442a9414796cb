/**
 * Every problem an import finds is one of these: it names the file, and where it
 * can, the sheet or table, the row and the column, so that the person who made
 * the spreadsheet can go straight to the cell. A file that raises one writes nothing.
 */

export type ImportPlace = { file: string; table?: string; row?: number; column?: number | string };

export class ImportError extends Error {
  constructor(
    readonly place: ImportPlace,
    readonly reason: string,
  ) {
    super(formatPlace(place) + ': ' + reason);
    this.name = 'ImportError';
  }
}

export function formatPlace(place: ImportPlace): string {
  const parts = [place.file];
  if (place.table) parts.push(place.table);
  parts.push(place.row !== undefined ? `row ${place.row}` : 'row -');
  parts.push(place.column !== undefined ? `column ${place.column}` : 'column -');
  return parts.join(', ');
}

/** Bounds every reader enforces before and while it parses. */
export type ImportLimits = {
  /** Bytes of the uploaded file. */
  maxFileBytes: number;
  /** Bytes a zipped file (.docx, .xlsx) may unpack to, over all its entries. */
  maxUnzippedBytes: number;
  /** Ratio of unpacked to packed size beyond which a zip is taken for a bomb. */
  maxZipRatio: number;
  maxColumns: number;
  maxRows: number;
};

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUnzippedBytes: 100 * 1024 * 1024,
  maxZipRatio: 200,
  maxColumns: 200,
  maxRows: 50_000,
};
