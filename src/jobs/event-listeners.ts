import type { Config } from '../config.js';
import { subscriberEventListener } from '../features/subscriptions/subscription-events.js';
import { webhookEventListener } from '../features/webhooks/webhook-events.js';
import type { EventListener } from './events.js';

export interface ListenerContext {
  config: Config;
  /** False when no mail server is configured: e-mail is kept, not sent. */
  deliverMail: boolean;
}

/** Everything an event fans out to, in order. Each channel adds its own line. */
export function eventListeners(ctx: ListenerContext): EventListener[] {
  return [subscriberEventListener(ctx), webhookEventListener(ctx)];
}
