/**
 * The world a database test file starts from, made once per file by `useWorld` in its
 * beforeAll and undone in its afterAll: a throwaway database on the test MariaDB, migrated and
 * seeded with survey rows, a coordinator and the named members (accounts made through the real
 * member_add), a root connection to the database, and a scratch folder for caches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mysql2/promise';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../shared/model';
import { addPerson, adminConnection, seed, type BundleShape, type Person } from '../central/fixtures';
import { createTestDatabase, type TestDatabase } from './mariadb';

export interface World<Name extends string = never> {
  db: TestDatabase;
  /** Root on the test database: for what a test checks or breaks behind the members' backs. */
  admin: Connection;
  coordinator: Person;
  /** The members asked for by name, each with a unique account ("alice" → alice_3f…). */
  people: Record<Name, Person>;
  /** A scratch folder, removed with the world. */
  home: string;
}

export interface WorldOptions<Name extends string> {
  people?: Record<Name, Role>;
}

/**
 * Registers the world's beforeAll and afterAll and returns it; its fields are there from the
 * file's beforeAll on (inside hooks and tests, not at the top level of the file). Hooks a file
 * registers after this call run after the world is made and, vitest running afterAll hooks as
 * a stack, before it is undone: a file closes its own pools and sessions there.
 */
export function useWorld<Name extends string = never>(shape: BundleShape, opts: WorldOptions<Name> = {}): World<Name> {
  const world = {} as World<Name>;
  beforeAll(async () => {
    const db = await createTestDatabase();
    // Filled in at once, so that afterAll drops the database even when a later step fails.
    Object.assign(world, { db, home: mkdtempSync(join(tmpdir(), 'specvet-world-')) });
    await seed(db, shape);
    const named = Object.entries<Role>(opts.people ?? ({} as Record<Name, Role>));
    const [coordinator, admin, ...people] = await Promise.all([
      addPerson(db, 'coordinator'),
      adminConnection(db),
      ...named.map(([name, role]) => addPerson(db, role, name)),
    ]);
    Object.assign(world, { coordinator, admin, people: Object.fromEntries(named.map(([name], k) => [name, people[k]])) });
  });
  afterAll(async () => {
    await world.admin?.end();
    await world.db?.cleanup();
    if (world.home) rmSync(world.home, { recursive: true, force: true });
  });
  return world;
}
