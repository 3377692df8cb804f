import type { Executor } from '../../db/database.js';
import { pagePath } from '../../http/page-paths.js';
import { formatDateTime } from '../../i18n/format.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { claimJobSlot } from '../../jobs/job-runs.js';
import type { ScheduledJob } from '../../jobs/scheduler.js';
import { notificationMailMessages } from './notification-mail.messages.js';
import { notifyUser, preferencesUrl } from './notify-user.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reminders go out 7 days and 1 day before a call closes; one that comes due after its window has passed is not sent. */
export type ReminderWindow = '7d' | '1d';

/** The window a moment falls in before the closing time: the last day is '1d', the six days before it '7d'. */
export function reminderWindow(closesAt: Date, now: Date): ReminderWindow | null {
  const left = closesAt.getTime() - now.getTime();
  if (left <= 0 || left > 7 * DAY_MS) return null;
  return left <= DAY_MS ? '1d' : '7d';
}

interface DraftPerson {
  applicationId: number;
  applicationTitle: string;
  callId: number;
  closesAt: string;
  callTitle: Record<Locale, string>;
  userId: number;
  name: string;
  email: string;
  locale: Locale;
}

/**
 * The people of each draft application in a call that is open and closes within 7 days: whoever
 * started it and everyone who has accepted an invitation to edit it (an account still waiting for
 * its password is not active yet).
 */
async function draftPeople(db: Executor, now: Date): Promise<DraftPerson[]> {
  const from = now.toISOString();
  const until = new Date(now.getTime() + 7 * DAY_MS).toISOString();
  const base = db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .where('a.status', '=', 'draft')
    .where('c.status', '=', 'published')
    .where('c.opens_at', '<=', from)
    .where('c.closes_at', '>', from)
    .where('c.closes_at', '<=', until);
  const columns = ['a.id as application_id', 'a.title', 'c.id as call_id', 'c.closes_at', 'c.title_fi', 'c.title_sv', 'c.title_en', 'u.id as user_id', 'u.name', 'u.email', 'u.locale'] as const;
  const creators = base.innerJoin('users as u', 'u.id', 'a.created_by').where('u.status', '=', 'active').select(columns);
  const editors = base
    .innerJoin('application_editors as e', 'e.application_id', 'a.id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .where('u.status', '=', 'active')
    .select(columns);
  // UNION drops the duplicates: an editor of several partners, or a creator who is also an editor.
  const rows = await creators.union(editors).execute();
  return rows
    .map((r) => ({
      applicationId: r.application_id,
      applicationTitle: r.title,
      callId: r.call_id,
      closesAt: r.closes_at,
      callTitle: { fi: r.title_fi, sv: r.title_sv || r.title_fi, en: r.title_en || r.title_fi },
      userId: r.user_id,
      name: r.name,
      email: r.email,
      locale: isLocale(r.locale) ? r.locale : 'fi',
    }))
    .sort((a, b) => a.applicationId - b.applicationId || a.userId - b.userId);
}

/** The slots already claimed among the given ones, looked up in batches that stay within the dialects' parameter limits. */
async function claimedSlots(db: Executor, keys: readonly string[]): Promise<Set<string>> {
  const claimed = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db.selectFrom('job_runs').select('job_key').where('job_key', 'in', keys.slice(i, i + 500)).execute();
    for (const r of rows) claimed.add(r.job_key);
  }
  return claimed;
}

/**
 * Reminds the people of each draft application that the call closes: once in its last 7 days and
 * once in its last day. Each (application, person, window) is a job slot claimed in the transaction
 * that writes the reminder, so however many instances tick, each reminder is written once. A person
 * who has switched reminders off uses up the slot and gets nothing.
 */
export const deadlineRemindersJob: ScheduledJob = {
  name: 'deadline-reminders',
  async run(db, now, ctx) {
    const due = (await draftPeople(db, now)).flatMap((p) => {
      const window = reminderWindow(new Date(p.closesAt), now);
      return window ? [{ ...p, slot: `deadline-reminder:${p.applicationId}:${p.userId}:${window}` }] : [];
    });
    if (due.length === 0) return 0;
    const claimed = await claimedSlots(db, due.map((d) => d.slot));
    let written = 0;
    for (const person of due) {
      if (claimed.has(person.slot)) continue;
      const outcome = await db.transaction().execute(async (trx) => {
        if (!(await claimJobSlot(trx, person.slot, ctx.owner, now))) return 'taken';
        const m = notificationMailMessages[person.locale];
        const deadline = formatDateTime(person.closesAt, person.locale);
        const call = person.callTitle[person.locale];
        return notifyUser(
          trx,
          {
            userId: person.userId,
            kind: 'deadline-reminder',
            purpose: 'deadline-reminder',
            to: person.email,
            locale: person.locale,
            staleAt: person.closesAt,
            subject: m.reminderSubject(call, deadline),
            text: m.reminderText({
              name: person.name,
              call,
              deadline,
              title: person.applicationTitle.trim() || m.untitled,
              url: `${ctx.config.baseUrl}${pagePath(person.locale, 'applications', String(person.applicationId))}`,
              preferencesUrl: preferencesUrl(ctx.config.baseUrl, person.locale),
            }),
          },
          ctx,
          now,
        );
      });
      if (outcome === 'queued' || outcome === 'digest') written += 1;
    }
    return written;
  },
};
