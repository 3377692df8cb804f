import type { EventListener } from '../../jobs/events.js';
import type { ListenerContext } from '../../jobs/event-listeners.js';
import { queueEmail } from '../mail/email.repository.js';
import { loadCallSubject, loadNewsSubject } from '../notifications/event-subjects.js';
import { callMail, newsMail, subscriberLinks, type MailText } from './subscription-mail.js';
import { listConfirmedSubscribers, type Subscriber } from './subscriptions.repository.js';

/** What a published item is about, for matching it against a subscriber's choices. */
export interface ItemTags {
  regionCodes: readonly string[];
  prioritySlugs: readonly string[];
  /** A news item tagged with no council concerns every council; a call always has its councils. */
  regionless: 'matches-all' | 'matches-none';
}

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/**
 * Whether a subscriber wants an item: no councils chosen means all of them, and a call matches when any
 * of its councils is chosen; no priorities chosen means all, and an item with no priority matches every choice.
 */
export function matchesSubscriber(subscriber: Pick<Subscriber, 'regionCodes' | 'prioritySlugs'>, item: ItemTags): boolean {
  const regionsMatch =
    subscriber.regionCodes.length === 0 ||
    (item.regionCodes.length === 0 ? item.regionless === 'matches-all' : overlaps(subscriber.regionCodes, item.regionCodes));
  const prioritiesMatch = subscriber.prioritySlugs.length === 0 || item.prioritySlugs.length === 0 || overlaps(subscriber.prioritySlugs, item.prioritySlugs);
  return regionsMatch && prioritiesMatch;
}

/**
 * Subscribers' e-mail for a published call or news item: one message to each confirmed subscriber who
 * wants the topic and whose councils and priorities match, in their language, carrying their own
 * unsubscribe link in the body and as List-Unsubscribe. Written in the transaction that settles the event.
 */
export function subscriberEventListener(ctx: ListenerContext): EventListener {
  const { baseUrl } = ctx.config;
  return async (trx, stored, now) => {
    const { event } = stored;
    let topic: 'calls' | 'news';
    let tags: ItemTags;
    let compose: (subscriber: Subscriber, links: ReturnType<typeof subscriberLinks>) => MailText | undefined;
    let purpose: string;
    if (event.type === 'call.published') {
      const call = await loadCallSubject(trx, event.callId, baseUrl);
      if (!call) return;
      topic = 'calls';
      purpose = 'subscription-call';
      tags = { regionCodes: call.regionCodes, prioritySlugs: call.prioritySlugs, regionless: 'matches-none' };
      compose = (s, links) => callMail(s.locale, call, links);
    } else if (event.type === 'news.published') {
      const news = await loadNewsSubject(trx, event.newsId, baseUrl);
      if (!news) return;
      topic = 'news';
      purpose = 'subscription-news';
      tags = { regionCodes: news.regionCodes, prioritySlugs: news.prioritySlugs, regionless: 'matches-all' };
      compose = (s, links) => newsMail(s.locale, news, links);
    } else {
      return;
    }
    for (const subscriber of await listConfirmedSubscribers(trx, topic)) {
      if (!matchesSubscriber(subscriber, tags)) continue;
      const links = subscriberLinks(baseUrl, subscriber.locale, subscriber.unsubscribeToken);
      const mail = compose(subscriber, links);
      if (!mail) continue;
      await queueEmail(
        trx,
        { userId: null, to: subscriber.email, locale: subscriber.locale, purpose, subject: mail.subject, text: mail.text, listUnsubscribe: links.unsubscribe },
        ctx.deliverMail,
        now,
      );
    }
  };
}
