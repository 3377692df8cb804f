import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { DatabaseHandle } from './database.js';
import { portable, type PortableMigration } from './migrations/portable.js';
import { referenceData } from './migrations/2026-11-28-0001-reference-data.js';
import { accounts } from './migrations/2026-11-28-0002-accounts.js';
import { callsAndApplications } from './migrations/2026-11-29-0003-calls-and-applications.js';
import { reviewsAndDecisions } from './migrations/2026-11-29-0004-reviews-and-decisions.js';
import { projectsAndMonitoring } from './migrations/2026-11-29-0005-projects-and-monitoring.js';
import { newsAndNotifications } from './migrations/2026-11-29-0006-news-and-notifications.js';

/** Every migration in order. Names sort by date; never rename or edit one that has shipped. */
const migrations: Record<string, PortableMigration> = {
  '2026-11-28-0001-reference-data': referenceData,
  '2026-11-28-0002-accounts': accounts,
  '2026-11-29-0003-calls-and-applications': callsAndApplications,
  '2026-11-29-0004-reviews-and-decisions': reviewsAndDecisions,
  '2026-11-29-0005-projects-and-monitoring': projectsAndMonitoring,
  '2026-11-29-0006-news-and-notifications': newsAndNotifications,
};

class PortableMigrationProvider implements MigrationProvider {
  constructor(private readonly handle: DatabaseHandle) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const p = portable(this.handle.dialect);
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [
        name,
        { up: (db) => m.up(db, p), ...(m.down ? { down: (db) => m.down!(db, p) } : {}) } satisfies Migration,
      ]),
    );
  }
}

/**
 * On PostgreSQL the migration tables are named with the schema in use: Kysely otherwise finds a
 * kysely_migration table of any schema in the database and takes it for its own.
 */
async function migrator(handle: DatabaseHandle): Promise<Migrator> {
  const migrationTableSchema = await ownSchema(handle);
  return new Migrator({
    db: handle.db,
    provider: new PortableMigrationProvider(handle),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
}

export class MigrationError extends Error {
  constructor(readonly migration: string | undefined, cause: unknown) {
    super(`Migration ${migration ?? '(unknown)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'MigrationError';
  }
}

/**
 * Kysely's migrator looks at the tables of every schema in the database (pg_get_serial_sequence over
 * the catalogue). When another schema is altered or dropped at that moment (parallel test runs, each
 * in a schema of its own), PostgreSQL answers with a missing schema, table or column that is not ours
 * ('schema "…" does not exist', 'column "slug" of relation "strategies" does not exist'). Such an
 * error before any migration has run is a race in the catalogue read; the attempt is made again.
 */
const CATALOGUE_RACE_CODES = new Set(['3F000', '42P01', '42703', '42704']);

function isCatalogueRace(error: unknown, ownSchema: string | undefined): boolean {
  if (ownSchema === undefined) return false;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CATALOGUE_RACE_CODES.has(code)) return true;
  const match = /schema "([^"]+)" does not exist/.exec(error instanceof Error ? error.message : String(error));
  return match !== null && match[1] !== ownSchema;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ownSchema(handle: DatabaseHandle): Promise<string | undefined> {
  if (handle.dialect !== 'postgres') return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(handle.db);
  return rows[0]?.schema;
}

/** Applies every pending migration; throws a MigrationError naming the one that failed. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  let result: MigrationResultSet = await (await migrator(handle)).migrateToLatest();
  for (
    let attempt = 1;
    attempt < 8 && result.error && result.results === undefined && isCatalogueRace(result.error, await ownSchema(handle));
    attempt++
  ) {
    await pause(20 * attempt);
    result = await (await migrator(handle)).migrateToLatest();
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    throw new MigrationError(failed, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations that exist in the code but are not applied to the database. */
export async function pendingMigrations(handle: DatabaseHandle): Promise<string[]> {
  let all;
  for (let attempt = 1; ; attempt++) {
    try {
      all = await (await migrator(handle)).getMigrations();
      break;
    } catch (error) {
      if (attempt >= 8 || !isCatalogueRace(error, await ownSchema(handle))) throw error;
      await pause(20 * attempt);
    }
  }
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
