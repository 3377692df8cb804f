import { sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import { loadMonitoring, type MonitoringData, type MonitoringFilters } from './monitoring.repository.js';

/**
 * The dashboard's figures, kept per instance and filter set while the data under them stays the
 * same. Working them out reads every project in scope (about 0.7 s at 100,000 projects on SQLite);
 * telling whether anything changed takes one small query: the number and newest of the projects,
 * of the reviewed reports and of the targets. What that fingerprint cannot see (an edited name of a
 * priority, a call or an indicator) shows within MAX_AGE_MS at the latest. Each instance keeps its
 * own copy and checks the same fingerprint, so instances never disagree for longer than that.
 */
export const MAX_AGE_MS = 5 * 60_000;
const KEPT_PER_DATABASE = 64;

interface Entry {
  fingerprint: string;
  at: number;
  data: MonitoringData;
}

const caches = new WeakMap<object, Map<string, Entry>>();

/** A cheap summary of every row the figures depend on; any insert, acceptance or target change alters it. */
export async function monitoringFingerprint(db: Executor): Promise<string> {
  const row = await sql<Record<string, string | number | null>>`SELECT
      (SELECT COUNT(*) FROM projects) AS projects,
      (SELECT MAX(id) FROM projects) AS last_project,
      (SELECT MAX(updated_at) FROM projects) AS project_updated,
      (SELECT COUNT(*) FROM project_reports WHERE reviewed_at IS NOT NULL) AS reviewed,
      (SELECT MAX(reviewed_at) FROM project_reports) AS last_review,
      (SELECT COUNT(*) FROM project_indicators) AS targets,
      (SELECT SUM(target_hundredths) FROM project_indicators) AS target_sum,
      (SELECT COUNT(*) FROM strategy_indicator_targets) AS strategy_targets,
      (SELECT SUM(target_hundredths) FROM strategy_indicator_targets) AS strategy_target_sum,
      (SELECT COUNT(*) FROM indicators) AS indicators`.execute(db);
  return JSON.stringify(Object.values(row.rows[0] ?? {}).map((v) => (v === null ? null : String(v))));
}

/** loadMonitoring, answered from this instance's copy while the fingerprint is unchanged and the copy is younger than MAX_AGE_MS. */
export async function loadMonitoringCached(db: Executor, filters: MonitoringFilters, now: number = Date.now()): Promise<MonitoringData> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = JSON.stringify([filters.strategyId, filters.yearFrom ?? null, filters.yearTo ?? null, filters.instrument ?? null]);
  const fingerprint = await monitoringFingerprint(db);
  const kept = cache.get(key);
  if (kept && kept.fingerprint === fingerprint && now - kept.at < MAX_AGE_MS) return kept.data;
  const data = await loadMonitoring(db, filters);
  cache.delete(key);
  cache.set(key, { fingerprint, at: now, data });
  if (cache.size > KEPT_PER_DATABASE) cache.delete(cache.keys().next().value!);
  return data;
}
