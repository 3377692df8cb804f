import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The few places where SQLite and PostgreSQL need different column definitions. Migrations use
 * these and nothing else dialect-specific, so one set of migrations serves both databases.
 */
export interface Portable {
  readonly dialect: Dialect;
  /** A surrogate integer key: INTEGER PRIMARY KEY AUTOINCREMENT on SQLite, an identity column on PostgreSQL. */
  id<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /** Column type of an instant in UTC: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
  readonly timestamp: 'timestamptz' | 'text';
  /** Column type of a calendar date: date on PostgreSQL, 'YYYY-MM-DD' text on SQLite. */
  readonly date: 'date' | 'text';
}

export function portable(dialect: Dialect): Portable {
  const postgres = dialect === 'postgres';
  return {
    dialect,
    id: (table) =>
      table.addColumn('id', 'integer', (col: ColumnDefinitionBuilder) =>
        postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
      ),
    timestamp: postgres ? 'timestamptz' : 'text',
    date: postgres ? 'date' : 'text',
  };
}

// Migrations receive an untyped handle so that they stay frozen in time.
export type MigrationDb = Kysely<any>;

export interface PortableMigration {
  up(db: MigrationDb, p: Portable): Promise<void>;
  down?(db: MigrationDb, p: Portable): Promise<void>;
}
