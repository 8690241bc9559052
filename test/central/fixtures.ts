/**
 * Helpers for the central tests: a small survey bundle builder, accounts made through the
 * real member_add procedure, sessions as those people, and the `mariadb` command-line client.
 */
import { spawn } from 'node:child_process';
import type { Connection, Pool } from 'mysql2/promise';
import type { Role, SpecClass } from '../../shared/model';
import { addressFromUrl, connect, createPool } from '../../src-main/central/connection';
import { addMember } from '../../src-main/central/members';
import { seedBundle } from '../../src-main/central/seed';
import { openCentralClient, type SessionOptions } from '../../src-main/central/mysqlClient';
import type { CentralClient } from '../../src-main/central/centralClient';
import { BUNDLE_FORMAT, type SurveyBundle } from '../../src-main/survey/bundle';
import { uniqueName, type TestDatabase } from '../support/mariadb';

export interface BundleShape {
  /** Nights, one plan each, on consecutive dates from 2024-01-01. */
  plans: number;
  spectrographs: number;
  fibers: number;
}

const CLASSES: SpecClass[] = ['STAR', 'GALAXY', 'QSO', 'STAR'];

/** A bundle with plans × spectrographs × fibres spectra; classes cycle, S/N rises with the fibre. */
export function buildBundle(shape: BundleShape): SurveyBundle {
  const b: SurveyBundle = { format: BUNDLE_FORMAT, plan_info: [], target_info: [], obj_info: [], spec_info: [], truth: { spectra: [], faults: [] } };
  let obsid = 100_000;
  for (let p = 0; p < shape.plans; p++) {
    const lmjd = 60_000 + p;
    const planid = `PLAN${String(p).padStart(3, '0')}`;
    const obsdate = new Date(Date.UTC(2024, 0, 1 + p)).toISOString().slice(0, 10);
    b.plan_info.push({ planid, lmjd, obsdate, ra: 10 + p, dec: 20, seeing: 2.5, moon: 0.1, science: 1 });
    for (let spid = 1; spid <= shape.spectrographs; spid++) {
      for (let fiberid = 1; fiberid <= shape.fibers; fiberid++) {
        const key = { lmjd, planid, spid, fiberid };
        const cls = CLASSES[(fiberid - 1) % CLASSES.length]!;
        b.target_info.push({ ...key, ra: 10 + fiberid / 100, dec: 20 - spid / 10, objtype: cls === 'STAR' ? 'Star' : cls === 'GALAXY' ? 'Galaxy' : 'QSO', tsource: 'test', fibertype: 'Obj', mag_g: 17, mag_r: 16.5, mag_i: null });
        b.obj_info.push({ ...key, snr_u: null, snr_g: fiberid, snr_r: fiberid * 2, snr_i: fiberid, snr_z: fiberid, version_2d: 'v2.9' });
        b.spec_info.push({ ...key, obsid: ++obsid, class: cls, subclass: cls === 'STAR' ? 'G5' : '', z: cls === 'QSO' ? 1.5 : 0.1, z_err: 0.001, version_1d: 'v2.9', file_path: `${planid}/spec-${lmjd}-${planid}_sp${spid}-${fiberid}.fits.gz` });
      }
    }
  }
  return b;
}

export async function adminConnection(db: TestDatabase): Promise<Connection> {
  return connect(addressFromUrl(db.url));
}

/** Rows of one query as the database's admin (the test's own look at what is stored). */
export async function adminQuery<T>(db: TestDatabase, sql: string, args: unknown[] = []): Promise<T[]> {
  const c = await adminConnection(db);
  try {
    return (await c.query(sql, args))[0] as T[];
  } finally {
    await c.end();
  }
}

export async function seed(db: TestDatabase, shape: BundleShape): Promise<SurveyBundle> {
  const bundle = buildBundle(shape);
  const c = await adminConnection(db);
  try {
    await seedBundle(c, bundle);
  } finally {
    await c.end();
  }
  return bundle;
}

export interface Person {
  user: string;
  password: string;
  role: Role;
  /** mysql://user:password@host:port/db */
  url: string;
}

/** A real account made by member_add (as the admin URL's root). */
export async function addPerson(db: TestDatabase, role: Role, prefix: string = role === '2d' ? 'twod' : role): Promise<Person> {
  const user = uniqueName(prefix);
  const password = `pw-${user}-Ω'"\\`;
  const c = await adminConnection(db);
  try {
    await addMember(c, { user, role, department: 'test', password });
  } finally {
    await c.end();
  }
  const a = addressFromUrl(db.url);
  return { user, password, role, url: `mysql://${user}:${encodeURIComponent(password)}@${a.host}:${a.port}/${db.database}` };
}

export async function connectAs(db: TestDatabase, p: Person): Promise<Connection> {
  const a = addressFromUrl(db.url);
  return connect({ ...a, user: p.user, password: p.password });
}

/** A one-connection pool as a person (the services in batches.ts take a pool); end it after. */
export function poolAs(db: TestDatabase, p: Pick<Person, 'user' | 'password'>): Pool {
  const a = addressFromUrl(db.url);
  return createPool({ host: a.host, port: a.port, database: db.database, user: p.user, password: p.password }, 1);
}

export async function sessionAs(db: TestDatabase, p: Pick<Person, 'user' | 'password'>, opts: SessionOptions = {}): Promise<CentralClient> {
  const a = addressFromUrl(db.url);
  return openCentralClient({ host: a.host, port: a.port, database: db.database, user: p.user, password: p.password }, opts);
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs SQL through the `mariadb` command-line client as a person (password via MYSQL_PWD). */
export function mariadbClient(db: TestDatabase, p: Pick<Person, 'user' | 'password'>, sql: string): Promise<CliResult> {
  const a = addressFromUrl(db.url);
  return new Promise((resolve, reject) => {
    const child = spawn('mariadb', ['--no-defaults', '-h', a.host, '-P', String(a.port), '-u', p.user, '--batch', '--skip-column-names', db.database, '-e', sql], {
      env: { ...process.env, MYSQL_PWD: p.password },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export const newId = () => crypto.randomUUID();
