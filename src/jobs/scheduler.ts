import type { Config } from '../config.js';
import type { Db } from '../db/database.js';

export interface JobContext {
  config: Config;
  /** Names this instance in job_runs and outbox leases. */
  owner: string;
  /** False when no mail server is configured: e-mail is then kept, not sent. */
  deliverMail: boolean;
}

/**
 * A job every instance runs on every tick. It must be safe to run anywhere, any number of times: it
 * finds what is due and claims it (claimJobSlot, or an outbox idempotency key) in the transaction
 * that writes its results, so each due thing happens once across instances.
 */
export interface ScheduledJob {
  name: string;
  /** Does what is due at `now`; returns how many things it did (for the log). */
  run(db: Db, now: Date, ctx: JobContext): Promise<number>;
}

export interface Scheduler {
  /** Runs every job once; a job that throws is logged and the others still run. */
  tick(): Promise<Record<string, number>>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

export function createScheduler(options: {
  db: Db;
  jobs: readonly ScheduledJob[];
  now: () => Date;
  context: JobContext;
  /** Called after a tick that did something, e.g. to dispatch what the jobs wrote to the outbox. */
  afterTick?: (done: Record<string, number>) => Promise<unknown>;
  log?: (error: unknown, job: string) => void;
}): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<Record<string, number>> | null = null;

  async function runAll(): Promise<Record<string, number>> {
    const done: Record<string, number> = {};
    for (const job of options.jobs) {
      try {
        done[job.name] = await job.run(options.db, options.now(), options.context);
      } catch (error) {
        options.log?.(error, job.name);
        done[job.name] = 0;
      }
    }
    if (Object.values(done).some((n) => n > 0)) await options.afterTick?.(done);
    return done;
  }

  const tick = () => {
    // Ticks do not overlap within an instance; across instances the jobs' claims keep them apart.
    if (running) return running;
    running = runAll().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    tick,
    start(intervalMs) {
      if (timer) return;
      timer = setInterval(() => void tick(), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => ({}));
    },
  };
}
