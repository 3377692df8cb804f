import type { ScheduledJob } from '../../jobs/scheduler.js';
import { publishDueNews } from './news.service.js';

/** Publishes scheduled news items whose time has come; safe on any number of instances at once (see publishDueNews). */
export const publishDueNewsJob: ScheduledJob = {
  name: 'publish-due-news',
  run: (db, now) => publishDueNews(db, now),
};
