/**
 * The central side of the sync benchmarks: a MariaDB that accepts 500+ connections (a
 * throwaway one unless MYSQL_URL names a server that does), a migrated database with survey
 * rows, and reviewers with their batches.
 */
import mysql from 'mysql2/promise';
import { createBatches } from '../src-main/central/batches';
import { addressFromUrl, createPool } from '../src-main/central/connection';
import type { CentralLogin } from '../src-main/central/centralClient';
import { addPerson, seed, type BundleShape, type Person } from '../test/central/fixtures';
import { createTestDatabase, startMariaDb, type RunningServer, type TestDatabase } from '../test/support/mariadb';

export interface LoadWorld {
  db: TestDatabase;
  coordinator: Person;
  close(): Promise<void>;
}

async function serverWith(connections: number): Promise<RunningServer> {
  const url = process.env.MYSQL_URL;
  if (url) {
    const c = await mysql.createConnection(url);
    const [rows] = await c.query('SELECT @@max_connections AS n');
    await c.end();
    if (Number((rows as { n: number }[])[0]!.n) >= connections) return { url, stop: async () => {} };
  }
  return startMariaDb();
}

export async function loadWorld(shape: BundleShape, connections = 50): Promise<LoadWorld> {
  const server = await serverWith(connections);
  const db = await createTestDatabase({ adminUrl: server.url });
  await seed(db, shape);
  const coordinator = await addPerson(db, 'coordinator', 'benchco');
  return {
    db,
    coordinator,
    async close() {
      await db.cleanup();
      await server.stop();
    },
  };
}

export function loginOf(db: TestDatabase, p: Pick<Person, 'user' | 'password'>): CentralLogin {
  const a = addressFromUrl(db.url);
  return { host: a.host, port: a.port, database: db.database, user: p.user, password: p.password };
}

export async function assignEach(w: LoadWorld, people: Person[], perPerson: number): Promise<void> {
  const pool = createPool(loginOf(w.db, w.coordinator), 1);
  try {
    await createBatches(pool, { name: 'load', assignees: people.map((p) => p.user), mode: 'browse', criteria: { limit: people.length * perPerson } });
  } finally {
    await pool.end();
  }
}
