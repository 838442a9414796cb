import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { modelCompletions } from './completions.js';

/**
 * The console's Cypher editor: CodeMirror 6 with the Cypher mode of
 * @codemirror/legacy-modes for highlighting (Neo4j's own CodeMirror package targets an
 * older CodeMirror), completion from the domain model, and errors marked where the
 * engine found them before anything runs (`check` asks the server for the engine's
 * plan). Ctrl+Enter (Cmd+Enter) runs.
 */

export type CheckAnswer = { ok: true } | { ok: false; message: string; line?: number; column?: number };
export type CypherEditor = { view: EditorView; text(): string; setText(text: string): void; focus(): void };

export function createCypherEditor(parent: HTMLElement, options: { initial: string; onRun: () => void; onChange: () => void; check: (text: string) => Promise<CheckAnswer> }): CypherEditor {
  const engineLint = linter(
    async (view): Promise<Diagnostic[]> => {
      const text = view.state.doc.toString();
      if (!text.trim()) return [];
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets the inferred type that the code after it relies on (tsc fails without it)
      const answer = await options.check(text).catch(() => ({ ok: true }) as CheckAnswer);
      if (answer.ok || view.state.doc.toString() !== text) return [];
      const doc = view.state.doc;
      let from = 0;
      let to = Math.min(doc.length, doc.line(1).to || doc.length);
      if (answer.line && answer.line <= doc.lines) {
        const line = doc.line(answer.line);
        from = Math.min(line.to, line.from + Math.max(0, (answer.column ?? 1) - 1));
        to = Math.min(line.to, from + 1);
        if (to === from) from = Math.max(line.from, from - 1);
        to = Math.max(to, from + 1);
      }
      return [{ from, to: Math.min(to, doc.length), severity: 'error', message: answer.message, source: 'engine' }];
    },
    { delay: 900 },
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.initial,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (options.onRun(), true) }])),
        lineNumbers(),
        history(),
        bracketMatching(),
        closeBrackets(),
        StreamLanguage.define(cypher),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        autocompletion({ override: [modelCompletions] }),
        keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        lintGutter(),
        engineLint,
        placeholder('MATCH (a:Action)-[:SERVES]->(n:NationalOutcome {id: "no:9"}) RETURN a, n'),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': 'Cypher query (Ctrl+Enter runs it)' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange();
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
}
