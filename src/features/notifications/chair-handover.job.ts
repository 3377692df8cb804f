import type { Executor } from '../../db/database.js';
import { helsinkiWallClock } from '../../domain/helsinki-time.js';
import { pagePath } from '../../http/page-paths.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import { emitEvent } from '../../jobs/events.js';
import { claimJobSlot, jobSlotRan } from '../../jobs/job-runs.js';
import type { ScheduledJob } from '../../jobs/scheduler.js';
import { chairOfYearWithRegion } from '../chair/chair.service.js';
import { queueEmail } from '../mail/email.repository.js';
import type { Region } from '../regions/regions.repository.js';
import { notificationMailMessages } from './notification-mail.messages.js';

/** The notice goes out on the first tick of the new year, or, if no instance ran then, within this many days. */
export const HANDOVER_WINDOW_DAYS = 14;

export interface HandoverRecipient {
  userId: number | null;
  email: string;
  locale: Locale;
}

/**
 * Everyone the handover concerns: the expert group (by their account, or else by the public contact
 * address the council published) and the coordinators, the officers of the incoming and outgoing
 * chair regions. One message per address; an account's language wins over the default Finnish.
 */
export async function handoverRecipients(db: Executor, coordinatorRegions: readonly string[]): Promise<HandoverRecipient[]> {
  const [members, officers] = await Promise.all([
    db
      .selectFrom('expert_group_members as m')
      .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'm.user_id').on('u.status', '=', 'active'))
      .select(['m.email as contact_email', 'u.id as user_id', 'u.email as user_email', 'u.locale'])
      .orderBy('m.id')
      .execute(),
    coordinatorRegions.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('users as u')
          .select(['u.id', 'u.email', 'u.locale'])
          .where('u.status', '=', 'active')
          .where((eb) =>
            eb.exists(
              eb
                .selectFrom('role_assignments as r')
                .select('r.user_id')
                .whereRef('r.user_id', '=', 'u.id')
                .where('r.role', '=', 'officer')
                .where('r.region_code', 'in', [...coordinatorRegions]),
            ),
          )
          .orderBy('u.id')
          .execute(),
  ]);
  const byAddress = new Map<string, HandoverRecipient>();
  const add = (r: HandoverRecipient) => {
    const key = r.email.trim().toLowerCase();
    const known = byAddress.get(key);
    if (key !== '' && (!known || (known.userId === null && r.userId !== null))) byAddress.set(key, { ...r, email: r.email.trim() });
  };
  for (const o of officers) add({ userId: o.id, email: o.email, locale: isLocale(o.locale) ? o.locale : 'fi' });
  for (const m of members) {
    if (m.user_id !== null && m.user_email !== null) add({ userId: m.user_id, email: m.user_email, locale: isLocale(m.locale) ? m.locale : 'fi' });
    else add({ userId: null, email: m.contact_email, locale: 'fi' });
  }
  return [...byAddress.values()];
}

/**
 * At the turn of the year tells the expert group and the coordinators which region chairs now, and
 * emits 'chair.handover' for the councils' channels. The year's slot is claimed in the transaction
 * that writes the messages and the event, so it happens once across instances.
 */
export const chairHandoverJob: ScheduledJob = {
  name: 'chair-handover',
  async run(db, now, ctx) {
    const clock = helsinkiWallClock(now);
    if (clock.month !== 1 || clock.day > HANDOVER_WINDOW_DAYS) return 0;
    const year = clock.year;
    const slot = `chair-handover:${year}`;
    // Most ticks of the fortnight find the slot taken: a cheap look spares loading the rotation.
    if (await jobSlotRan(db, slot)) return 0;
    const [incoming, outgoing] = await Promise.all([chairOfYearWithRegion(db, year), chairOfYearWithRegion(db, year - 1)]);
    if (!incoming.ok) return 0;
    const previous: Region | null = outgoing.ok && outgoing.region.code !== incoming.region.code ? outgoing.region : null;
    return db.transaction().execute(async (trx) => {
      if (!(await claimJobSlot(trx, slot, ctx.owner, now))) return 0;
      const recipients = await handoverRecipients(trx, [incoming.region.code, ...(previous ? [previous.code] : [])]);
      for (const r of recipients) {
        const m = notificationMailMessages[r.locale];
        const text = m.handoverText({
          year,
          region: incoming.region.name[r.locale],
          council: incoming.region.council.name[r.locale],
          previous: previous ? { region: previous.name[r.locale], council: previous.council.name[r.locale] } : null,
          url: `${ctx.config.baseUrl}${pagePath(r.locale, 'regions', incoming.region.slug)}`,
        });
        await queueEmail(
          trx,
          { userId: r.userId, to: r.email, locale: r.locale, purpose: 'chair-handover', subject: m.handoverSubject(year, incoming.region.name[r.locale]), text },
          ctx.deliverMail,
          now,
        );
      }
      await emitEvent(trx, { type: 'chair.handover', year, regionCode: incoming.region.code, previousRegionCode: outgoing.ok ? outgoing.region.code : null }, now);
      // The messages and the event: a non-zero count makes the scheduler dispatch them at once.
      return recipients.length + 1;
    });
  },
};
