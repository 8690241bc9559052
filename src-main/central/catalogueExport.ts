/**
 * Writes the human-checked catalogue (catalogue.ts) to a file, as CSV or as a FITS binary
 * table, streaming: each page goes out as it arrives (one write per page, waiting while the
 * file's stream drains), so memory stays flat. One column list serves
 * both formats, with each column's unit and meaning (TUNITn, and the TTYPEn card's comment).
 * A file cut short by an error is removed: a half catalogue must not look like a whole one.
 */
import type { WriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { columnBytes, dataPadding, emptyPrimary, encodeRow, tableHeader, type StreamColumn, type StreamValue } from '../../shared/fits/tableStream';
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/desk';
import type { CatalogueRow } from './qualityDesk';

export { EXPORT_FORMATS, type ExportFormat };

/** Passes the pages through, calling `onRows` with the rows so far after each one. */
async function* counted(pages: AsyncIterable<readonly CatalogueRow[]>, onRows: (n: number) => void): AsyncGenerator<readonly CatalogueRow[]> {
  let n = 0;
  for await (const page of pages) {
    yield page;
    onRows((n += page.length));
  }
}

type Field = StreamColumn & { value: (r: CatalogueRow) => StreamValue };

const text = (name: string, width: number, comment: string, value: Field['value']): Field => ({ name, format: 'A', width, comment, value });

export const CATALOGUE_COLUMNS: readonly Field[] = [
  { name: 'OBSID', format: 'K', comment: 'LAMOST spectrum id', value: (r) => r.obsid },
  text('DESIGNATION', 26, 'LAMOST JHHMMSS.ss+DDMMSS.s', (r) => r.designation),
  text('OBSDATE', 10, 'night of observation, YYYY-MM-DD', (r) => r.obsdate),
  { name: 'LMJD', format: 'J', unit: 'd', comment: 'local modified Julian day of the night', value: (r) => r.lmjd },
  text('PLANID', 64, 'plan (plate) id', (r) => r.planid),
  { name: 'SPID', format: 'I', comment: 'spectrograph 1-16', value: (r) => r.spid },
  { name: 'FIBERID', format: 'I', comment: 'fibre 1-250', value: (r) => r.fiberid },
  { name: 'RA', format: 'D', unit: 'deg', comment: 'right ascension J2000 (NaN: no target row)', value: (r) => r.ra },
  { name: 'DEC', format: 'D', unit: 'deg', comment: 'declination J2000 (NaN: no target row)', value: (r) => r.dec },
  text('CLASS_PIPE', 8, 'class from the 1D pipeline', (r) => r.pipeline.class),
  text('SUBCLASS_PIPE', 64, 'subclass from the 1D pipeline', (r) => r.pipeline.subclass),
  { name: 'Z_PIPE', format: 'D', comment: 'redshift from the 1D pipeline', value: (r) => r.pipeline.z },
  text('CLASS', 8, 'final class (recheck, else latest verdict)', (r) => r.final.class),
  text('SUBCLASS', 64, 'final subclass', (r) => r.final.subclass),
  { name: 'Z', format: 'D', comment: 'final redshift', value: (r) => r.final.z },
  { name: 'QUALITY', format: 'I', comment: 'final quality 1-4 (0: not set)', value: (r) => r.final.quality },
  text('SOURCE', 10, 'recheck, verdict, or unresolved (disagree)', (r) => r.final.source),
  text('FLAGS', 256, 'flags of the current verdicts, comma-separated', (r) => r.flags.join(',')),
  text('REVIEWERS', 512, 'reviewers, comma-separated, oldest first', (r) => r.reviewers.join(',')),
  text('FIRST_CHECKED', 24, 'first current verdict, ISO 8601 UTC', (r) => r.firstChecked),
  text('LAST_CHECKED', 24, 'latest current verdict, ISO 8601 UTC', (r) => r.lastChecked),
  text('RECHECKED_BY', 64, 'coordinator of the recheck (blank: none)', (r) => r.rechecked?.by ?? ''),
  text('RECHECKED_AT', 24, 'time of the recheck, ISO 8601 UTC', (r) => r.rechecked?.at ?? ''),
];

/** Writes the catalogue's pages to `file`; resolves to how many rows were written. `onRows`: the count so far, after each page. */
export async function exportCatalogue(all: AsyncIterable<readonly CatalogueRow[]>, format: ExportFormat, file: string, onRows?: (n: number) => void): Promise<number> {
  const pages = onRows ? counted(all, onRows) : all;
  try {
    return format === 'csv' ? await writeCsv(pages, file) : await writeFits(pages, file);
  } catch (err) {
    // Never someone's existing file: both writers open with 'wx'.
    if ((err as { code?: string }).code === 'EEXIST') throw new RangeError(`${file} already exists; choose another name or remove it first`);
    await rm(file, { force: true });
    throw err;
  }
}

/** Text is quoted when it holds a quote, comma or line break. */
const csvText = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Numbers never need quoting. */
const csvField = (c: Field, v: StreamValue) => (v === null ? '' : c.format === 'A' ? csvText(String(v)) : String(v));

const csvLine = (r: CatalogueRow) => CATALOGUE_COLUMNS.map((c) => csvField(c, c.value(r))).join(',');

async function writeCsv(pages: AsyncIterable<readonly CatalogueRow[]>, file: string): Promise<number> {
  // Opened first, so that a file already there is refused before anything is written.
  const out = (await open(file, 'wx')).createWriteStream();
  let n = 0;
  try {
    await write(out, `${CATALOGUE_COLUMNS.map((c) => c.name.toLowerCase()).join(',')}\n`);
    // One write per page. The next page is read while this one drains, and written only
    // once it has: at most a page waits in memory, however slow the disk.
    let drained: Promise<unknown> = Promise.resolve();
    for await (const page of pages) {
      if (page.length === 0) continue;
      const text = `${page.map(csvLine).join('\n')}\n`;
      await drained;
      drained = out.write(text) ? Promise.resolve() : once(out, 'drain');
      drained.catch(() => {}); // a write error is thrown where it is awaited, not as unhandled
      n += page.length;
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

async function writeFits(pages: AsyncIterable<readonly CatalogueRow[]>, file: string): Promise<number> {
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
