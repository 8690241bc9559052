/**
 * The CSV export, most of each line built by the server (catalogueCsvSql.ts, catalogueCsv.ts),
 * read back as a user's CSV reader would (test/support/csv.ts, strict RFC 4180) gives every
 * field of every row as the database holds it (the rows as catalogue.ts reads them for the FITS
 * export: each column's value) — on the values where text and numbers could go wrong: text
 * with quotes, commas, line breaks and non-ASCII letters; z of 0, −0, negative, with 17 digits,
 * tiny and huge (where JavaScript writes an exponent); no target row (no position, no
 * designation); designations at rounding edges; times on the second and with milliseconds; a
 * recheck and none; an obsid past 2^53. The lines a user checks by eye are spelt out below.
 * DOUBLEs are read by prepared statement, so they arrive exact (mysql2's text parser misreads
 * some 17-digit values, see the last test). Real MariaDB, real files.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralClient } from '../../src-main/central/centralClient';
import { catalogue } from '../../src-main/central/catalogue';
import { catalogueCsv } from '../../src-main/central/catalogueCsv';
import { CATALOGUE_COLUMNS, CSV_HEADER, exportCatalogue } from '../../src-main/central/catalogueExport';
import type { CatalogueRecord, CatalogueScope } from '../../src-main/central/qualityDesk';
import { parseCsv } from '../support/csv';
import { createTestDatabase, type TestDatabase } from '../support/mariadb';
import { addPerson, adminConnection, poolAs, sessionAs } from './fixtures';

interface Case {
  obsid: string;
  night: 1 | 2;
  planid?: string;
  subclassPipe?: string;
  zPipe?: number;
  /** null: no target_info row. */
  at?: [ra: number, dec: number] | null;
  verdicts: { reviewer: string; subclass?: string; z: number; flags?: string[]; time: string }[];
  recheck?: { by: string; subclass: string; z: number; time: string };
}

const CASES: Case[] = [
  { obsid: '101', night: 1, at: [10.5, 20.25], verdicts: [{ reviewer: 'alice', z: 0.1, time: '2024-06-01 00:00:00.000' }] },
  { obsid: '102', night: 1, zPipe: -0, at: [0, 0], verdicts: [{ reviewer: 'alice', z: 0, time: '2024-06-01 12:34:56.789' }] },
  { obsid: '103', night: 1, zPipe: -0.00123, at: [359.999999999, -0.000001], verdicts: [{ reviewer: 'bob', z: -0.0004567, time: '2024-06-02 01:02:03.004' }] },
  { obsid: '104', night: 1, zPipe: 1234.5678901234567, at: [-0.0000001, 89.99999999], verdicts: [{ reviewer: 'bob', z: 0.12345678901234568, time: '2024-06-02 01:02:03.100' }] },
  { obsid: '105', night: 1, zPipe: 1.5e21, at: [14.99999999972, -90], verdicts: [{ reviewer: 'alice', z: 1.2345678901234566e-7, time: '2024-06-03 00:00:00.999' }] },
  { obsid: '106', night: 2, zPipe: 2.5e-300, at: null, verdicts: [{ reviewer: 'alice', z: 9.999999e-7, time: '2024-06-03 00:00:01.000' }] },
  { obsid: '107', night: 2, at: [180.00000000001, -45.99999999], verdicts: [{ reviewer: 'alice', subclass: 'line\nbreak "q", c\r', z: 1e15, time: '2024-06-03 00:00:02.000' }] },
  {
    obsid: '108',
    night: 2,
    planid: 'P,"2"',
    subclassPipe: 'a,b',
    at: [0.0000625, 0.00001388888888888889],
    verdicts: [
      { reviewer: 'o"neil', subclass: 'say "hi"\nthere', z: 2.0000000000000004, flags: ['a,b', 'q"uote'], time: '2024-06-04 00:00:00.000' },
      { reviewer: 'zoë, jr', subclass: 'é😀\r\n', z: 2, flags: ['plain'], time: '2024-06-04 00:00:00.000' },
    ],
    recheck: { by: 'co,ord "x"', subclass: 'K0 "x", y', z: 96.56975648962793, time: '2024-07-01 00:00:00.500' },
  },
  { obsid: '9007199254740993', night: 2, at: [359.995, 0.5], verdicts: [{ reviewer: 'cy', z: 96.56975648962793, time: '2024-06-05 23:59:59.999' }] },
];

