import type { Executor } from '../../db/database.js';
import type { EmailSubscriptionRow } from '../../db/schema-notifications.js';
import { isLocale, type Locale } from '../../i18n/locales.js';
import type { SubscriptionChoices } from './subscriptions.form.js';

/** The purposes of the e-mail a subscription request sends; at most a few a day reach one address. */
export const requestMailPurposes = ['subscription-confirm', 'subscription-manage'] as const;

export function findSubscriptionByEmail(db: Executor, email: string): Promise<EmailSubscriptionRow | undefined> {
  return db.selectFrom('email_subscriptions').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findSubscriptionByConfirmHash(db: Executor, hash: string): Promise<EmailSubscriptionRow | undefined> {
  return db.selectFrom('email_subscriptions').selectAll().where('confirm_token_hash', '=', hash).executeTakeFirst();
}

export function findSubscriptionByUnsubscribeToken(db: Executor, token: string): Promise<EmailSubscriptionRow | undefined> {
  return db.selectFrom('email_subscriptions').selectAll().where('unsubscribe_token', '=', token).executeTakeFirst();
}

export function localeOf(row: Pick<EmailSubscriptionRow, 'locale'>): Locale {
  return isLocale(row.locale) ? row.locale : 'fi';
}

export async function loadChoices(db: Executor, row: EmailSubscriptionRow): Promise<SubscriptionChoices> {
  const [regions, priorities] = await Promise.all([
    db
      .selectFrom('email_subscription_regions')
      .innerJoin('regions', 'regions.code', 'email_subscription_regions.region_code')
      .select('email_subscription_regions.region_code')
      .where('subscription_id', '=', row.id)
      .orderBy('regions.sort_order')
      .execute(),
    db.selectFrom('email_subscription_priorities').select('priority_slug').where('subscription_id', '=', row.id).orderBy('priority_slug').execute(),
  ]);
  return {
    locale: localeOf(row),
    wantsCalls: row.wants_calls === 1,
    wantsNews: row.wants_news === 1,
    regionCodes: regions.map((r) => r.region_code),
    prioritySlugs: priorities.map((p) => p.priority_slug),
  };
}

/** Sets the topics, language, councils and priorities of a subscription, replacing what it had. */
export async function saveChoices(db: Executor, id: number, choices: SubscriptionChoices): Promise<void> {
  await db
    .updateTable('email_subscriptions')
    .set({ locale: choices.locale, wants_calls: choices.wantsCalls ? 1 : 0, wants_news: choices.wantsNews ? 1 : 0 })
    .where('id', '=', id)
    .execute();
  await clearChoices(db, id);
  if (choices.regionCodes.length > 0) {
    await db
      .insertInto('email_subscription_regions')
      .values(choices.regionCodes.map((region_code) => ({ subscription_id: id, region_code })))
      .execute();
  }
  if (choices.prioritySlugs.length > 0) {
    await db
      .insertInto('email_subscription_priorities')
      .values(choices.prioritySlugs.map((priority_slug) => ({ subscription_id: id, priority_slug })))
      .execute();
  }
}

export async function clearChoices(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('email_subscription_regions').where('subscription_id', '=', id).execute();
  await db.deleteFrom('email_subscription_priorities').where('subscription_id', '=', id).execute();
}

/** How many subscription request messages went to an address since a time: the limit on them counts these. */
export async function countRequestMailsSince(db: Executor, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('email_messages')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('to_address', '=', email)
    .where('purpose', 'in', [...requestMailPurposes])
    .where('created_at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface Subscriber {
  id: number;
  email: string;
  locale: Locale;
  unsubscribeToken: string;
  regionCodes: string[];
  prioritySlugs: string[];
}

/** Confirmed subscribers who want a topic, with their councils and priorities. */
export async function listConfirmedSubscribers(db: Executor, topic: 'calls' | 'news'): Promise<Subscriber[]> {
  const rows = await db
    .selectFrom('email_subscriptions')
    .select(['id', 'email', 'locale', 'unsubscribe_token'])
    .where('status', '=', 'confirmed')
    .where(topic === 'calls' ? 'wants_calls' : 'wants_news', '=', 1)
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const [regions, priorities] = await Promise.all([
    db
      .selectFrom('email_subscription_regions')
      .innerJoin('email_subscriptions', 'email_subscriptions.id', 'email_subscription_regions.subscription_id')
      .select(['subscription_id', 'region_code'])
      .where('email_subscriptions.status', '=', 'confirmed')
      .execute(),
    db
      .selectFrom('email_subscription_priorities')
      .innerJoin('email_subscriptions', 'email_subscriptions.id', 'email_subscription_priorities.subscription_id')
      .select(['subscription_id', 'priority_slug'])
      .where('email_subscriptions.status', '=', 'confirmed')
      .execute(),
  ]);
  const byId = new Map<number, Subscriber>(
    rows.map((r) => [r.id, { id: r.id, email: r.email, locale: localeOf(r), unsubscribeToken: r.unsubscribe_token, regionCodes: [], prioritySlugs: [] }]),
  );
  for (const r of regions) byId.get(r.subscription_id)?.regionCodes.push(r.region_code);
  for (const p of priorities) byId.get(p.subscription_id)?.prioritySlugs.push(p.priority_slug);
  return [...byId.values()];
}
