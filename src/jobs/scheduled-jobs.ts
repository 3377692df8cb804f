import type { ScheduledJob } from './scheduler.js';
import { pruneJob } from '../features/privacy/prune.job.js';

/** Every scheduled job, in the order a tick runs them. Each feature adds its own line. */
export const scheduledJobs: readonly ScheduledJob[] = [
  pruneJob,
];
