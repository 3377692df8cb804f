import { sql } from 'kysely';
import type { PortableMigration } from './portable.js';

/**
 * Funded projects and their monitoring: a project made from each funded application when its
 * outcome becomes final (its partners and each council's grant copied from the decisions), the
 * reporting periods officers set, the lead partner's reports (narrative, spending to date per
 * partner, indicator values), the indicator catalogue with the strategy's targets, and the
 * search index of the public project database (stems computed in the application, so that both
 * databases answer a query identically).
 */
export const projectsAndMonitoring: PortableMigration = {
  async up(db, p) {
    await p
      .id(db.schema.createTable('projects'))
      .addColumn('application_id', 'integer', (c) => c.notNull().unique().references('applications.id'))
      .addColumn('call_id', 'integer', (c) => c.notNull().references('calls.id'))
      .addColumn('strategy_id', 'integer', (c) => c.notNull().references('strategies.id'))
      .addColumn('priority_id', 'integer', (c) => c.references('priorities.id'))
      .addColumn('lead_organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
      .addColumn('instrument', 'varchar(16)', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('start_date', p.date)
      .addColumn('end_date', p.date)
      .addColumn('decision_year', 'integer', (c) => c.notNull())
      .addColumn('granted_cents', 'bigint', (c) => c.notNull())
      .addColumn('region_count', 'integer', (c) => c.notNull())
      .addColumn('region_mask', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('funded_at', p.timestamp, (c) => c.notNull())
      .addColumn('completed_at', p.timestamp)
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .execute();
    for (const column of ['call_id', 'priority_id', 'lead_organisation_id', 'status']) {
      await db.schema.createIndex(`projects_${column}_idx`).on('projects').column(column).execute();
    }
    // The dashboard filters by strategy version, years and instrument and sums by priority, call, year and region set:
    // this index covers all of it, so its queries never read the wide rows. The project list without a query pages by
    // funding time.
    await db.schema
      .createIndex('projects_monitoring_idx')
      .on('projects')
      .columns(['strategy_id', 'decision_year', 'instrument', 'priority_id', 'call_id', 'region_count', 'region_mask', 'granted_cents', 'id'])
      .execute();
    await db.schema.createIndex('projects_decision_year_idx').on('projects').columns(['decision_year', 'id']).execute();
    await db.schema.createIndex('projects_funded_at_idx').on('projects').columns(['funded_at', 'id']).execute();

    await p
      .id(db.schema.createTable('project_partners'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('application_partner_id', 'integer', (c) => c.notNull().unique().references('application_partners.id'))
      .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('is_lead', 'integer', (c) => c.notNull())
      .addColumn('requested_cents', 'bigint', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('project_partners_project_idx').on('project_partners').columns(['project_id', 'region_code']).execute();
    await db.schema.createIndex('project_partners_org_idx').on('project_partners').columns(['organisation_id', 'project_id']).execute();
    await db.schema.createIndex('project_partners_region_idx').on('project_partners').columns(['region_code', 'project_id']).execute();

    // The dashboard sums grants per council over many projects: on SQLite the rows live in the primary key's b-tree.
    const funding = db.schema
      .createTable('project_funding')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('granted_cents', 'bigint', (c) => c.notNull())
      .addColumn('decision_id', 'integer', (c) => c.notNull().references('council_decisions.id'))
      .addPrimaryKeyConstraint('project_funding_pk', ['project_id', 'region_code']);
    await (p.dialect === 'postgres' ? funding : funding.modifyEnd(sql`without rowid`)).execute();
    await db.schema.createIndex('project_funding_region_idx').on('project_funding').columns(['region_code', 'project_id']).execute();

    await p
      .id(db.schema.createTable('reporting_periods'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('period_start', p.date, (c) => c.notNull())
      .addColumn('period_end', p.date, (c) => c.notNull())
      .addColumn('due_date', p.date, (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .addUniqueConstraint('reporting_periods_unique', ['project_id', 'kind', 'period_end'])
      .execute();
    await db.schema.createIndex('reporting_periods_due_idx').on('reporting_periods').column('due_date').execute();

    await p
      .id(db.schema.createTable('project_reports'))
      .addColumn('period_id', 'integer', (c) => c.notNull().unique().references('reporting_periods.id').onDelete('cascade'))
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('narrative', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('updated_at', p.timestamp, (c) => c.notNull())
      .addColumn('submitted_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('submitted_at', p.timestamp)
      .addColumn('first_submitted_at', p.timestamp)
      .addColumn('reviewed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('reviewed_at', p.timestamp)
      .addColumn('review_comment', 'text')
      .execute();
    await db.schema.createIndex('project_reports_project_idx').on('project_reports').columns(['project_id', 'status']).execute();

    await db.schema
      .createTable('report_spending')
      .addColumn('report_id', 'integer', (c) => c.notNull().references('project_reports.id').onDelete('cascade'))
      .addColumn('project_partner_id', 'integer', (c) => c.notNull().references('project_partners.id').onDelete('cascade'))
      .addColumn('spent_cents', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_spending_pk', ['report_id', 'project_partner_id'])
      .execute();

    await p
      .id(db.schema.createTable('indicators'))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('source', 'varchar(16)', (c) => c.notNull())
      .addColumn('unit', 'varchar(16)', (c) => c.notNull())
      .addColumn('decimals', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('computed', 'varchar(32)')
      .addColumn('name_fi', 'text', (c) => c.notNull())
      .addColumn('name_sv', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('description_fi', 'text', (c) => c.notNull())
      .addColumn('description_sv', 'text', (c) => c.notNull())
      .addColumn('description_en', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', p.timestamp, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('project_indicators')
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
      .addColumn('target_hundredths', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('project_indicators_pk', ['project_id', 'indicator_id'])
      .execute();
    await db.schema.createIndex('project_indicators_indicator_idx').on('project_indicators').column('indicator_id').execute();

    await db.schema
      .createTable('report_indicator_values')
      .addColumn('report_id', 'integer', (c) => c.notNull().references('project_reports.id').onDelete('cascade'))
      .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
      .addColumn('value_hundredths', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_indicator_values_pk', ['report_id', 'indicator_id'])
      .execute();

    await db.schema
      .createTable('strategy_indicator_targets')
      .addColumn('strategy_id', 'integer', (c) => c.notNull().references('strategies.id').onDelete('cascade'))
      .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
      .addColumn('target_hundredths', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('strategy_indicator_targets_pk', ['strategy_id', 'indicator_id'])
      .execute();

    // Search reads (term → project, weight) and nothing else: on SQLite the table is its primary key
    // (WITHOUT ROWID), on PostgreSQL the primary key's index carries the weight, so a lookup never
    // visits the table.
    if (p.dialect === 'postgres') {
      await sql`create table project_search_terms (
        term varchar(64) not null,
        project_id integer not null references projects (id) on delete cascade,
        weight integer not null,
        constraint project_search_terms_pk primary key (term, project_id) include (weight)
      )`.execute(db);
    } else {
      await db.schema
        .createTable('project_search_terms')
        .addColumn('term', 'varchar(64)', (c) => c.notNull())
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('weight', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('project_search_terms_pk', ['term', 'project_id'])
        .modifyEnd(sql`without rowid`)
        .execute();
    }
    await db.schema.createIndex('project_search_terms_project_idx').on('project_search_terms').column('project_id').execute();
  },
};
