import { z } from 'zod';

/**
 * Where a node or relationship came from. Every item in the graph carries one:
 * either a passage of a source document (file, line range and the quoted text)
 * or an edit made in Golden Thread (who and when).
 */

export const SOURCE_FILE_PATTERN = /^[a-z0-9][a-z0-9.-]*\.txt$/;

export const DocumentProvenance = z
  .object({
    source: z.literal('document'),
    file: z.string().regex(SOURCE_FILE_PATTERN, 'must be a source file name such as lothian-borders-cja-area-plan-2011-14.txt'),
    lines: z.tuple([z.int().min(1), z.int().min(1)]).refine(([from, to]) => to >= from, 'the last line must not come before the first'),
    /** Verbatim text from those lines; whitespace may be folded but not reworded. */
    quote: z.string().trim().min(1, 'must quote the source text'),
  })
  .strict();

export const EditProvenance = z
  .object({
    source: z.literal('edit'),
    author: z.string().trim().min(1, 'must name the author of the edit'),
    at: z.iso.datetime({ offset: true }),
    note: z.string().optional(),
  })
  .strict();

/**
 * An item read from an imported file (a Word table, an Excel sheet, a CSV): the
 * file's name as uploaded, the sheet or table inside it, the rows and the row's text.
 * Stored in the same columns as document provenance, with the sheet or table in provNote.
 */
export const ImportProvenance = z
  .object({
    source: z.literal('import'),
    file: z
      .string()
      .trim()
      .min(1, 'must name the imported file')
      .max(200, 'must be at most 200 characters')
      .regex(/^[^\\/\u0000-\u001f]+$/, 'must be a file name without folders'),
    table: z.string().trim().min(1, 'must name the sheet or table').max(200),
    rows: z.tuple([z.int().min(1), z.int().min(1)]).refine(([from, to]) => to >= from, 'the last row must not come before the first'),
    quote: z.string().trim().min(1, 'must quote the row').max(2000),
  })
  .strict();

export const Provenance = z.discriminatedUnion('source', [DocumentProvenance, EditProvenance, ImportProvenance]);
export type Provenance = z.infer<typeof Provenance>;
export type DocumentProvenance = z.infer<typeof DocumentProvenance>;
export type ImportProvenance = z.infer<typeof ImportProvenance>;

/** Column names provenance is flattened into, the same on every node and relationship table. */
export const PROVENANCE_COLUMNS = {
  provSource: 'STRING',
  provFile: 'STRING',
  provLineFrom: 'INT64',
  provLineTo: 'INT64',
  provQuote: 'STRING',
  provAuthor: 'STRING',
  provAt: 'STRING',
  provNote: 'STRING',
} as const;

export type FlatProvenance = {
  provSource: string;
  provFile: string | null;
  provLineFrom: number | null;
  provLineTo: number | null;
  provQuote: string | null;
  provAuthor: string | null;
  provAt: string | null;
  provNote: string | null;
};

export function flattenProvenance(p: Provenance): FlatProvenance {
  if (p.source === 'document') {
    return {
      provSource: 'document',
      provFile: p.file,
      provLineFrom: p.lines[0],
      provLineTo: p.lines[1],
      provQuote: p.quote,
      provAuthor: null,
      provAt: null,
      provNote: null,
    };
  }
  if (p.source === 'import') {
    return {
      provSource: 'import',
      provFile: p.file,
      provLineFrom: p.rows[0],
      provLineTo: p.rows[1],
      provQuote: p.quote,
      provAuthor: null,
      provAt: null,
      provNote: p.table,
    };
  }
  return {
    provSource: 'edit',
    provFile: null,
    provLineFrom: null,
    provLineTo: null,
    provQuote: null,
    provAuthor: p.author,
    provAt: p.at,
    provNote: p.note ?? null,
  };
}

export function unflattenProvenance(row: Record<string, unknown>): Provenance {
  if (row.provSource === 'document') {
    return Provenance.parse({
      source: 'document',
      file: row.provFile,
      lines: [row.provLineFrom, row.provLineTo],
      quote: row.provQuote,
    });
  }
  if (row.provSource === 'import') {
    return Provenance.parse({
      source: 'import',
      file: row.provFile,
      table: row.provNote,
      rows: [row.provLineFrom, row.provLineTo],
      quote: row.provQuote,
    });
  }
  return Provenance.parse({
    source: 'edit',
    author: row.provAuthor,
    at: row.provAt,
    ...(row.provNote ? { note: row.provNote } : {}),
  });
}
