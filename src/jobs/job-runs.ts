import type { Executor } from '../db/database.js';

/**
 * Claims one slot of a scheduled job ("chair-handover:2027", "daily-digest:2026-11-30") for this
 * run. Call it inside the transaction that writes the job's results: the first instance to commit
 * the claim does the work; every other instance, now or later, gets false and does nothing. On
 * PostgreSQL a concurrent claim of the same slot waits for the first to commit or roll back.
 */
export async function claimJobSlot(db: Executor, jobKey: string, owner: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('job_runs')
    .values({ job_key: jobKey, owner, ran_at: now.toISOString() })
    .onConflict((oc) => oc.column('job_key').doNothing())
    .returning('job_key')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a slot has run (for pages that say when a job last ran). */
export async function jobSlotRan(db: Executor, jobKey: string): Promise<{ owner: string; ranAt: string } | null> {
  const row = await db.selectFrom('job_runs').select(['owner', 'ran_at']).where('job_key', '=', jobKey).executeTakeFirst();
  return row ? { owner: row.owner, ranAt: row.ran_at } : null;
}
