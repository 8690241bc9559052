/**
 * Writes the human-checked catalogue (catalogue.ts) to a file, as CSV or as a FITS binary
 * table, streaming: rows go out as they arrive, so memory stays flat. One column list serves
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

/** How often (rows) an export says how far it got. */
const PROGRESS_EVERY = 500;

/** Passes the rows through, calling `onRows` every PROGRESS_EVERY rows. */
async function* counted(rows: AsyncIterable<CatalogueRow>, onRows: (n: number) => void): AsyncGenerator<CatalogueRow> {
  let n = 0;
  for await (const r of rows) {
    yield r;
    if (++n % PROGRESS_EVERY === 0) onRows(n);
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

/** Writes `rows` to `file`; resolves to how many were written. `onRows`: the count so far, now and then. */
export async function exportCatalogue(all: AsyncIterable<CatalogueRow>, format: ExportFormat, file: string, onRows?: (n: number) => void): Promise<number> {
  const rows = onRows ? counted(all, onRows) : all;
  try {
    return format === 'csv' ? await writeCsv(rows, file) : await writeFits(rows, file);
  } catch (err) {
    // Never someone's existing file: both writers open with 'wx'.
    if ((err as { code?: string }).code === 'EEXIST') throw new RangeError(`${file} already exists; choose another name or remove it first`);
    await rm(file, { force: true });
    throw err;
  }
}

const csvField = (v: StreamValue) => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

async function writeCsv(rows: AsyncIterable<CatalogueRow>, file: string): Promise<number> {
  // Opened first, so that a file already there is refused before anything is written.
  const out = (await open(file, 'wx')).createWriteStream();
  let n = 0;
  try {
    await write(out, `${CATALOGUE_COLUMNS.map((c) => c.name.toLowerCase()).join(',')}\n`);
    for await (const r of rows) {
      await write(out, `${CATALOGUE_COLUMNS.map((c) => csvField(c.value(r))).join(',')}\n`);
      n++;
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}

/** Waits when the stream's buffer is full, so a slow disk never piles rows up in memory. */
async function write(out: WriteStream, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

async function writeFits(rows: AsyncIterable<CatalogueRow>, file: string): Promise<number> {
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
    // Rows in chunks: one write per few hundred rows, not per row.
    const chunkRows = 256;
    const buffer = new Uint8Array(rowBytes * chunkRows);
    let filled = 0;
    let at = headerAt + header.length;
    const flush = async () => {
      await fd.write(buffer, 0, filled * rowBytes, at);
      at += filled * rowBytes;
      filled = 0;
    };
    for await (const r of rows) {
      encodeRow(CATALOGUE_COLUMNS, CATALOGUE_COLUMNS.map((c) => c.value(r)), buffer.subarray(filled * rowBytes, (filled + 1) * rowBytes));
      n++;
      if (++filled === chunkRows) await flush();
    }
    await flush();
    await fd.write(new Uint8Array(dataPadding(n * rowBytes)), 0, dataPadding(n * rowBytes), at);
    const final = tableHeader('CATALOGUE', CATALOGUE_COLUMNS, n, cards);
    await fd.write(final, 0, final.length, headerAt);
  } finally {
    await fd.close();
  }
  return n;
}
