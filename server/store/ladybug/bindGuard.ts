/**
 * What must not reach LadybugDB even to be explained.
 *
 * The plan decides what runs (see planPolicy.ts), but asking for the plan is not free
 * of effects on this engine: EXPLAIN EXPORT DATABASE creates the target folder, binding
 * LOAD FROM or a file-reading table function opens the file, and binding
 * read_csv_serial on a missing file crashes the process. Those statements can only be
 * written with one of the words below, so the raw text is searched for them, with no
 * lexing at all: no comment, string, backtick or number can hide a word from a search
 * that does not know what those are. The price is that the words cannot appear even in
 * a string; the message says to pass such text as a parameter.
 *
 * This guard only refuses. It never decides that a query is safe: the plan does.
 */

/** Statements that touch files, databases or extensions when bound or explained. */
const GUARDED_WORDS = ['LOAD', 'COPY', 'IMPORT', 'EXPORT', 'ATTACH', 'INSTALL'] as const;

/**
 * Table functions (and standalone functions) LadybugDB 0.19 lists in show_functions()
 * that are not on the harmless list. Those that read files are the reason for this
 * list; the others are here so that the list is the engine's whole catalogue minus the
 * harmless ones (test/api/query-attacks.spec.ts checks that against the engine).
 */
export const GUARDED_FUNCTIONS = [
  'READ_CSV_SERIAL',
  'READ_CSV_PARALLEL',
  'READ_PARQUET',
  'READ_NPY',
  'READ_PANDAS',
  'READ_JSON',
  'FILE_INFO',
  'PROJECT_GRAPH',
  'PROJECT_GRAPH_CYPHER',
  'DROP_PROJECTED_GRAPH',
  '_CACHE_ARRAY_COLUMN_LOCALLY',
  'CLEAR_WARNINGS',
  'SHOW_ATTACHED_DATABASES',
  'STATS_INFO',
  'FSM_INFO',
  'CURRENT_SETTING',
  'STORAGE_INFO',
  'STORAGE_VERSION',
  'DISK_SIZE_INFO',
  'SHOW_WARNINGS',
  'DISK_INFO',
  'PROJECTED_GRAPH_INFO',
  'SHOW_MACROS',
  'SHOW_LOADED_EXTENSIONS',
  'SHOW_PROJECTED_GRAPHS',
  'SHOW_OFFICIAL_EXTENSIONS',
  'BM_INFO',
  'CATALOG_VERSION',
  'SHOW_SEQUENCES',
  'SHOW_GRAPHS',
  'SHOW_FUNCTIONS',
  'SHOW_INDEXES',
  'COPY_CSV',
  'COPY_PARQUET',
] as const;

/**
 * A word counts unless a letter or underscore is glued to its front or a letter,
 * digit or underscore to its back: then the engine reads one longer name. A digit in
 * front does not protect it (`2E0LOAD` is a number and LOAD to the engine).
 */
const wordPattern = (word: string) => new RegExp(`(?<![A-Za-z_])${word}(?![A-Za-z0-9_])`, 'i');
const GUARDS = [...GUARDED_WORDS, ...GUARDED_FUNCTIONS].map((word) => ({ word, pattern: wordPattern(word) }));
// Control characters other than tab and line breaks (a NUL defeats file-name checks).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type GuardRefusal = { reason: string };

export function guardBeforeExplain(cypher: string): GuardRefusal | null {
  if (CONTROL.test(cypher)) return { reason: 'the query holds a control character (such as NUL); remove it' };
  for (const { word, pattern } of GUARDS) {
    if (pattern.test(cypher)) {
      return {
        reason: `${word} cannot appear in a console query, not even in a string, a name or a comment, because it reaches files or the engine's settings; pass text that contains it as a parameter ($name) instead`,
      };
    }
  }
  return null;
}
