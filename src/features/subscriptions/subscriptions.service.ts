import type { Db, Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { EmailSubscriptionRow } from '../../db/schema-notifications.js';
import type { Locale } from '../../i18n/locales.js';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { queueEmail } from '../mail/email.repository.js';
import { listRegions } from '../regions/regions.repository.js';
import { prioritiesInForce } from '../regions/growth-sectors.admin.service.js';
import type { SubscriptionChoices } from './subscriptions.form.js';
import { alreadySubscribedMail, confirmationMail, confirmLink, subscriberLinks, type ChoiceLabels } from './subscription-mail.js';
import {
  clearChoices,
  countRequestMailsSince,
  findSubscriptionByConfirmHash,
  findSubscriptionByEmail,
  findSubscriptionByUnsubscribeToken,
  loadChoices,
  localeOf,
  saveChoices,
} from './subscriptions.repository.js';

/** A confirmation link works for a week. */
export const CONFIRM_VALID_DAYS = 7;
/** At most this many confirmation (or "already subscribed") messages reach one address in 24 hours; more are not sent. */
export const REQUEST_MAILS_PER_DAY = 3;
/** Tokens are 43 base64url characters; a longer one is refused without a look-up. */
const MAX_TOKEN_LENGTH = 64;

export interface MailContext {
  baseUrl: string;
  deliver: boolean;
}

/** The councils and the priorities of the strategy in force: what the form offers and how choices are named. */
export interface SubscriptionOptions {
  regions: Array<{ code: string; name: Record<Locale, string> }>;
  priorities: Array<{ slug: string; name: Record<Locale, string> }>;
  labels: ChoiceLabels;
}

export async function subscriptionOptions(db: Executor, now: Date): Promise<SubscriptionOptions> {
  const [regions, { priorities }] = await Promise.all([listRegions(db), prioritiesInForce(db, now)]);
  const regionNames = new Map(regions.map((r) => [r.code, r.name]));
  const priorityNames = new Map(priorities.map((p) => [p.slug, p.name]));
  return {
    regions: regions.map((r) => ({ code: r.code, name: r.name })),
    priorities: priorities.map((p) => ({ slug: p.slug, name: p.name })),
    labels: {
      regionName: (code, locale) => regionNames.get(code)?.[locale] ?? code,
      // A priority of an earlier strategy is named by its slug.
      priorityName: (slug, locale) => priorityNames.get(slug)?.[locale] ?? slug,
    },
  };
}

export type RequestOutcome = 'confirmation-sent' | 'already-subscribed-notice-sent' | 'limited';

/**
 * Asks for a subscription. A new, pending or unsubscribed address gets the choices and a fresh
 * confirmation link (the earlier one stops working); a confirmed address is left as it is and gets a
 * message with its own links for changing the choices or unsubscribing, so that nobody can change
 * another's subscription by typing their address. Past the daily limit of messages to the address,
 * nothing is done. The caller answers the same whatever the outcome.
 */
export async function requestSubscription(db: Db, email: string, choices: SubscriptionChoices, now: Date, ctx: MailContext): Promise<RequestOutcome> {
  const options = await subscriptionOptions(db, now);
  const attempt = () => db.transaction().execute(async (trx): Promise<RequestOutcome> => {
    const since = new Date(now.getTime() - 86_400_000);
    if ((await countRequestMailsSince(trx, email, since)) >= REQUEST_MAILS_PER_DAY) return 'limited';
    const existing = await findSubscriptionByEmail(trx, email);
    if (existing?.status === 'confirmed') {
      const locale = localeOf(existing);
      const links = subscriberLinks(ctx.baseUrl, locale, existing.unsubscribe_token);
      await queueEmail(
        trx,
        { userId: null, to: email, locale, purpose: 'subscription-manage', ...alreadySubscribedMail(locale, links), listUnsubscribe: links.unsubscribe },
        ctx.deliver,
        now,
      );
      return 'already-subscribed-notice-sent';
    }
    const token = randomToken();
    const pending = {
      status: 'pending' as const,
      confirm_token_hash: sha256Hex(token),
      confirm_expires_at: new Date(now.getTime() + CONFIRM_VALID_DAYS * 86_400_000).toISOString(),
      confirmed_at: null,
      unsubscribed_at: null,
    };
    let id: number;
    if (existing) {
      await trx.updateTable('email_subscriptions').set(pending).where('id', '=', existing.id).execute();
      id = existing.id;
    } else {
      const row = await trx
        .insertInto('email_subscriptions')
        .values({ ...pending, email, locale: choices.locale, wants_calls: 0, wants_news: 0, unsubscribe_token: randomToken(), created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await saveChoices(trx, id, choices);
    const mail = confirmationMail(choices.locale, confirmLink(ctx.baseUrl, choices.locale, token), choices, options.labels);
    await queueEmail(trx, { userId: null, to: email, locale: choices.locale, purpose: 'subscription-confirm', ...mail }, ctx.deliver, now);
    return 'confirmation-sent';
  });
  try {
    return await attempt();
  } catch (error) {
    // Two requests for a new address at the same moment: the second finds the first's row when it tries again.
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}

export type ConfirmLink =
  | { state: 'valid'; subscription: EmailSubscriptionRow; choices: SubscriptionChoices }
  | { state: 'expired' }
  | { state: 'unknown' };

async function lookUpConfirmLink(db: Executor, token: string, now: Date): Promise<ConfirmLink> {
  if (token.length > MAX_TOKEN_LENGTH) return { state: 'unknown' };
  const row = await findSubscriptionByConfirmHash(db, sha256Hex(token));
  if (!row || row.status !== 'pending' || !row.confirm_expires_at) return { state: 'unknown' };
  if (Date.parse(row.confirm_expires_at) <= now.getTime()) return { state: 'expired' };
  return { state: 'valid', subscription: row, choices: await loadChoices(db, row) };
}

/** What a confirmation link leads to, without changing anything (mail scanners open links). */
export function openConfirmLink(db: Db, token: string, now: Date): Promise<ConfirmLink> {
  return lookUpConfirmLink(db, token, now);
}

/** Confirms the subscription of a valid link; the link is spent. */
export async function confirmSubscription(db: Db, token: string, now: Date): Promise<ConfirmLink['state']> {
  return db.transaction().execute(async (trx) => {
    const link = await lookUpConfirmLink(trx, token, now);
    if (link.state !== 'valid') return link.state;
    await trx
      .updateTable('email_subscriptions')
      .set({ status: 'confirmed', confirmed_at: now.toISOString(), confirm_token_hash: null, confirm_expires_at: null })
      .where('id', '=', link.subscription.id)
      .where('status', '=', 'pending')
      .execute();
    return 'valid';
  });
}

export interface HeldSubscription {
  subscription: EmailSubscriptionRow;
  choices: SubscriptionChoices;
}

/** The subscription an unsubscribe link (the token every message carries) belongs to. */
export async function openUnsubscribeLink(db: Db, token: string): Promise<HeldSubscription | undefined> {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const row = await findSubscriptionByUnsubscribeToken(db, token);
  return row ? { subscription: row, choices: await loadChoices(db, row) } : undefined;
}

/**
 * Ends a subscription. Only what the unsubscribe link needs to say so stays (the address, until the
 * prune deletes the row 30 days later): the choices are deleted and any confirmation link withdrawn.
 */
export async function unsubscribe(db: Db, token: string, now: Date): Promise<'unsubscribed' | 'already' | 'unknown'> {
  if (token.length > MAX_TOKEN_LENGTH) return 'unknown';
  return db.transaction().execute(async (trx) => {
    const row = await findSubscriptionByUnsubscribeToken(trx, token);
    if (!row) return 'unknown';
    if (row.status === 'unsubscribed') return 'already';
    await trx
      .updateTable('email_subscriptions')
      .set({ status: 'unsubscribed', unsubscribed_at: now.toISOString(), wants_calls: 0, wants_news: 0, confirm_token_hash: null, confirm_expires_at: null })
      .where('id', '=', row.id)
      .execute();
    await clearChoices(trx, row.id);
    return 'unsubscribed';
  });
}

/** Changes the choices of a subscription that is still on, from the link in its messages. */
export async function changeChoices(db: Db, token: string, choices: SubscriptionChoices): Promise<boolean> {
  if (token.length > MAX_TOKEN_LENGTH) return false;
  return db.transaction().execute(async (trx) => {
    const row = await findSubscriptionByUnsubscribeToken(trx, token);
    if (!row || row.status === 'unsubscribed') return false;
    await saveChoices(trx, row.id, choices);
    return true;
  });
}
