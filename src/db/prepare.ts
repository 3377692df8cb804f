import type { Config } from '../config.js';
import type { DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';
import { seedDemoCalls } from './seed/demo-calls.js';
import { seedDemoNews } from './seed/demo-news.js';
import { hasNoUserData, seedDemoData, seedReferenceData, type SeedReport } from './seed/seed.js';

export interface PreparedDatabase {
  migrationsApplied: string[];
  reference: SeedReport;
  /** Rows of demo data added now (0 when none were added). */
  demoRows: number;
}

/** Whether this start should add the labelled demo dataset. */
export function wantsDemoData(config: Config, handle: DatabaseHandle, emptyBeforeStart: boolean): boolean {
  if (config.demoData === 'off' || config.env === 'production') return false;
  if (config.demoData === 'on') return true;
  return handle.dialect === 'sqlite' && emptyBeforeStart;
}

/** Migrates, seeds the reference data, and on an empty embedded database outside production adds the demo dataset. */
export async function prepareDatabase(config: Config, handle: DatabaseHandle): Promise<PreparedDatabase> {
  const migrationsApplied = await migrateToLatest(handle);
  const empty = await hasNoUserData(handle.db);
  const reference = await seedReferenceData(handle.db);
  const demoRows = wantsDemoData(config, handle, empty) ? (await seedDemoData(handle.db)) + (await seedDemoCalls(handle.db, new Date())) + (await seedDemoNews(handle.db, new Date())) : 0;
  return { migrationsApplied, reference, demoRows };
}
