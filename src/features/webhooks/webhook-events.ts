import type { Executor } from '../../db/database.js';
import type { WebhookEventType } from '../../db/schema-notifications.js';
import type { ListenerContext } from '../../jobs/event-listeners.js';
import type { EventListener, StoredEvent } from '../../jobs/events.js';
import { loadCallSubject, loadDecisionSubject, loadNewsSubject } from '../notifications/event-subjects.js';
import { activeSubscriptionsFor, queueDelivery } from './webhooks.repository.js';

/** The JSON body of every delivery: the event's id (the same in a replay), its type, when it happened, and public data. */
export interface WebhookBody {
  id: string;
  type: WebhookEventType | 'ping';
  occurredAt: string;
  data: unknown;
}

interface Target {
  type: WebhookEventType;
  /** The councils whose subscriptions hear of the event. */
  regionCodes: string[];
  data: unknown;
}

/** Who hears of an event and what they are told: public data only (DESIGN.md, "Publicity"). Undefined when nothing is to be sent. */
async function targetOf(db: Executor, stored: StoredEvent, baseUrl: string): Promise<Target | undefined> {
  const event = stored.event;
  switch (event.type) {
    case 'call.published': {
      const call = await loadCallSubject(db, event.callId, baseUrl);
      return call && { type: event.type, regionCodes: call.regionCodes, data: call };
    }
    case 'call.closing': {
      const call = await loadCallSubject(db, event.callId, baseUrl);
      // A deadline moved since the event was recorded makes a new event of its own (or none, if now further away).
      if (!call || call.closesAt !== event.closesAt) return undefined;
      return { type: event.type, regionCodes: call.regionCodes, data: call };
    }
    case 'decision.published': {
      const decision = await loadDecisionSubject(db, event.decisionId, baseUrl);
      return decision && { type: event.type, regionCodes: [decision.regionCode], data: decision };
    }
    case 'news.published': {
      const news = await loadNewsSubject(db, event.newsId, baseUrl);
      if (!news) return undefined;
      // An item tagged with no region concerns every council.
      const regionCodes = news.regionCodes.length > 0 ? news.regionCodes : (await db.selectFrom('regions').select('code').execute()).map((r) => r.code);
      return { type: event.type, regionCodes, data: news };
    }
    case 'chair.handover':
      return undefined;
  }
}

/** Fans an event out to the webhook subscriptions of the councils concerned that chose its type: one delivery each. */
export function webhookEventListener(ctx: ListenerContext): EventListener {
  return async (trx, stored, now) => {
    const target = await targetOf(trx, stored, ctx.config.baseUrl);
    if (!target) return;
    const subscriptions = await activeSubscriptionsFor(trx, target.regionCodes, target.type);
    if (subscriptions.length === 0) return;
    const body: WebhookBody = { id: stored.id, type: target.type, occurredAt: stored.occurredAt, data: target.data };
    const json = JSON.stringify(body);
    for (const subscription of subscriptions) {
      await queueDelivery(trx, { subscriptionId: subscription.id, type: target.type, eventId: stored.id, body: json }, now);
    }
  };
}
