import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type Dialect } from '../../src/db/database.js';

/**
 * The dialect matrix: every data test runs on SQLite and, when TEST_DATABASE_URL is set, on
 * PostgreSQL, each in a database of its own (a temporary file, or a fresh schema dropped afterwards).
 * TEST_DIALECTS=sqlite or =postgres narrows the run.
 */
export interface TestDialect {
  name: Dialect;
  /** Why this dialect is not run here, if it is not. */
  skip: string | false;
  open(): Promise<TestDatabase>;
}

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connections and removes the database. */
  dispose(): Promise<void>;
}

const only = process.env.TEST_DIALECTS?.split(',').map((s) => s.trim());

async function openSqlite(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's3-enf-test-'));
  const handle = openDatabase({ sqliteFile: path.join(dir, 'test.sqlite') });
  return {
    ...handle,
    dispose: async () => {
      await handle.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openPostgres(url: string): Promise<TestDatabase> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: url, schema, poolSize: 4 });
  return {
    ...handle,
    dispose: async () => {
      await handle.destroy();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

export function testDialects(): TestDialect[] {
  const url = process.env.TEST_DATABASE_URL;
  const all: TestDialect[] = [
    { name: 'sqlite', skip: false, open: openSqlite },
    {
      name: 'postgres',
      skip: url ? false : 'TEST_DATABASE_URL is not set (.ci/run sets it)',
      open: () => openPostgres(url!),
    },
  ];
  return all.map((d) => (only && !only.includes(d.name) ? { ...d, skip: `TEST_DIALECTS=${only.join(',')}` } : d));
}
