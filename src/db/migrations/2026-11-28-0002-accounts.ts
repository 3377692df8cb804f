import type { PortableMigration } from './portable.js';

/**
 * People, organisations and roles; sessions, one-time tokens, API tokens and second factors;
 * e-mail kept for delivery; the hash-chained audit log.
 */
export const accounts: PortableMigration = {
  async up(db, p) {
    await p
      .id(db.schema.createTable('users'))
      .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('locale', 'varchar(2)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('password_changed_at', p.timestamp)
      .addColumn('totp_secret', 'text')
      .addColumn('totp_enabled_at', p.timestamp)
      .addColumn('totp_last_step', 'integer')
      .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', p.timestamp)
      .addColumn('last_login_at', p.timestamp)
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .addColumn('erased_at', p.timestamp)
      .execute();

    await p
      .id(db.schema.createTable('organisations'))
      .addColumn('business_id', 'varchar(9)', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('org_type', 'varchar(32)', (c) => c.notNull())
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('organisation_members')
      .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('organisation_members_pk', ['organisation_id', 'user_id'])
      .execute();
    await db.schema.createIndex('organisation_members_user_idx').on('organisation_members').column('user_id').execute();

    // Assigned roles. The chair coordinator is not here: it is derived from the rotation and the date.
    await p
      .id(db.schema.createTable('role_assignments'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'varchar(16)', (c) => c.notNull())
      .addColumn('region_code', 'varchar(2)', (c) => c.references('regions.code'))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('role_assignments_user_idx').on('role_assignments').column('user_id').execute();

    await db.schema
      .alterTable('expert_group_members')
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('method', 'varchar(16)', (c) => c.notNull())
      .addColumn('mfa_pending', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('last_seen_at', p.timestamp, (c) => c.notNull())
      .addColumn('expires_at', p.timestamp, (c) => c.notNull())
      .addColumn('ip', 'varchar(64)')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

    // Failed sign-ins by source address, for the per-address rate limit.
    await p
      .id(db.schema.createTable('login_failures'))
      .addColumn('ip', 'varchar(64)', (c) => c.notNull())
      .addColumn('at', p.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_failures_ip_at_idx').on('login_failures').columns(['ip', 'at']).execute();

    // Invitations, password resets and OpenID Connect sign-in state: single-use and expiring.
    await p
      .id(db.schema.createTable('one_time_tokens'))
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('purpose', 'varchar(16)', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('data', 'text')
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('expires_at', p.timestamp, (c) => c.notNull())
      .addColumn('used_at', p.timestamp)
      .execute();

    await p
      .id(db.schema.createTable('recovery_codes'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('used_at', p.timestamp)
      .execute();
    await db.schema.createIndex('recovery_codes_user_idx').on('recovery_codes').column('user_id').execute();

    await p
      .id(db.schema.createTable('api_tokens'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('scopes', 'text', (c) => c.notNull())
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('expires_at', p.timestamp, (c) => c.notNull())
      .addColumn('last_used_at', p.timestamp)
      .addColumn('revoked_at', p.timestamp)
      .execute();

    // E-mail written in the transaction of the change it reports; delivered by SMTP or kept here.
    await p
      .id(db.schema.createTable('email_messages'))
      .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('to_address', 'varchar(254)', (c) => c.notNull())
      .addColumn('locale', 'varchar(2)', (c) => c.notNull())
      .addColumn('purpose', 'varchar(32)', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body_text', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('sent_at', p.timestamp)
      .execute();
    await db.schema.createIndex('email_messages_status_idx').on('email_messages').column('status').execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', p.timestamp, (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_label', 'varchar(64)', (c) => c.notNull())
      .addColumn('ip', 'varchar(64)')
      .addColumn('action', 'varchar(64)', (c) => c.notNull())
      .addColumn('entity_type', 'varchar(32)')
      .addColumn('entity_id', 'varchar(64)')
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .addColumn('prev_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity_type', 'entity_id']).execute();
    await db.schema.createIndex('audit_log_actor_idx').on('audit_log').column('actor_user_id').execute();
    await db.schema.createIndex('audit_log_action_idx').on('audit_log').column('action').execute();
  },

  async down(db) {
    await db.schema.alterTable('expert_group_members').dropColumn('user_id').execute();
    for (const table of [
      'audit_log',
      'email_messages',
      'api_tokens',
      'recovery_codes',
      'one_time_tokens',
      'login_failures',
      'sessions',
      'role_assignments',
      'organisation_members',
      'organisations',
      'users',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
