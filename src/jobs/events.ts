import type { Transaction } from 'kysely';
import type { Executor } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { eventBackoff } from '../domain/retry-backoff.js';
import type { OutboxHandler } from './dispatcher.js';
import { enqueueOutbox } from './outbox.repository.js';

/**
 * What happened, as the platform tells the councils' channels: webhooks, subscribers' e-mail and
 * notices. An event is written to the outbox in the transaction of the change; the dispatcher fans
 * it out (one webhook delivery per subscription, one e-mail per subscriber) in the transaction that
 * marks it delivered, so each recipient's row is written once.
 */
export type DomainEvent =
  | { type: 'call.published'; callId: number }
  | { type: 'call.closing'; callId: number; closesAt: string }
  | { type: 'decision.published'; callId: number; regionCode: string; decisionId: number }
  | { type: 'news.published'; newsId: number }
  | { type: 'chair.handover'; year: number; regionCode: string; previousRegionCode: string | null };

export type DomainEventType = DomainEvent['type'];

/** The event's identity: the same change reported twice is one event. */
export function eventKey(event: DomainEvent): string {
  switch (event.type) {
    case 'call.published':
      return `call.published:${event.callId}`;
    case 'call.closing':
      return `call.closing:${event.callId}:${event.closesAt}`;
    case 'decision.published':
      return `decision.published:${event.decisionId}`;
    case 'news.published':
      return `news.published:${event.newsId}`;
    case 'chair.handover':
      return `chair.handover:${event.year}`;
  }
}

export interface StoredEvent {
  /** The outbox row's idempotency key, which webhook receivers see as the event id. */
  id: string;
  occurredAt: string;
  event: DomainEvent;
}

/** Records an event in the caller's transaction. False when the same event was recorded before. */
export async function emitEvent(db: Executor, event: DomainEvent, now: Date): Promise<boolean> {
  const id = await enqueueOutbox(db, { kind: 'event', idempotencyKey: eventKey(event), payload: { occurredAt: now.toISOString(), event } }, now);
  return id !== null;
}

/** Writes what one event means for one channel (webhook deliveries, subscribers' e-mail, notices), in the given transaction. */
export type EventListener = (trx: Transaction<Database>, stored: StoredEvent, now: Date) => Promise<void>;

/** The outbox handler of events: nothing to send, everything written when the row is settled. */
export function eventFanOutHandler(listeners: readonly EventListener[]): OutboxHandler {
  return {
    backoff: eventBackoff,
    deliver: async () => ({ ok: true }),
    async settle(trx, row, { outcome, now }) {
      if (!outcome.ok) return;
      const payload = JSON.parse(row.payload) as { occurredAt: string; event: DomainEvent };
      const stored: StoredEvent = { id: row.idempotency_key, occurredAt: payload.occurredAt, event: payload.event };
      for (const listener of listeners) await listener(trx, stored, now);
    },
  };
}
