import { emitEvent } from '../../jobs/events.js';
import type { ScheduledJob } from '../../jobs/scheduler.js';

export const CALL_CLOSING_NOTICE_MS = 7 * 24 * 3_600_000;

/**
 * Records "call.closing" for every public call that closes within the next seven days. The event's
 * key (call and deadline) makes it once per call and deadline across ticks and instances; a moved
 * deadline is a new event.
 */
export const callClosingJob: ScheduledJob = {
  name: 'call-closing',
  async run(db, now) {
    const until = new Date(now.getTime() + CALL_CLOSING_NOTICE_MS).toISOString();
    return db.transaction().execute(async (trx) => {
      const calls = await trx
        .selectFrom('calls')
        .select(['id', 'closes_at'])
        .where('status', '=', 'published')
        .where('closes_at', '>', now.toISOString())
        .where('closes_at', '<=', until)
        // The same order in every instance, so concurrent ticks wait for each other's keys instead of deadlocking.
        .orderBy('id')
        .execute();
      let emitted = 0;
      for (const call of calls) {
        if (await emitEvent(trx, { type: 'call.closing', callId: call.id, closesAt: call.closes_at }, now)) emitted += 1;
      }
      return emitted;
    });
  },
};