let db: TestDatabase;
let pool: Pool;
let client: CentralClient;
const dir = mkdtempSync(join(tmpdir(), 'specvet-csv-'));

beforeAll(async () => {
  db = await createTestDatabase();
  const admin = await adminConnection(db);
  try {
    await admin.query('SET SESSION foreign_key_checks = 0');
    for (const night of [1, 2]) {
      for (const planid of new Set(CASES.filter((c) => c.night === night).map((c) => c.planid ?? `P${night}`))) {
        await admin.query('INSERT INTO plan_info (lmjd, planid, obsdate, ra, `dec`, seeing, moon, science) VALUES (?, ?, ?, 0, 0, 2, 0.3, 1)', [60000 + night, planid, `2024-01-0${night}`]);
      }
    }
    let rev = 0;
    for (const [i, c] of CASES.entries()) {
      const fibre = [60000 + c.night, c.planid ?? `P${c.night}`, 1, i + 1];
      await admin.query(
        `INSERT INTO spec_info (obsid, lmjd, planid, spid, fiberid, class, subclass, z, z_err, version_1d, file_path) VALUES (?, ?, ?, ?, ?, 'STAR', ?, ?, 0.001, 'v2.9', 'f')`,
        [c.obsid, ...fibre, c.subclassPipe ?? 'G5', c.zPipe ?? 0.1],
      );
      if (c.at !== null) {
        const [ra, dec] = c.at ?? [1, 1];
        await admin.query("INSERT INTO target_info (lmjd, planid, spid, fiberid, ra, `dec`, objtype, tsource) VALUES (?, ?, ?, ?, ?, ?, 'Star', 't')", [...fibre, ra, dec]);
      }
      for (const v of c.verdicts) {
        await admin.query(
          `INSERT INTO humanverify (id, obsid, batch_id, reviewer, class, subclass, z, quality, flags, comment, supersedes, created_at, rev)
           VALUES (UUID(), ?, UUID(), ?, 'GALAXY', ?, ?, 3, ?, '', NULL, ?, ?)`,
          [c.obsid, v.reviewer, v.subclass ?? '', v.z, JSON.stringify(v.flags ?? []), v.time, ++rev],
        );
      }
      if (c.recheck) {
        const r = c.recheck;
        await admin.query("INSERT INTO humanrecheck (id, obsid, coordinator, class, subclass, z, quality, comment, created_at, rev) VALUES (UUID(), ?, ?, 'QSO', ?, ?, 4, '', ?, ?)", [c.obsid, r.by, r.subclass, r.z, r.time, ++rev]);
      }
    }
    await admin.query('UPDATE sync_rev SET rev = ? WHERE id = 1', [rev]);
  } finally {
    await admin.end();
  }
  const coordinator = await addPerson(db, 'coordinator', 'csvco');
  pool = poolAs(db, coordinator);
  client = await sessionAs(db, coordinator);
}, 120_000);

