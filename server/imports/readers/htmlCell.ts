import { parse, NodeType, type HTMLElement, type Node, type TextNode } from 'node-html-parser';
import { cleanText, stripBullet, type Cell } from '../sourceTable.js';

/**
 * One table cell's content, from the HTML mammoth makes of a Word cell or from the
 * stray tags a table pasted out of Word carries ("<p>...</p> <ul style=...> ...").
 * Paragraphs stay paragraphs and list items stay items; a list pasted without its
 * <li> tags is split back into items at sentence ends, which is how such lists read.
 */

const SENTENCE_END = /(?<=[.!?])\s+(?=['"‘’“A-Z])/;
const INLINE_BULLET = /\s+[•●▪\u2022]\s+/;

function textOf(node: Node): string {
  // `text` decodes entities (&amp; -> &); textContent would keep them.
  return cleanText((node as HTMLElement | TextNode).text ?? '');
}

function splitBullets(text: string): { lead: string; items: string[] } {
  const parts = text.split(INLINE_BULLET);
  const first = parts.shift() ?? '';
  const firstItem = stripBullet(first);
  if (firstItem !== null) return { lead: '', items: [firstItem, ...parts].map(cleanText).filter(Boolean) };
  return { lead: cleanText(first), items: parts.map(cleanText).filter(Boolean) };
}

function itemsOfList(list: HTMLElement): string[] {
  const lis = list.childNodes.filter((n): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE && (n as HTMLElement).tagName === 'LI');
  if (lis.length > 0) return lis.map((li) => cleanText(stripBullet(textOf(li)) ?? textOf(li))).filter(Boolean);
  // A list whose items were pasted as plain text: bullets if it has them, else sentences.
  const text = textOf(list);
  const bulleted = splitBullets(text);
  if (bulleted.items.length > 0) return [bulleted.lead, ...bulleted.items].filter(Boolean);
  return text.split(SENTENCE_END).map(cleanText).filter(Boolean);
}

export function cellFromHtml(html: string, span = 1): Cell {
  const root = parse(html, { blockTextElements: { script: false, style: false } });
  const cell: Cell = { paragraphs: [], items: [], span };
  let pending = '';
  const flush = () => {
    const text = cleanText(pending);
    pending = '';
    if (!text) return;
    const { lead, items } = splitBullets(text);
    if (lead) cell.paragraphs.push(lead);
    cell.items.push(...items);
  };
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.nodeType === NodeType.TEXT_NODE) {
        pending += ' ' + ((node as TextNode).text ?? '');
        continue;
      }
      if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
      const el = node as HTMLElement;
      const tag = el.tagName;
      if (tag === 'UL' || tag === 'OL') {
        flush();
        cell.items.push(...itemsOfList(el));
      } else if (tag === 'LI') {
        flush();
        const t = textOf(el);
        if (t) cell.items.push(stripBullet(t) ?? t);
      } else if (tag === 'P' || tag === 'DIV' || /^H[1-6]$/.test(tag)) {
        flush();
        pending = textOf(el);
        flush();
      } else if (tag === 'BR') {
        flush();
      } else if (tag === 'TABLE') {
        flush();
        pending = textOf(el);
        flush();
      } else {
        visit(el.childNodes);
      }
    }
  };
  visit(root.childNodes);
  flush();
  return cell;
}

/** A cell of plain text (a spreadsheet cell or a pasted field): lines, bullets and any stray tags. */
export function cellFromText(text: string, span = 1): Cell {
  if (/<\/?(p|ul|ol|li|br|div|span|b|i|strong|em)\b/i.test(text)) return cellFromHtml(text.replace(/\r?\n/g, '<br>'), span);
  const cell: Cell = { paragraphs: [], items: [], span };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = cleanText(rawLine);
    if (!line) continue;
    const { lead, items } = splitBullets(line);
    if (lead) cell.paragraphs.push(lead);
    cell.items.push(...items);
  }
  return cell;
}
