import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChangeServer, type Answer, type ChangeServer } from '../changes/changeServer.js';
import { buildDocx, buildXlsx, type RawBlock, type RawCell } from '../imports/sourceTables.js';
import { text } from './inputs.js';

/**
 * The importer, fuzzed over real HTTP (POST /api/imports, then commit): random but
 * structurally valid Word documents and Excel workbooks built with the writer libraries
 * (docx, exceljs, through test/imports/sourceTables.ts), CSV and pasted tab-separated text
 * with random quoting, line ends and encodings, headings and cells drawn from the plans'
 * own vocabulary ("Action", "Lead", "timescales", the seed's organisations) mixed with
 * hostile text, and byte garbage: random bytes, and valid files truncated or with bytes
 * flipped. Whatever comes, the answer is never a 5xx; a refusal is a 400 naming the file
 * and place; an upload (a dry run) writes nothing; a commit either writes one change or
 * nothing. GT_FUZZ_RUNS sets the files per kind (default 10).
 */

const RUNS = Number(process.env.GT_FUZZ_RUNS ?? 10);
let api: ChangeServer;
const tally = new Map<string, Map<string, number>>();
let serial = 0;

let editor: { cookie: string; csrf: string };

beforeAll(async () => {
  api = await startChangeServer();
  // The server's own caller sends JSON; a file goes as raw bytes, with the editor's session.
  const login = await fetch(`${api.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'editor', password: 'editor-password-123' }),
  });
  expect(login.status).toBe(200);
  editor = { cookie: login.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
}, 240_000);

async function upload(path: string, bytes: Buffer): Promise<Answer> {
  const res = await fetch(api.base + path, {
    method: 'POST',
    headers: { cookie: editor.cookie, 'x-csrf-token': editor.csrf, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  const body = await res.text();
  return { status: res.status, body: body ? JSON.parse(body) : null };
}
afterAll(async () => {
  const lines = [...tally].map(([kind, outcomes]) => `  ${kind.padEnd(22)} ${[...outcomes].map(([o, n]) => `${o}×${n}`).join(' ')}`);
  console.log(`[fuzz] importer: ${RUNS} files per kind, answers (upload, then commit of each accepted one):\n${lines.join('\n')}`);
  await api?.close();
});

async function state() {
  const [health, feed] = await Promise.all([api.call('GET', '/api/health', undefined, 'admin'), api.call('GET', '/api/changes?limit=1', undefined, 'admin')]);
  return { counts: health.body.counts, lastChange: feed.body.changes[0]?.changeId ?? null };
}

// ---------------------------------------------------------------- generators

const HEADINGS = [
  'Action',
  'Action Number',
  'Local outcome',
  'Local target',
  'Key actions',
  'Frequency /source',
  'timescales',
  'Timescale',
  'lead',
  'Lead agency',
  'Progress',
  'Outcome',
  'Objective',
  'Status',
  'RAG',
  'Partners',
  'Comments',
];
const VALUES = [
  '1',
  '1.2',
  '2.5.7',
  'Ongoing',
  'March 2011',
  '2010-11',
  'Q2',
  'Red',
  'Amber',
  'Green',
  'MAPPA steering group',
  'City of Edinburgh Council',
  'NHS Lothian',
  'Lothian and Borders Police',
  'SACRO',
  'Reduce reoffending',
  '•',
  '• first item',
  '<p>a paragraph</p>',
  '<ul><li>x</li></ul>',
];
const cellText = fc.oneof(fc.constantFrom(...HEADINGS), fc.constantFrom(...VALUES), text, fc.lorem({ maxCount: 12 }));
const cell: fc.Arbitrary<RawCell> = fc.record({ paragraphs: fc.array(cellText, { maxLength: 3 }), items: fc.array(cellText, { maxLength: 3 }) });
const headerRow = fc.shuffledSubarray(HEADINGS, { minLength: 1, maxLength: 9 }).map((hs) => hs.map((h) => ({ paragraphs: [h], items: [] })));
const table = fc
  .tuple(fc.oneof(headerRow, fc.array(cell, { minLength: 1, maxLength: 8 })), fc.array(fc.array(cell, { minLength: 1, maxLength: 9 }), { maxLength: 8 }))
  .map(([head, rows]) => ({ kind: 'table' as const, rows: [head, ...rows] }));
const heading = cellText.map((t) => ({ kind: 'heading' as const, text: t || 'Heading' }));
/** Half the time a plan's shape (a heading, then a table under a row of real column headings), half the time anything. */
const planShaped = fc
  .tuple(heading, fc.tuple(headerRow, fc.array(fc.array(cell, { minLength: 1, maxLength: 9 }), { minLength: 1, maxLength: 8 })))
  .map(([h, [head, rows]]) => [h, { kind: 'table' as const, rows: [head, ...rows] }]);
const blocks: fc.Arbitrary<RawBlock[]> = fc.oneof(planShaped, fc.array(fc.oneof(table, heading), { maxLength: 5 }));

const flat = (c: RawCell) => [...c.paragraphs, ...c.items.map((i) => `• ${i}`)].join('\n');
const rowsOf = (bs: RawBlock[]) => bs.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r.map(flat)) : [[b.text]]));

/** CSV with quoting that is sometimes right, sometimes missing, sometimes broken; any line end; sometimes a BOM or Latin-1. */
const csv = fc
  .tuple(blocks, fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('always', 'needed', 'never', 'broken'), fc.constantFrom(',', ';'), fc.boolean(), fc.constantFrom('utf8', 'latin1', 'utf16le'))
  .map(([bs, eol, quoting, sep, bom, encoding]) => {
    const quote = (v: string) => (quoting === 'always' || (quoting === 'needed' && /[",;\n\r]/.test(v)) ? `"${v.replace(/"/g, '""')}"` : quoting === 'broken' && v.length % 3 === 0 ? `"${v}` : v);
    const body = rowsOf(bs)
      .map((r) => r.map(quote).join(sep))
      .join(eol);
    return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(body || 'Action', encoding as BufferEncoding)]);
  });
/** A table copied out of Word or Excel and pasted: tab-separated lines, with Word's stray tags in cells. */
const pasted = fc.tuple(blocks, fc.constantFrom('\n', '\r\n')).map(([bs, eol]) =>
  Buffer.from(
    rowsOf(bs)
      .map((r) => r.map((v) => v.replace(/\n/g, ' ')).join('\t'))
      .join(eol) || 'Action\tLead',
    'utf8',
  ),
);

/** A valid file damaged: cut short, bytes flipped, or a zip entry replaced by garbage. */
async function damaged(valid: Buffer, how: 'truncate' | 'flip' | 'entry', at: number, bytes: Uint8Array): Promise<Buffer> {
  if (how === 'truncate') return valid.subarray(0, Math.max(2, at % valid.length));
  if (how === 'flip') {
    const out = Buffer.from(valid);
    for (let i = 0; i < bytes.length; i++) out[(at + i * 97) % out.length] = bytes[i]!;
    return out;
  }
  const zip = await JSZip.loadAsync(valid);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  zip.file(names[at % names.length]!, Buffer.from(bytes));
  return zip.generateAsync({ type: 'nodebuffer' });
}

type Kind = { name: string; file: string; make: fc.Arbitrary<Promise<Buffer>> };
const damage = fc.tuple(fc.constantFrom('truncate' as const, 'flip' as const, 'entry' as const), fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 }));

const KINDS: Kind[] = [
  { name: 'docx', file: 'plan.docx', make: blocks.map((bs) => buildDocx(bs)) },
  { name: 'xlsx', file: 'plan.xlsx', make: blocks.map((bs) => buildXlsx(bs)) },
  { name: 'csv', file: 'plan.csv', make: csv.map(async (b) => b) },
  { name: 'pasted text', file: 'pasted.txt', make: pasted.map(async (b) => b) },
  { name: 'damaged docx', file: 'plan.docx', make: fc.tuple(blocks, damage).map(async ([bs, [how, at, bytes]]) => damaged(await buildDocx(bs), how, at, bytes)) },
  { name: 'damaged xlsx', file: 'plan.xlsx', make: fc.tuple(blocks, damage).map(async ([bs, [how, at, bytes]]) => damaged(await buildXlsx(bs), how, at, bytes)) },
  {
    name: 'byte garbage',
    file: 'x',
    make: fc
      .tuple(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.boolean())
      .map(async ([bytes, zipMagic]) => Buffer.concat([zipMagic ? Buffer.from('PK\x03\x04', 'latin1') : Buffer.alloc(0), Buffer.from(bytes)])),
  },
];

function checkRefusal(what: string, res: Answer): void {
  expect(res.status, what).toBeLessThan(500);
  expect(res.status, what).toBe(400);
  expect(res.body, what).toMatchObject({ error: { status: 400, code: expect.stringMatching(/^(bad_file|bad_request)$/), message: expect.any(String) } });
  expect(res.body.error.issues?.[0]?.field, what).toEqual(expect.stringMatching(/\S/));
}

describe.each(KINDS)('$name', (kind) => {
  it('is answered without a 5xx; a refusal is a 400 naming the place and writes nothing; an upload writes nothing', async () => {
    const outcomes = new Map<string, number>();
    tally.set(kind.name, outcomes);
    const count = (o: string) => outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    const extension = fc.constantFrom('docx', 'xlsx', 'csv', 'tsv', 'txt', 'pdf');
    await fc.assert(
      fc.asyncProperty(kind.make, extension, async (made, ext) => {
        const buffer = await made;
        const file = kind.file === 'x' ? `garbage.${ext}` : kind.file;
        const plan = `fuzz-${++serial}`;
        const what = `${kind.name} ${file} (${buffer.length} bytes, starting ${buffer.subarray(0, 24).toString('hex')})`;
        const before = await state();
        const staged = await upload(`/api/imports?file=${encodeURIComponent(file)}&plan=${plan}`, buffer);
        count(`upload ${staged.status}`);
        expect(staged.status, what).toBeLessThan(500);
        // An upload is a preview, the change pipeline's dry run: nothing is written whatever it found.
        expect(await state(), what).toEqual(before);
        if (staged.status !== 201) return checkRefusal(what, staged);
        expect(staged.body).toMatchObject({ importId: expect.stringMatching(/^import:/), committed: false });
        const commit = await api.call('POST', `/api/imports/${staged.body.importId}/commit`, {}, 'editor');
        count(`commit ${commit.status}`);
        expect(commit.status, what).toBeLessThan(500);
        if (commit.status >= 300) {
          expect(await state(), `${what}: the refused commit wrote`).toEqual(before);
          return;
        }
        // Committed: one change with origin import, or nothing when the file held nothing new.
        const after = await state();
        if (commit.body.committed) expect(after.lastChange).toBe(commit.body.changeId);
        else expect(after).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
