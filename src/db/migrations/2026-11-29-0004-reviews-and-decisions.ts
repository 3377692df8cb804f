import type { PortableMigration } from './portable.js';

/**
 * Expert review (assignments with the reviewer's disqualification declaration, scores per criterion,
 * officers' consensus scores), the officers' assessment of each application (formal ineligibility, a
 * grant fixed below the request), the funding proposal frozen for decisions, each council's decision
 * on its shares, the decision letters, and files attached to e-mail (the letters).
 */
export const reviewsAndDecisions: PortableMigration = {
  async up(db, p) {
    const blob = p.dialect === 'postgres' ? 'bytea' : 'blob';

    await p
      .id(db.schema.createTable('review_assignments'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('reviewer_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('method', 'varchar(16)', (c) => c.notNull())
      .addColumn('status', 'varchar(24)', (c) => c.notNull())
      .addColumn('barred_reason', 'varchar(32)')
      .addColumn('assigned_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('assigned_at', p.timestamp, (c) => c.notNull())
      .addColumn('declared_at', p.timestamp)
      .addColumn('disqualification_grounds', 'text')
      .addColumn('declaration_note', 'text')
      .addColumn('submitted_at', p.timestamp)
      .addUniqueConstraint('review_assignments_unique', ['application_id', 'reviewer_id'])
      .execute();
    await db.schema.createIndex('review_assignments_reviewer_idx').on('review_assignments').columns(['reviewer_id', 'status']).execute();

    await db.schema
      .createTable('review_scores')
      .addColumn('assignment_id', 'integer', (c) => c.notNull().references('review_assignments.id').onDelete('cascade'))
      .addColumn('criterion_id', 'integer', (c) => c.notNull().references('call_criteria.id').onDelete('cascade'))
      .addColumn('score', 'integer')
      .addColumn('comment', 'text', (c) => c.notNull())
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('review_scores_pk', ['assignment_id', 'criterion_id'])
      .execute();

    await db.schema
      .createTable('consensus_scores')
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('criterion_id', 'integer', (c) => c.notNull().references('call_criteria.id').onDelete('cascade'))
      .addColumn('score', 'integer', (c) => c.notNull())
      .addColumn('justification', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('recorded_at', p.timestamp, (c) => c.notNull())
      .addPrimaryKeyConstraint('consensus_scores_pk', ['application_id', 'criterion_id'])
      .execute();

    await db.schema
      .createTable('application_assessments')
      .addColumn('application_id', 'integer', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
      .addColumn('ineligible_reason', 'text')
      .addColumn('ineligible_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('ineligible_at', p.timestamp)
      .addColumn('fixed_grant_cents', 'bigint')
      .addColumn('fixed_reason', 'text')
      .addColumn('fixed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('fixed_at', p.timestamp)
      .execute();

    await p
      .id(db.schema.createTable('funding_proposals'))
      .addColumn('call_id', 'integer', (c) => c.notNull().unique().references('calls.id').onDelete('cascade'))
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('confirmed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('confirmed_at', p.timestamp, (c) => c.notNull())
      .execute();

    await p
      .id(db.schema.createTable('council_decisions'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id').onDelete('cascade'))
      .addColumn('proposal_id', 'integer', (c) => c.notNull().references('funding_proposals.id'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('decision_number', 'varchar(64)', (c) => c.notNull())
      .addColumn('decision_date', p.date, (c) => c.notNull())
      .addColumn('decision_maker', 'text', (c) => c.notNull())
      .addColumn('grounds', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('recorded_at', p.timestamp, (c) => c.notNull())
      .addUniqueConstraint('council_decisions_unique', ['call_id', 'region_code'])
      .execute();

    await db.schema
      .createTable('council_decision_shares')
      .addColumn('decision_id', 'integer', (c) => c.notNull().references('council_decisions.id').onDelete('cascade'))
      .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
      .addColumn('requested_cents', 'bigint', (c) => c.notNull())
      .addColumn('granted_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('council_decision_shares_pk', ['decision_id', 'application_id'])
      .execute();
    await db.schema.createIndex('council_decision_shares_app_idx').on('council_decision_shares').column('application_id').execute();

    await db.schema
      .createTable('decision_letters')
      .addColumn('application_id', 'integer', (c) => c.primaryKey().references('applications.id').onDelete('cascade'))
      .addColumn('locale', 'varchar(2)', (c) => c.notNull())
      .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      .addColumn('content', blob, (c) => c.notNull())
      .addColumn('final_at', p.timestamp, (c) => c.notNull())
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .execute();

    await p
      .id(db.schema.createTable('email_attachments'))
      .addColumn('email_id', 'integer', (c) => c.notNull().references('email_messages.id').onDelete('cascade'))
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('content_type', 'varchar(64)', (c) => c.notNull())
      .addColumn('content', blob, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('email_attachments_email_idx').on('email_attachments').column('email_id').execute();
  },
};
