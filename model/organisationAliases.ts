import { DOCUMENT_ALIAS_PATTERN } from './nodes.js';

/**
 * What a printed name means in one document. Some aliases belong to several bodies:
 * "CJA" is each Community Justice Authority in its own plan; "CJSW" is Glasgow's
 * Criminal Justice Social Work Services in the Glasgow plan, the Lanarkshire councils'
 * service in the Lanarkshire 2010 report, and the generic service in the Lothian &
 * Borders glossary. So a name resolves by document first, and only then globally:
 *
 * 1. the organisations that declare it as a document alias of THIS document;
 * 2. else the organisations whose name it is;
 * 3. else the organisations that carry it as a global alias.
 *
 * One id is a match; several are ambiguous (the caller asks, or records a vague lead);
 * none is no match. An alias declared for some document is never global by that
 * declaration: elsewhere it matches only where an organisation carries it as a global alias.
 */

export type AliasedOrganisation = { id: string; name: string; aliases?: readonly string[] | null; documentAliases?: readonly string[] | null };

const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The document aliases of an organisation, as [document, alias] pairs. */
export function documentAliasesOf(org: Pick<AliasedOrganisation, 'documentAliases'>): [document: string, alias: string][] {
  return (org.documentAliases ?? []).flatMap((entry) => {
    const m = DOCUMENT_ALIAS_PATTERN.exec(entry);
    return m ? [[m[1]!, m[2]!] as [string, string]] : [];
  });
}

/** The ids a printed name means in `document` (a source file name, or null when it has none), by the rules above. */
export function resolveOrganisationName(printed: string, document: string | null, organisations: readonly AliasedOrganisation[]): string[] {
  const name = fold(printed);
  if (name === '') return [];
  const ids = (match: (o: AliasedOrganisation) => boolean) =>
    organisations
      .filter(match)
      .map((o) => o.id)
      .sort();
  if (document !== null) {
    const scoped = ids((o) => documentAliasesOf(o).some(([d, a]) => d === document && fold(a) === name));
    if (scoped.length) return scoped;
  }
  const named = ids((o) => fold(o.name) === name);
  if (named.length) return named;
  return ids((o) => (o.aliases ?? []).some((a) => fold(a) === name));
}
