/**
 * The catalogue as CSV text, a page at a time: the server sends each row's text runs ready
 * made (catalogueCsvSql.ts) and its DOUBLEs as 8 bytes; the client puts in the obsid, the
 * designation (shared/designation.ts, as the FITS export's column) and the numbers (JavaScript's
 * String(), which reads back as the same DOUBLE), at a fraction of the cost of formatting each
 * field on the client (docs/central.md). test/central/catalogueCsv.test.ts reads the lines back.
 */
import type { Pool } from 'mysql2/promise';
import { designation } from '../../shared/designation';
import { cataloguePages } from './catalogue';
import { CSV_PAGE_COLUMNS } from './catalogueCsvSql';
import { toNumber } from './connection';
import type { CatalogueCsvPage, CatalogueScope } from './qualityDesk';

/** String(x) of a DOUBLE (the shortest text that reads back as it), '' for NULL. */
const num = (v: unknown) => (v === null ? '' : String(v));

/** The page's lines: the rows as cataloguePages gives them in CSV_PAGE_COLUMNS (catalogueCsvSql.ts's order). */
function lines(page: readonly unknown[][]): string {
  let text = '';
  for (const r of page) {
    const [obsid, ra, dec, zPipe, z, survey, pipeline, final, rest] = r;
    const named = ra === null || dec === null ? '' : designation(toNumber(ra), toNumber(dec));
    text += `${toNumber(obsid)},${named},${survey},${num(ra)},${num(dec)},${pipeline},${num(zPipe)},${final},${num(z)},${rest}\n`;
  }
  return text;
}

/** The scope's catalogue as CSV lines (no header), a page at a time in obsid order. */
export async function* catalogueCsv(pool: Pool, scope: CatalogueScope, pageSize?: number): AsyncGenerator<CatalogueCsvPage> {
  for await (const page of cataloguePages(pool, scope, CSV_PAGE_COLUMNS, pageSize)) yield { rows: page.length, text: lines(page) };
}