afterAll(async () => {
  await client?.close();
  await pool?.end();
  await db?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The scope's rows as the database holds them, read page by page as the FITS export reads them. */
async function storedRecords(scope: CatalogueScope): Promise<CatalogueRecord[]> {
  const records: CatalogueRecord[] = [];
  for await (const page of catalogue(pool, scope, 2)) records.push(...page);
  return records;
}

async function serverLines(scope: CatalogueScope, pageSize: number): Promise<string> {
  let text = '';
  for await (const page of catalogueCsv(pool, scope, pageSize)) text += page.text;
  return text;
}

/** A number as JavaScript reads one back: digits, a point, an exponent (never empty, never quoted). */
const NUMBER = /^-?\d+(\.\d+)?(e[+-]\d+)?$/;

/** Reads the exported file back and holds each field to the stored row's value of its column. */
async function expectReadsBack(file: string, scope: CatalogueScope): Promise<void> {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  expect(header).toEqual(CATALOGUE_COLUMNS.map((c) => c.name.toLowerCase()));
  const stored = await storedRecords(scope);
  expect(rows.map((r) => r[0])).toEqual(stored.map((r) => String(CATALOGUE_COLUMNS[0]!.value(r))));
  for (const [i, row] of rows.entries()) {
    expect(row).toHaveLength(CATALOGUE_COLUMNS.length);
    for (const [j, c] of CATALOGUE_COLUMNS.entries()) {
      const value = c.value(stored[i]!);
      const at = `obsid ${row[0]}, ${c.name}: "${row[j]}"`;
      if (value === null) expect(row[j], at).toBe('');
      else if (typeof value === 'number') {
        expect(row[j], at).toMatch(NUMBER);
        // The same DOUBLE (−0 written 0 reads back equal, as a CSV reader has it).
        expect(Number(row[j]) === value, `${at} is not ${value}`).toBe(true);
      } else expect(row[j], at).toBe(value);
    }
  }
}

describe('the CSV export built by the server', () => {
  it('reads back field by field as the database holds the rows, for all nights and for a range', async () => {
    const all = join(dir, 'all.csv');
    expect(await exportCatalogue(client, {}, 'csv', all)).toBe(CASES.length);
    await expectReadsBack(all, {});
    const later = join(dir, 'later.csv');
    expect(await exportCatalogue(client, { from: '2024-01-02' }, 'csv', later)).toBe(CASES.filter((c) => c.night === 2).length);
    await expectReadsBack(later, { from: '2024-01-02' });
  });

  it('writes the same lines whatever the page size, and the file is the header and those lines', async () => {
    const lines = await serverLines({}, 5000);
    for (const pageSize of [2, 3]) expect(await serverLines({}, pageSize)).toBe(lines);
    const file = join(dir, 'again.csv');
    await exportCatalogue(client, {}, 'csv', file);
    expect(readFileSync(file, 'utf8')).toBe(CSV_HEADER + lines);
  });

  it('writes the lines a user checks: quoting, empty position, designations at the edges, exponents', async () => {
    const lines = (await serverLines({}, 5000)).split('\n');
    const line = (obsid: string) => lines.find((l) => l.startsWith(`${obsid},`))!;
    expect(line('102')).toMatch(/^102,LAMOST J000000\.00\+000000\.0,2024-01-01,60001,P1,1,2,0,0,STAR,G5,0,GALAXY,,0,3,verdict,,alice,2024-06-01T12:34:56\.789Z,/);
    expect(line('103')).toMatch(/^103,LAMOST J000000\.00-000000\.0,.*,-0\.00123,GALAXY,,-0\.0004567,/);
    expect(line('104')).toMatch(/^104,LAMOST J000000\.00\+900000\.0,.*,-1e-7,89\.99999999,STAR,G5,1234\.5678901234567,GALAXY,,0\.12345678901234568,/);
    expect(line('105')).toMatch(/^105,LAMOST J010000\.00-900000\.0,.*,1\.5e\+21,GALAXY,,1\.2345678901234566e-7,/);
    expect(line('106')).toMatch(/^106,,2024-01-02,60002,P2,1,6,,,STAR,G5,2\.5e-300,GALAXY,,9\.999999e-7,3,verdict,,alice,2024-06-03T00:00:01\.000Z,2024-06-03T00:00:01\.000Z,,$/);
    expect(line('108')).toBe(
      '108,LAMOST J000000.02+000000.1,2024-01-02,60002,"P,""2""",1,8,0.0000625,0.00001388888888888889,STAR,"a,b",0.1,' +
        'QSO,"K0 ""x"", y",96.56975648962793,4,recheck,"a,b,plain,q""uote","o""neil,zoë, jr",' +
        '2024-06-04T00:00:00.000Z,2024-06-04T00:00:00.000Z,"co,ord ""x""",2024-07-01T00:00:00.500Z',
    );
    expect(line('9007199254740992')).toMatch(/^9007199254740992,LAMOST J235958\.80\+003000\.0,/);
  });

  it('writes each DOUBLE as stored, where the text protocol (the export before) read it one digit off', async () => {
    const [rows] = await pool.query({ sql: 'SELECT z FROM catalogue_answer WHERE obsid = 9007199254740993', rowsAsArray: true });
    const misread = (rows as unknown[][])[0]![0];
    const [stored] = await pool.query('SELECT z = 96.56975648962793e0 AS same FROM catalogue_answer WHERE obsid = 9007199254740993');
    expect((stored as { same: number }[])[0]!.same).toBe(1);
    expect(String(misread)).not.toBe('96.56975648962793'); // mysql2's own parser: the old export wrote this
    expect(await serverLines({}, 5000)).toMatch(/\n9007199254740992,[^\n]*,96\.56975648962793,3,verdict,/);
  });
});
