import type { Response } from 'express';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { ChangeDiff } from '../../model/changes.js';
import type { SeminarSummary } from '../../model/seminars.js';
import { csvCell } from '../export/exportCsv.js';

/**
 * The seminar's record as Markdown (for minutes), CSV (one row per item, for a
 * spreadsheet) and DOCX (for the board papers), from the one summary object.
 */

type Summary = SeminarSummary & { changes: { changeId: string; seq: number; at: string; actor: string; reason: string | null }[] };

export async function sendSummary(res: Response, format: 'json' | 'md' | 'csv' | 'docx', summary: Summary): Promise<void> {
  const base = `seminar-${summary.seminar.code}`;
  if (format === 'json') {
    res.json(summary);
    return;
  }
  if (format === 'md') {
    res.type('text/markdown; charset=utf-8').attachment(`${base}.md`).send(summaryMarkdown(summary));
    return;
  }
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').attachment(`${base}.csv`).send(summaryCsv(summary));
    return;
  }
  res
    .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    .attachment(`${base}.docx`)
    .send(await summaryDocx(summary));
}

/** One line per node or link the diff touches: "added Action x", "updated x: lead", "linked SERVES a -> b". */
export function diffLines(diff: ChangeDiff): string[] {
  return [
    ...diff.nodes.added.map((n) => `added ${n.kind} ${n.id}`),
    ...diff.nodes.updated.map((n) => `updated ${n.id}: ${n.fields.map((f) => `${f.field} ${JSON.stringify(f.before)} -> ${JSON.stringify(f.after)}`).join('; ')}`),
    ...diff.nodes.removed.map((n) => `removed ${n.kind} ${n.id}`),
    ...diff.relationships.added.map((r) => `linked ${r.type} ${r.from} -> ${r.to}`),
    ...diff.relationships.removed.map((r) => `unlinked ${r.type} ${r.from} -> ${r.to}`),
  ];
}

type Section = { heading: string; lines: string[] };

function sections(s: Summary): Section[] {
  return [
    { heading: 'Decisions', lines: s.decisions.map((d) => `${d.at} — ${d.decision} by ${d.by}: ${d.comment} (proposed by ${d.author})`) },
    {
      heading: 'Accepted changes',
      lines: s.accepted.flatMap((a) => [`${a.comment} (proposed by ${a.author}; change ${a.changeId ?? 'none: a decision only'})`, ...diffLines(a.diff).map((l) => `  ${l}`)]),
    },
    { heading: 'Declined proposals', lines: s.declined.map((d) => `${d.comment} (proposed by ${d.author}) — reason: ${d.reason}`) },
    { heading: 'Proposals still open', lines: s.open.map((o) => `${o.comment} (proposed by ${o.author})`) },
    { heading: 'Votes on proposals', lines: s.proposalVotes.map((v) => `${v.up} for, ${v.down} against: ${v.comment}`) },
    ...s.rounds.map((r) => ({
      heading: `Dot vote: ${r.title}`,
      lines: r.ranking.map((e, i) => `${i + 1}. ${e.label} — ${e.score} dot${e.score === 1 ? '' : 's'}${e.voters ? ` (${e.voters.join(', ')})` : ''}`),
    })),
    { heading: 'Attendance', lines: s.attendance.map((a) => `${a.displayName}${a.role === 'facilitator' ? ' (facilitator)' : ''}, joined ${a.joinedAt}`) },
    { heading: 'Audit entries', lines: s.changes.map((c) => `${c.changeId} (#${c.seq}, ${c.at}, by ${c.actor})`) },
  ];
}

function title(s: Summary): string {
  return `${s.seminar.title} — seminar ${s.seminar.code}, ${s.seminar.startedAt.slice(0, 10)}${s.seminar.endedAt ? ` to ${s.seminar.endedAt.slice(11, 16)} UTC` : ' (still running)'}`;
}

export function summaryMarkdown(s: Summary): string {
  // '>' is left alone: it quotes only at a line's start, and every line here starts with text or '- '.
  const md = (t: string) => t.replace(/([\\`*_[\]<#|])/g, '\\$1');
  const out = [`# ${md(title(s))}`, ''];
  for (const sec of sections(s)) {
    out.push(`## ${md(sec.heading)}`, '');
    out.push(...(sec.lines.length ? sec.lines.map((l) => (l.startsWith('  ') ? `    - ${md(l.trim())}` : `- ${md(l)}`)) : ['(none)']), '');
  }
  return out.join('\n');
}

export function summaryCsv(s: Summary): string {
  const rows: string[][] = [['section', 'item', 'decision', 'by', 'score', 'detail']];
  for (const d of s.decisions) rows.push(['decision', d.comment, d.decision, d.by, '', d.author]);
  for (const a of s.accepted) for (const l of diffLines(a.diff)) rows.push(['accepted change', a.comment, 'accepted', a.author, '', l]);
  for (const d of s.declined) rows.push(['declined', d.comment, 'declined', d.author, '', d.reason]);
  for (const v of s.proposalVotes) rows.push(['proposal vote', v.comment, '', '', String(v.up - v.down), `${v.up} for, ${v.down} against`]);
  for (const r of s.rounds) for (const e of r.ranking) rows.push(['dot vote', e.label, '', '', String(e.score), r.title]);
  for (const a of s.attendance) rows.push(['attendance', a.displayName, '', '', '', a.role]);
  return rows.map((r) => r.map((c) => csvCell(c)).join(',')).join('\r\n') + '\r\n';
}

export async function summaryDocx(s: Summary): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: title(s), heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT })];
  for (const sec of sections(s)) {
    children.push(new Paragraph({ text: sec.heading, heading: HeadingLevel.HEADING_2 }));
    if (!sec.lines.length) children.push(new Paragraph({ children: [new TextRun({ text: '(none)', italics: true })] }));
    for (const l of sec.lines) children.push(new Paragraph({ text: l.trim(), bullet: { level: l.startsWith('  ') ? 1 : 0 } }));
  }
  return Packer.toBuffer(new Document({ creator: 'Golden Thread', title: s.seminar.title, sections: [{ children }] }));
}
