/**
 * The catalogue's CSV lines in parts the server builds (issue 15: a million rows of 22 fields
 * each cost the client more to parse and format than the server took to read them). Each part
 * is a run of the line's text, integer, enum and time fields, joined with commas and quoted as
 * RFC 4180 has it (below); the fields between the parts are
 * left to the client (catalogueCsv.ts): the obsid, the designation and the four DOUBLEs.
 * MariaDB writes a DOUBLE as text at about a microsecond each (more than the joins), and not
 * always as JavaScript would (1e-7 / 1e+21); read by prepared statement they arrive as their
 * 8 bytes instead, and the client writes them with JavaScript's String().
 * test/central/catalogueCsv.test.ts reads the lines back, field by field, on tricky values.
 */

/** Text quoted, quotes doubled, when it holds a quote, comma or line break. */
const text = (s: string) =>
  `IF(LOCATE('"', ${s}) OR LOCATE(',', ${s}) OR LOCATE(CHAR(13 USING utf8mb4), ${s}) OR LOCATE(CHAR(10 USING utf8mb4), ${s}), CONCAT('"', REPLACE(${s}, '"', '""'), '"'), ${s})`;

/** isoFromSql, 'YYYY-MM-DD HH:MM:SS.mmm' → 'YYYY-MM-DDTHH:MM:SS.mmmZ'; NULL as it writes null (never stored: the fold sets a recheck's time with its coordinator). */
const iso = (t: string) => `IFNULL(CONCAT(REPLACE(${t}, ' ', 'T'), IF(LENGTH(${t}) <= 19, '.000', ''), 'Z'), 'null.000Z')`;

/** The fields of a run, comma-joined (none of them is NULL: CONCAT_WS would drop it). */
const run = (fields: string[]) => `CONCAT_WS(',', ${fields.join(', ')})`;

/**
 * The page's select list: a.obsid, a.ra, a.dec, a.z_pipe, a.z, then the runs between them —
 * obsdate … fiberid, class_pipe and subclass_pipe, class and subclass, quality … rechecked_at
 * (CATALOGUE_COLUMNS order).
 */
export const CSV_PAGE_COLUMNS = [
  'a.obsid',
  'a.ra',
  'a.`dec`',
  'a.z_pipe',
  'a.z',
  run(['a.obsdate', 'a.lmjd', text('a.planid'), 'a.spid', 'a.fiberid']),
  run(['a.class_pipe', text('a.subclass_pipe')]),
  run(['a.class', text('a.subclass')]),
  run([
    'a.quality',
    'a.source',
    text('a.flags'),
    text('a.reviewers'),
    iso('a.first_checked'),
    iso('a.last_checked'),
    `IFNULL(${text('a.rechecked_by')}, '')`,
    `IF(a.rechecked_by IS NULL, '', ${iso('a.rechecked_at')})`,
  ]),
].join(', ');
