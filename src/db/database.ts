import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** What a repository function takes: the database, or a transaction a service opened. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** True on PostgreSQL, where rows are locked with SELECT … FOR UPDATE; SQLite runs one writer at a time anyway. */
export const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Where the data lives, for logs (a file path, or the PostgreSQL host and database without the password). */
  readonly location: string;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, SQLite at sqliteFile. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL schema to work in (tests give each run its own). */
  schema?: string;
  poolSize?: number;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_DATE = 1082;
const PG_TIMESTAMP = 1114;
const PG_TIMESTAMPTZ = 1184;

/**
 * Values come back from PostgreSQL in the same shapes as from SQLite: times as ISO-8601 UTC
 * strings, dates as 'YYYY-MM-DD', counts and sums as numbers. Per pool, not global.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case PG_INT8:
      case PG_NUMERIC:
        return (value: string) => Number(value);
      case PG_DATE:
        return (value: string) => value;
      case PG_TIMESTAMP:
        return (value: string) => new Date(`${value.replace(' ', 'T')}Z`).toISOString();
      case PG_TIMESTAMPTZ:
        return (value: string) => new Date(value).toISOString();
      default:
        return pg.types.getTypeParser(oid, format);
    }
  },
} as pg.CustomTypesConfig;

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: pgTypes,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const where = new URL(options.databaseUrl);
    return {
      db,
      dialect: 'postgres',
      location: `postgresql://${where.host}${where.pathname}${options.schema ? ` (schema ${options.schema})` : ''}`,
      destroy: () => db.destroy(),
    };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // A 64 MiB page cache and memory-mapped reads: the project search and the dashboard read large indexes.
  connection.pragma('cache_size = -65536');
  connection.pragma('mmap_size = 268435456');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, dialect: 'sqlite', location: file, destroy: () => db.destroy() };
}

export function sqliteFileIn(dataDir: string): string {
  return path.join(dataDir, 's3-enf.sqlite');
}

/** True when the database answers a trivial query. */
export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
