import type { Generated, Selectable } from 'kysely';

/** Row types of the news, outbox, webhook, subscription and notification tables (migration 0006). */

export type NewsStatus = 'draft' | 'scheduled' | 'published';

export interface NewsItemTable {
  id: Generated<number>;
  status: NewsStatus;
  /** When a scheduled item goes public; null for drafts and items published by hand. */
  publish_at: string | null;
  published_at: string | null;
  call_id: number | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  is_demo: Generated<number>;
}

export interface NewsTextTable {
  news_id: number;
  locale: string;
  title: string;
  summary: string;
  body: string;
}

export interface NewsRegionTable {
  news_id: number;
  region_code: string;
}

export interface NewsPriorityTable {
  news_id: number;
  priority_id: number;
}

/** What an outbox row carries: an e-mail (email_messages.id), a webhook delivery, or an event to fan out. */
export type OutboxKind = 'email' | 'webhook' | 'event';
export type OutboxStatus = 'pending' | 'delivered' | 'failed';

export interface OutboxTable {
  id: Generated<number>;
  kind: OutboxKind;
  /** Unique: writing the same effect twice is a no-op, and receivers see it as the Idempotency-Key / Message-ID. */
  idempotency_key: string;
  ref_id: number | null;
  /** JSON. */
  payload: string;
  status: OutboxStatus;
  attempts: Generated<number>;
  available_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface JobRunTable {
  job_key: string;
  owner: string;
  ran_at: string;
}

export type WebhookEventType = 'call.published' | 'call.closing' | 'decision.published' | 'news.published';
export const webhookEventTypes: readonly WebhookEventType[] = ['call.published', 'call.closing', 'decision.published', 'news.published'];

export interface WebhookSubscriptionTable {
  id: Generated<number>;
  region_code: string;
  url: string;
  description: string;
  secret_sealed: string;
  /** Comma-separated WebhookEventType values. */
  events: string;
  active: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveryTable {
  id: Generated<number>;
  subscription_id: number;
  /** An event, or 'ping': a test delivery an officer sends from the subscription's page. */
  event_type: WebhookEventType | 'ping';
  /** The event's idempotency key; the same for a replay, so the receiver can tell. */
  event_id: string;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: Generated<number>;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  replay_of: number | null;
  created_at: string;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  delivery_id: number;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export type EmailSubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed';

export interface EmailSubscriptionTable {
  id: Generated<number>;
  email: string;
  locale: string;
  status: EmailSubscriptionStatus;
  wants_calls: number;
  wants_news: number;
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  unsubscribe_token: string;
  created_at: string;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface EmailSubscriptionRegionTable {
  subscription_id: number;
  region_code: string;
}

export interface EmailSubscriptionPriorityTable {
  subscription_id: number;
  priority_slug: string;
}

export type NotificationDelivery = 'immediate' | 'daily';

export interface NotificationPreferenceTable {
  user_id: number;
  deadline_reminders: Generated<number>;
  review_assignments: Generated<number>;
  report_notices: Generated<number>;
  delivery: Generated<NotificationDelivery>;
  updated_at: string;
}

export interface DigestItemTable {
  id: Generated<number>;
  user_id: number;
  purpose: string;
  subject: string;
  body_text: string;
  created_at: string;
  email_id: number | null;
}

export interface NotificationTables {
  news_items: NewsItemTable;
  news_texts: NewsTextTable;
  news_regions: NewsRegionTable;
  news_priorities: NewsPriorityTable;
  outbox: OutboxTable;
  job_runs: JobRunTable;
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
  email_subscriptions: EmailSubscriptionTable;
  email_subscription_regions: EmailSubscriptionRegionTable;
  email_subscription_priorities: EmailSubscriptionPriorityTable;
  notification_preferences: NotificationPreferenceTable;
  digest_items: DigestItemTable;
}

export type NewsItemRow = Selectable<NewsItemTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type WebhookSubscriptionRow = Selectable<WebhookSubscriptionTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
export type EmailSubscriptionRow = Selectable<EmailSubscriptionTable>;
