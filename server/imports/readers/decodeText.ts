import { ImportError } from '../importError.js';

/**
 * Text files must be UTF-8 (with or without a byte order mark) or UTF-16 with its
 * mark, which is what Excel's "Unicode text" writes. Anything else is refused with
 * the line and column of the first byte that is not UTF-8, rather than guessed at:
 * a guess turns "£" and "–" into other letters without anyone noticing.
 */
export function decodeText(buffer: Buffer, file: string): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer.subarray(2));
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer.subarray(2));
  const body = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? buffer.subarray(3) : buffer;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    const nul = text.indexOf('\u0000');
    if (nul >= 0) throw Object.assign(new Error('nul'), { at: Buffer.byteLength(text.slice(0, nul)) });
    return text;
  } catch (err) {
    const at = (err as { at?: number }).at ?? firstInvalidUtf8(body);
    const before = body.subarray(0, at);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = at - (before.lastIndexOf(0x0a) + 1) + 1;
    throw new ImportError(
      { file, row: line, column },
      `not UTF-8 text: byte 0x${(body[at] ?? 0).toString(16).padStart(2, '0')} at line ${line}, column ${column}; save the file as UTF-8 (CSV UTF-8 in Excel) and import it again`,
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
