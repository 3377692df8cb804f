import type { PortableMigration } from './portable.js';

/**
 * Joint funding calls (participating councils with their budgets, rules, criteria, extra questions,
 * corrections, questions and answers) and the applications to them (partners with their budgets,
 * text sections, indicators, answers, PDF attachments, editors, and the receipts of submission).
 * Money is integer cents (bigint), rates are basis points (7500 = 75 %).
 */
export const callsAndApplications: PortableMigration = {
  async up(db, p) {
    await p
      .id(db.schema.createTable('calls'))
      .addColumn('reference', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('strategy_id', 'integer', (c) => c.notNull().references('strategies.id'))
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('instrument', 'varchar(16)', (c) => c.notNull())
      .addColumn('title_fi', 'text', (c) => c.notNull())
      .addColumn('title_sv', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('summary_fi', 'text', (c) => c.notNull())
      .addColumn('summary_sv', 'text', (c) => c.notNull())
      .addColumn('summary_en', 'text', (c) => c.notNull())
      .addColumn('body_fi', 'text', (c) => c.notNull())
      .addColumn('body_sv', 'text', (c) => c.notNull())
      .addColumn('body_en', 'text', (c) => c.notNull())
      .addColumn('opens_at', p.timestamp, (c) => c.notNull())
      .addColumn('closes_at', p.timestamp, (c) => c.notNull())
      .addColumn('min_regions', 'integer', (c) => c.notNull())
      .addColumn('eligible_org_types', 'text', (c) => c.notNull())
      .addColumn('min_grant_cents', 'bigint', (c) => c.notNull())
      .addColumn('max_grant_cents', 'bigint', (c) => c.notNull())
      .addColumn('max_aid_rate_bp', 'integer', (c) => c.notNull())
      .addColumn('max_duration_months', 'integer', (c) => c.notNull())
      .addColumn('lead_region_must_participate', 'integer', (c) => c.notNull())
      .addColumn('cost_model', 'varchar(16)', (c) => c.notNull())
      .addColumn('flat_rate_bp', 'integer', (c) => c.notNull())
      .addColumn('min_total_score', 'integer', (c) => c.notNull())
      .addColumn('contact_email', 'varchar(254)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('published_at', p.timestamp)
      .addColumn('review_started_at', p.timestamp)
      .addColumn('decided_at', p.timestamp)
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('calls_status_idx').on('calls').columns(['status', 'closes_at']).execute();

    await db.schema
      .createTable('call_regions')
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id').onDelete('cascade'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('budget_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('call_regions_pk', ['call_id', 'region_code'])
      .execute();

    await db.schema
      .createTable('call_priorities')
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id').onDelete('cascade'))
      .addColumn('priority_id', 'integer', (c) => c.notNull().references('priorities.id'))
      .addPrimaryKeyConstraint('call_priorities_pk', ['call_id', 'priority_id'])
      .execute();

    await p
      .id(db.schema.createTable('call_criteria'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id').onDelete('cascade'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('name_fi', 'text', (c) => c.notNull())
      .addColumn('name_sv', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('description_fi', 'text', (c) => c.notNull())
      .addColumn('description_sv', 'text', (c) => c.notNull())
      .addColumn('description_en', 'text', (c) => c.notNull())
      .addColumn('weight', 'integer', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('call_criteria_call_idx').on('call_criteria').column('call_id').execute();

    await p
      .id(db.schema.createTable('call_questions'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id').onDelete('cascade'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('label_fi', 'text', (c) => c.notNull())
      .addColumn('label_sv', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text', (c) => c.notNull())
      .addColumn('help_fi', 'text', (c) => c.notNull())
      .addColumn('help_sv', 'text', (c) => c.notNull())
      .addColumn('help_en', 'text', (c) => c.notNull())
      // JSON array of {fi, sv, en} for choice questions, [] otherwise.
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.notNull())
      .addColumn('max_length', 'integer')
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('call_questions_call_idx').on('call_questions').column('call_id').execute();

    // Corrections of a published call, announced on its page.
    await p
      .id(db.schema.createTable('call_corrections'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id').onDelete('cascade'))
      .addColumn('note_fi', 'text', (c) => c.notNull())
      .addColumn('note_sv', 'text', (c) => c.notNull())
      .addColumn('note_en', 'text', (c) => c.notNull())
      // JSON array of the names of the fields that changed.
      .addColumn('changed_fields', 'text', (c) => c.notNull())
      .addColumn('corrected_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('corrected_at', p.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('call_corrections_call_idx').on('call_corrections').column('call_id').execute();

    // Questions asked about a call; the answer is published for everyone (equal treatment).
    await p
      .id(db.schema.createTable('call_inquiries'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id').onDelete('cascade'))
      .addColumn('asked_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('locale', 'varchar(2)', (c) => c.notNull())
      .addColumn('asked_at', p.timestamp, (c) => c.notNull())
      // The question as published (an officer may take names and other personal data out of it).
      .addColumn('public_question', 'text')
      .addColumn('answer', 'text')
      .addColumn('answered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('answered_at', p.timestamp)
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('call_inquiries_call_idx').on('call_inquiries').columns(['call_id', 'status']).execute();

    await p
      .id(db.schema.createTable('applications'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id'))
      .addColumn('lead_organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('priority_id', 'integer', (c) => c.references('priorities.id'))
      .addColumn('start_date', p.date)
      .addColumn('end_date', p.date)
      // Optimistic lock of the lead partner's part (title, texts, dates, indicators, answers).
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('submitted_at', p.timestamp)
      .addColumn('withdrawn_at', p.timestamp)
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('applications_call_idx').on('applications').columns(['call_id', 'status']).execute();
    await db.schema.createIndex('applications_lead_idx').on('applications').column('lead_organisation_id').execute();

    await db.schema
      .createTable('application_growth_sectors')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('growth_sector_id', 'integer', (c) => c.notNull().references('growth_sectors.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('application_growth_sectors_pk', ['application_id', 'growth_sector_id'])
      .execute();

    // The description in sections; a section marked secret is a business secret, never public.
    await db.schema
      .createTable('application_sections')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('section', 'varchar(32)', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('is_secret', 'integer', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('application_sections_pk', ['application_id', 'section'])
      .execute();

    await p
      .id(db.schema.createTable('application_partners'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
      .addColumn('is_lead', 'integer', (c) => c.notNull())
      // The region where this partner works in the project (the council that funds its share).
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('role_description', 'text', (c) => c.notNull())
      .addColumn('contact_name', 'text', (c) => c.notNull())
      .addColumn('contact_email', 'varchar(254)', (c) => c.notNull())
      .addColumn('requested_cents', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('own_funding_cents', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('other_public_cents', 'bigint', (c) => c.notNull().defaultTo(0))
      // Optimistic lock of this partner's part (details, costs, financing).
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addUniqueConstraint('application_partners_org_unique', ['application_id', 'organisation_id'])
      .execute();

    // A partner's costs by category (staff for the flat-rate model; every category when itemised).
    await db.schema
      .createTable('application_partner_costs')
      .addColumn('partner_id', 'integer', (c) => c.notNull().references('application_partners.id').onDelete('cascade'))
      .addColumn('category', 'varchar(32)', (c) => c.notNull())
      .addColumn('amount_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_partner_costs_pk', ['partner_id', 'category'])
      .execute();

    // Who may edit: the lead organisation's members edit everything; invited people their partner's part.
    await db.schema
      .createTable('application_editors')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('partner_id', 'integer', (c) => c.notNull().references('application_partners.id').onDelete('cascade'))
      .addColumn('invited_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('application_editors_pk', ['application_id', 'user_id', 'partner_id'])
      .execute();
    await db.schema.createIndex('application_editors_user_idx').on('application_editors').column('user_id').execute();

    await p
      .id(db.schema.createTable('application_indicators'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('target_value', 'bigint', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('application_indicators_app_idx').on('application_indicators').column('application_id').execute();

    // PDF attachments, kept in the database with their SHA-256 (one backup, one transaction).
    await p
      .id(db.schema.createTable('attachments'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('question_id', 'integer', (c) => c.references('call_questions.id').onDelete('set null'))
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('content_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('content', p.dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('uploaded_at', p.timestamp, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_application_idx').on('attachments').column('application_id').execute();

    await db.schema
      .createTable('application_answers')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('question_id', 'integer', (c) => c.notNull().references('call_questions.id').onDelete('cascade'))
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('application_answers_pk', ['application_id', 'question_id'])
      .execute();

    // Receipts: what was submitted, when and by whom, frozen as canonical JSON with its SHA-256.
    await p
      .id(db.schema.createTable('application_submissions'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
      .addColumn('receipt_number', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('submitted_at', p.timestamp, (c) => c.notNull())
      .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('content_sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', p.timestamp)
      .execute();
    await db.schema.createIndex('application_submissions_app_idx').on('application_submissions').column('application_id').execute();
  },
};
