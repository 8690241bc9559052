/**
 * Writes the human-checked catalogue (catalogue.ts) to a file, as CSV or as a FITS binary
 * table, streaming: each page goes out as it arrives (one write per page, waiting while the
 * file's stream drains), so memory stays flat. One column list serves
 * both formats, with each column's unit and meaning (TUNITn, and the TTYPEn card's comment).
 * CSV lines come ready made from catalogueCsv.ts (most of each built by the server); this file
 * writes the header (the same column list) above them.
 * A file cut short by an error is removed: a half catalogue must not look like a whole one.
 */
import type { WriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { columnBytes, dataPadding, emptyPrimary, encodeRow, tableHeader, type StreamColumn, type StreamValue } from '../../shared/fits/tableStream';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/desk';
import { field as f } from './catalogue';
import type { CatalogueCsvPage, CatalogueRecord, CatalogueScope, QualityDesk } from './qualityDesk';

export { EXPORT_FORMATS, type ExportFormat };

/** Passes the pages through, calling `onRows` with the rows so far after each one. */
async function* counted<T>(pages: AsyncIterable<T>, size: (page: T) => number, onRows?: (n: number) => void): AsyncGenerator<T> {
  let n = 0;
  for await (const page of pages) {
    yield page;
    onRows?.((n += size(page)));
  }
}

/** Where the catalogue comes from: the central client (QualityDesk), or catalogue.ts over a pool. */
export type CatalogueSource = Pick<QualityDesk, 'catalogue' | 'catalogueCsv'>;

type Field = StreamColumn & { value: (r: CatalogueRecord) => StreamValue };

const text = (name: string, width: number, comment: string, value: Field['value']): Field => ({ name, format: 'A', width, comment, value });

export const CATALOGUE_COLUMNS: readonly Field[] = [
  { name: 'OBSID', format: 'K', comment: 'LAMOST spectrum id', value: f.obsid },
  text('DESIGNATION', 26, 'LAMOST JHHMMSS.ss+DDMMSS.s', f.designation),
  text('OBSDATE', 10, 'night of observation, YYYY-MM-DD', f.obsdate),
  { name: 'LMJD', format: 'J', unit: 'd', comment: 'local modified Julian day of the night', value: f.lmjd },
  text('PLANID', 64, 'plan (plate) id', f.planid),
  { name: 'SPID', format: 'I', comment: 'spectrograph 1-16', value: f.spid },
  { name: 'FIBERID', format: 'I', comment: 'fibre 1-250', value: f.fiberid },
  { name: 'RA', format: 'D', unit: 'deg', comment: 'right ascension J2000 (NaN: no target row)', value: f.ra },
  { name: 'DEC', format: 'D', unit: 'deg', comment: 'declination J2000 (NaN: no target row)', value: f.dec },
  text('CLASS_PIPE', 8, 'class from the 1D pipeline', f.pipelineClass),
  text('SUBCLASS_PIPE', 64, 'subclass from the 1D pipeline', f.pipelineSubclass),
  { name: 'Z_PIPE', format: 'D', comment: 'redshift from the 1D pipeline', value: f.pipelineZ },
  text('CLASS', 8, 'final class (recheck, else latest verdict)', f.finalClass),
  text('SUBCLASS', 64, 'final subclass', f.finalSubclass),
  { name: 'Z', format: 'D', comment: 'final redshift', value: f.finalZ },
  { name: 'QUALITY', format: 'I', comment: 'final quality 1-4 (0: not set)', value: f.quality },
  text('SOURCE', 10, 'recheck, verdict, or unresolved (disagree)', f.source),
  text('FLAGS', 256, 'flags of the current verdicts, comma-separated', f.flags),
  text('REVIEWERS', 512, 'reviewers, comma-separated, oldest first', f.reviewers),
  text('FIRST_CHECKED', 24, 'first current verdict, ISO 8601 UTC', f.firstChecked),
  text('LAST_CHECKED', 24, 'latest current verdict, ISO 8601 UTC', f.lastChecked),
  text('RECHECKED_BY', 64, 'coordinator of the recheck (blank: none)', (r) => f.recheckedBy(r) ?? ''),
  text('RECHECKED_AT', 24, 'time of the recheck, ISO 8601 UTC', (r) => f.recheckedAt(r) ?? ''),
];

/** Writes the scope's catalogue to `file`; resolves to how many rows were written. `onRows`: the count so far, after each page. */
export async function exportCatalogue(source: CatalogueSource, scope: CatalogueScope, format: ExportFormat, file: string, onRows?: (n: number) => void): Promise<number> {
  try {
    return format === 'csv'
      ? await writeCsv(counted(source.catalogueCsv(scope), (p) => p.rows, onRows), file)
      : await writeFits(counted(source.catalogue(scope), (p) => p.length, onRows), file);
  } catch (err) {
    // Never someone's existing file: both writers open with 'wx'.
    if ((err as { code?: string }).code === 'EEXIST') throw new RangeError(`${file} already exists; choose another name or remove it first`);
    await rm(file, { force: true });
    throw err;
  }
}

/** The CSV file's first line: the columns' names. */
export const CSV_HEADER = `${CATALOGUE_COLUMNS.map((c) => c.name.toLowerCase()).join(',')}\n`;

async function writeCsv(pages: AsyncIterable<CatalogueCsvPage>, file: string): Promise<number> {
  // Opened first, so that a file already there is refused before anything is written.
  const out = (await open(file, 'wx')).createWriteStream();
  let n = 0;
  try {
    await write(out, CSV_HEADER);
    // One write per page. The next page is read while this one drains, and written only
    // once it has: at most a page waits in memory, however slow the disk.
    let drained: Promise<unknown> = Promise.resolve();
    for await (const page of pages) {
      if (page.rows === 0) continue;
      await drained;
      drained = out.write(page.text) ? Promise.resolve() : once(out, 'drain');
      drained.catch(() => {}); // a write error is thrown where it is awaited, not as unhandled
      n += page.rows;
    }
    await drained;
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}

/** Waits when the stream's buffer is full, so a slow disk never piles pages up in memory. */
async function write(out: WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function writeFits(pages: AsyncIterable<readonly CatalogueRecord[]>, file: string): Promise<number> {
  const cards = [['ORIGIN', 'SpecVet', 'human-checked LAMOST catalogue'] as const];
  const primary = emptyPrimary([['COMMENT', 'SpecVet: the human-checked catalogue; one row per spectrum in CATALOGUE']]);
  const headerAt = primary.length;
  const rowBytes = CATALOGUE_COLUMNS.reduce((n, c) => n + columnBytes(c), 0);
  const fd = await open(file, 'wx');
  let n = 0;
  try {
    await fd.write(primary, 0, primary.length, 0);
    const header = tableHeader('CATALOGUE', CATALOGUE_COLUMNS, 0, cards);
    await fd.write(header, 0, header.length, headerAt);
    // One buffer, grown to the largest page and reused: one write per page.
    let buffer = new Uint8Array(0);
    let at = headerAt + header.length;
    for await (const page of pages) {
      const bytes = page.length * rowBytes;
      if (buffer.length < bytes) buffer = new Uint8Array(bytes);
      page.forEach((r, i) => encodeRow(CATALOGUE_COLUMNS, CATALOGUE_COLUMNS.map((c) => c.value(r)), buffer.subarray(i * rowBytes, (i + 1) * rowBytes)));
      await fd.write(buffer, 0, bytes, at);
      at += bytes;
      n += page.length;
    }
    await fd.write(new Uint8Array(dataPadding(n * rowBytes)), 0, dataPadding(n * rowBytes), at);
    const final = tableHeader('CATALOGUE', CATALOGUE_COLUMNS, n, cards);
    await fd.write(final, 0, final.length, headerAt);
  } finally {
    await fd.close();
  }
  return n;
}
