import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { OutboxKind } from '../db/schema-notifications.js';
import type { Mailer } from '../features/mail/mailer.js';
import { createWebhookHandler } from '../features/webhooks/webhook.handler.js';
import type { OutboxHandler } from './dispatcher.js';
import { eventListeners } from './event-listeners.js';
import { eventFanOutHandler } from './events.js';

/** How each kind of outbox row is delivered in this process. */
export function outboxHandlers(config: Config, db: Db, mailer: Mailer): Partial<Record<OutboxKind, OutboxHandler>> {
  return {
    ...(mailer.handler ? { email: mailer.handler } : {}),
    webhook: createWebhookHandler(config, db),
    event: eventFanOutHandler(eventListeners({ config, deliverMail: mailer.delivers })),
  };
}
