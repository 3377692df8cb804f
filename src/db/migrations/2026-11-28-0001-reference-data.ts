import type { PortableMigration } from './portable.js';

/** Regions, strategies with their priorities, growth sectors, chair rotation and the expert group. */
export const referenceData: PortableMigration = {
  async up(db, p) {
    await db.schema
      .createTable('regions')
      .addColumn('code', 'varchar(2)', (c) => c.primaryKey())
      .addColumn('nuts3', 'varchar(5)', (c) => c.notNull().unique())
      .addColumn('slug', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('name_fi', 'text', (c) => c.notNull())
      .addColumn('name_sv', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('council_name_fi', 'text', (c) => c.notNull())
      .addColumn('council_name_sv', 'text', (c) => c.notNull())
      .addColumn('council_name_en', 'text', (c) => c.notNull())
      .addColumn('council_website', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .execute();

    await p
      .id(db.schema.createTable('strategies'))
      .addColumn('slug', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('name_fi', 'text', (c) => c.notNull())
      .addColumn('name_sv', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('summary_fi', 'text', (c) => c.notNull())
      .addColumn('summary_sv', 'text', (c) => c.notNull())
      .addColumn('summary_en', 'text', (c) => c.notNull())
      .addColumn('valid_from', p.date, (c) => c.notNull())
      .addColumn('valid_to', p.date)
      .execute();

    await p
      .id(db.schema.createTable('priorities'))
      .addColumn('strategy_id', 'integer', (c) => c.notNull().references('strategies.id').onDelete('cascade'))
      .addColumn('slug', 'varchar(64)', (c) => c.notNull())
      .addColumn('name_fi', 'text', (c) => c.notNull())
      .addColumn('name_sv', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('description_fi', 'text', (c) => c.notNull())
      .addColumn('description_sv', 'text', (c) => c.notNull())
      .addColumn('description_en', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addUniqueConstraint('priorities_strategy_slug_unique', ['strategy_id', 'slug'])
      .execute();

    await p
      .id(db.schema.createTable('growth_sectors'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('slug', 'varchar(96)', (c) => c.notNull())
      .addColumn('name_fi', 'text', (c) => c.notNull())
      .addColumn('name_sv', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull())
      .addUniqueConstraint('growth_sectors_region_slug_unique', ['region_code', 'slug'])
      .execute();

    await db.schema
      .createTable('growth_sector_priorities')
      .addColumn('growth_sector_id', 'integer', (c) => c.notNull().references('growth_sectors.id').onDelete('cascade'))
      .addColumn('priority_id', 'integer', (c) => c.notNull().references('priorities.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('growth_sector_priorities_pk', ['growth_sector_id', 'priority_id'])
      .execute();
    await db.schema
      .createIndex('growth_sector_priorities_priority_idx')
      .on('growth_sector_priorities')
      .column('priority_id')
      .execute();

    await db.schema
      .createTable('chair_rotation')
      .addColumn('position', 'integer', (c) => c.primaryKey())
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().unique().references('regions.code'))
      .execute();
    await db.schema
      .createTable('chair_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('base_year', 'integer', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('chair_overrides')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();

    await p
      .id(db.schema.createTable('expert_group_members'))
      .addColumn('region_code', 'varchar(2)', (c) => c.notNull().references('regions.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title_fi', 'text', (c) => c.notNull())
      .addColumn('title_sv', 'text', (c) => c.notNull())
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('organisation', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('expert_group_members_region_idx').on('expert_group_members').column('region_code').execute();

    await p
      .id(db.schema.createTable('accessibility_feedback'))
      .addColumn('reference', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('received_at', p.timestamp, (c) => c.notNull())
      .addColumn('locale', 'varchar(2)', (c) => c.notNull())
      .addColumn('page_url', 'text')
      .addColumn('name', 'text')
      .addColumn('email', 'text')
      .addColumn('message', 'text', (c) => c.notNull())
      .execute();
  },

  async down(db) {
    for (const table of [
      'accessibility_feedback',
      'expert_group_members',
      'chair_overrides',
      'chair_settings',
      'chair_rotation',
      'growth_sector_priorities',
      'growth_sectors',
      'priorities',
      'strategies',
      'regions',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};
