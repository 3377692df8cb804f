import type { ScheduledJob } from './scheduler.js';
import { pruneJob } from '../features/privacy/prune.job.js';
import { deadlineRemindersJob } from '../features/notifications/deadline-reminders.job.js';
import { dailyDigestJob } from '../features/notifications/daily-digest.job.js';
import { chairHandoverJob } from '../features/notifications/chair-handover.job.js';
import { publishDueNewsJob } from '../features/news/news.job.js';
import { callClosingJob } from '../features/webhooks/call-closing.job.js';

/** Every scheduled job, in the order a tick runs them. Each feature adds its own line. */
export const scheduledJobs: readonly ScheduledJob[] = [
  pruneJob,
  publishDueNewsJob,
  deadlineRemindersJob,
  dailyDigestJob,
  chairHandoverJob,
  callClosingJob,
];
