import type { PortableMigration } from './portable.js';

/**
 * News, syndication and notifications, and the transactional outbox that carries every side
 * effect: officers' news items in up to three languages with their tags; the outbox (each e-mail,
 * webhook delivery and event fan-out written in the transaction of the change it reports, leased by
 * one dispatcher at a time); the record of scheduled jobs that ran, so that a job slot runs once
 * across instances; the councils' webhook subscriptions with each delivery and attempt; the public's
 * e-mail subscriptions (double opt-in); users' notification preferences and their daily digest.
 */
export const newsAndNotifications: PortableMigration = {
  async up(db, p) {
    await p
      .id(db.schema.createTable('news_items'))
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('publish_at', p.timestamp)
      .addColumn('published_at', p.timestamp)
      .addColumn('call_id', 'integer', (c) => c.references('calls.id').onDelete('set null'))
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // The public list and the feeds read published items newest first; the scheduler looks for scheduled ones that are due.
    await db.schema.createIndex('news_items_published_idx').on('news_items').columns(['status', 'published_at', 'id']).execute();
    await db.schema.createIndex('news_items_publish_at_idx').on('news_items').columns(['status', 'publish_at']).execute();
    await db.schema.createIndex('news_items_call_idx').on('news_items').column('call_id').execute();

    await db.schema
      .createTable('news_texts')
      .addColumn('news_id', 'integer', (c) => c.notNull().references('news_items.id').onDelete('cascade'))
      .addColumn('locale', 'varchar(2)', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('news_texts_pk', ['news_id', 'locale'])
      .execute();
    await db.schema
      .createTable('news_regions')
      .addColumn('news_id', 'integer', (c) => c.notNull().references('news_items.id').onDelete('cascade'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addPrimaryKeyConstraint('news_regions_pk', ['news_id', 'region_code'])
      .execute();
    await db.schema.createIndex('news_regions_region_idx').on('news_regions').columns(['region_code', 'news_id']).execute();
    await db.schema
      .createTable('news_priorities')
      .addColumn('news_id', 'integer', (c) => c.notNull().references('news_items.id').onDelete('cascade'))
      .addColumn('priority_id', 'integer', (c) => c.notNull().references('priorities.id'))
      .addPrimaryKeyConstraint('news_priorities_pk', ['news_id', 'priority_id'])
      .execute();
    await db.schema.createIndex('news_priorities_priority_idx').on('news_priorities').columns(['priority_id', 'news_id']).execute();

    // The outbox. A row is due when it is pending, its time has come and no live lease holds it; a dispatcher leases a
    // batch (FOR UPDATE SKIP LOCKED on PostgreSQL), delivers, and marks each row delivered only under its own lease.
    await p
      .id(db.schema.createTable('outbox'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('idempotency_key', 'varchar(200)', (c) => c.notNull().unique())
      .addColumn('ref_id', 'integer')
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('available_at', p.timestamp, (c) => c.notNull())
      .addColumn('lease_owner', 'varchar(64)')
      .addColumn('lease_until', p.timestamp)
      .addColumn('last_error', 'text')
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('delivered_at', p.timestamp)
      .execute();
    await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'available_at', 'id']).execute();
    await db.schema.createIndex('outbox_kind_ref_idx').on('outbox').columns(['kind', 'ref_id']).execute();

    // One row per job slot that ran ("deadline-reminders:call:12:7d", "chair-handover:2027"): the insert that claims the
    // slot is in the transaction that writes the job's outbox rows, so a slot runs once however many instances try.
    await db.schema
      .createTable('job_runs')
      .addColumn('job_key', 'varchar(200)', (c) => c.primaryKey())
      .addColumn('owner', 'varchar(64)', (c) => c.notNull())
      .addColumn('ran_at', p.timestamp, (c) => c.notNull())
      .execute();

    await p
      .id(db.schema.createTable('webhook_subscriptions'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      // Encrypted with the application's secret key (secret-box): the signature needs the secret itself.
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_subscriptions_region_idx').on('webhook_subscriptions').columns(['region_code', 'active']).execute();

    await p
      .id(db.schema.createTable('webhook_deliveries'))
      .addColumn('subscription_id', 'integer', (c) => c.notNull().references('webhook_subscriptions.id').onDelete('cascade'))
      .addColumn('event_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('event_id', 'varchar(200)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_status_code', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('last_attempt_at', p.timestamp)
      .addColumn('next_attempt_at', p.timestamp)
      .addColumn('delivered_at', p.timestamp)
      .addColumn('replay_of', 'integer', (c) => c.references('webhook_deliveries.id').onDelete('set null'))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_deliveries_subscription_idx').on('webhook_deliveries').columns(['subscription_id', 'id']).execute();

    await p
      .id(db.schema.createTable('webhook_attempts'))
      .addColumn('delivery_id', 'integer', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
      .addColumn('attempted_at', p.timestamp, (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_attempts_delivery_idx').on('webhook_attempts').columns(['delivery_id', 'id']).execute();

    await p
      .id(db.schema.createTable('email_subscriptions'))
      .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('locale', 'varchar(2)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('wants_calls', 'integer', (c) => c.notNull())
      .addColumn('wants_news', 'integer', (c) => c.notNull())
      // SHA-256 of the confirmation link's token; the unsubscribe token is kept as such, since every message carries it.
      .addColumn('confirm_token_hash', 'varchar(64)', (c) => c.unique())
      .addColumn('confirm_expires_at', p.timestamp)
      .addColumn('unsubscribe_token', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('confirmed_at', p.timestamp)
      .addColumn('unsubscribed_at', p.timestamp)
      .execute();
    await db.schema.createIndex('email_subscriptions_status_idx').on('email_subscriptions').column('status').execute();
    await db.schema
      .createTable('email_subscription_regions')
      .addColumn('subscription_id', 'integer', (c) => c.notNull().references('email_subscriptions.id').onDelete('cascade'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addPrimaryKeyConstraint('email_subscription_regions_pk', ['subscription_id', 'region_code'])
      .execute();
    // Priorities by slug: a subscription outlives a new version of the strategy.
    await db.schema
      .createTable('email_subscription_priorities')
      .addColumn('subscription_id', 'integer', (c) => c.notNull().references('email_subscriptions.id').onDelete('cascade'))
      .addColumn('priority_slug', 'varchar(64)', (c) => c.notNull())
      .addPrimaryKeyConstraint('email_subscription_priorities_pk', ['subscription_id', 'priority_slug'])
      .execute();

    await db.schema
      .createTable('notification_preferences')
      .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('deadline_reminders', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('review_assignments', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('report_notices', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('delivery', 'varchar(16)', (c) => c.notNull().defaultTo('immediate'))
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .execute();

    // Notifications a user with the daily digest gets once a day in one message, instead of one message each.
    await p
      .id(db.schema.createTable('digest_items'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('purpose', 'varchar(32)', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('email_id', 'integer', (c) => c.references('email_messages.id').onDelete('set null'))
      .execute();
    await db.schema.createIndex('digest_items_pending_idx').on('digest_items').columns(['email_id', 'user_id', 'id']).execute();

    // Subscription messages carry a one-click unsubscribe address (RFC 8058).
    await db.schema.alterTable('email_messages').addColumn('list_unsubscribe', 'text').execute();
  },

  async down(db) {
    await db.schema.alterTable('email_messages').dropColumn('list_unsubscribe').execute();
    for (const table of [
      'digest_items',
      'notification_preferences',
      'email_subscription_priorities',
      'email_subscription_regions',
      'email_subscriptions',
      'webhook_attempts',
      'webhook_deliveries',
      'webhook_subscriptions',
      'job_runs',
      'outbox',
      'news_priorities',
      'news_regions',
      'news_texts',
      'news_items',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
