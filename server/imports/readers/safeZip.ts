import yauzl from 'yauzl';
import { ImportError, type ImportLimits } from '../importError.js';

/**
 * Checks a zipped Office file (.docx, .xlsx) before any Office library sees it:
 * it must be a whole zip, and unpacking every entry must stay under the size limit
 * and a sane packing ratio. Each entry is really inflated here, counting bytes as
 * they come, and yauzl refuses an entry that inflates past the size it declares,
 * so a bomb that lies in its directory is caught too. The libraries that then read
 * the file inflate the same entries, so they are bounded by what passed here.
 */

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip))),
  );
}

export async function checkZip(buffer: Buffer, file: string, limits: ImportLimits, requiredEntry: string): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (err) {
    throw new ImportError({ file }, `not a complete ${file.split('.').pop()} file: the zip archive cannot be read (${(err as Error).message}); is it truncated?`);
  }
  const budget = Math.min(limits.maxUnzippedBytes, Math.max(buffer.length, 1) * limits.maxZipRatio);
  let total = 0;
  let sawRequired = false;
  const tooBig = (entry: string) => new ImportError({ file }, `the archive unpacks to more than ${budget} bytes (entry ${entry}); refused as a possible zip bomb`);
  await new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => {
      zip.close();
      reject(err);
    };
    zip.on('error', (err: Error) => fail(new ImportError({ file }, `the zip archive is damaged (${err.message}); is it truncated?`)));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName === requiredEntry) sawRequired = true;
      if (/\/$/.test(entry.fileName)) return zip.readEntry();
      if (total + entry.uncompressedSize > budget) return fail(tooBig(entry.fileName));
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return fail(new ImportError({ file }, `entry ${entry.fileName} cannot be read (${err?.message})`));
        stream.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total > budget) {
            stream.destroy();
            fail(tooBig(entry.fileName));
          }
        });
        stream.on('error', (e: Error) => fail(new ImportError({ file }, `entry ${entry.fileName} is damaged (${e.message}); is the file truncated?`)));
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
  if (!sawRequired) throw new ImportError({ file }, `not a ${file.split('.').pop()} file: the archive has no ${requiredEntry}`);
}
