import type { ScheduledJob } from '../../jobs/scheduler.js';
import { claimJobSlot } from '../../jobs/job-runs.js';
import { pruneExpiredData } from './prune.js';

/**
 * Deletes expired personal data once an hour across all instances. The hour's slot is claimed first,
 * in its own transaction: a prune that then fails waits for the next hour, which is harmless since
 * every run deletes everything past its time.
 */
export const pruneJob: ScheduledJob = {
  name: 'prune-expired-data',
  async run(db, now, ctx) {
    const slot = `prune:${now.toISOString().slice(0, 13)}`;
    if (!(await db.transaction().execute((trx) => claimJobSlot(trx, slot, ctx.owner, now)))) return 0;
    const counts = await pruneExpiredData(db, now, { sessionIdleMinutes: ctx.config.session.idleMinutes });
    return Object.values(counts).reduce((a, b) => a + b, 0);
  },
};
