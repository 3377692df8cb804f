import type { Db, Executor } from '../database.js';
import { hashPassword } from '../../security/passwords.js';
import { DEMO_PASSWORD, demoAccounts, demoExpertGroup, demoOrganisation } from './demo-data.js';
import { chairRotation, growthSectors, regions, strategies } from './reference-data.js';
import { indicatorCatalogue } from './indicator-catalogue.js';

export interface SeedReport {
  regions: number;
  strategies: number;
  priorities: number;
  growthSectors: number;
  chairRotation: number;
  indicators: number;
}

/**
 * Inserts the reference data that is missing and leaves every existing row as it is, so it can run
 * at every start without undoing an officer's edits. One transaction: all of it or none.
 */
export async function seedReferenceData(db: Db): Promise<SeedReport> {
  return db.transaction().execute(async (trx) => {
    const report: SeedReport = { regions: 0, strategies: 0, priorities: 0, growthSectors: 0, chairRotation: 0, indicators: 0 };

    for (const [index, r] of regions.entries()) {
      const result = await trx
        .insertInto('regions')
        .values({
          code: r.code,
          nuts3: r.nuts3,
          slug: r.slug,
          name_fi: r.name.fi,
          name_sv: r.name.sv,
          name_en: r.name.en,
          council_name_fi: r.council.fi,
          council_name_sv: r.council.sv,
          council_name_en: r.council.en,
          council_website: r.website,
          sort_order: index,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      report.regions += Number(result.numInsertedOrUpdatedRows ?? 0);
    }

    for (const s of strategies) {
      let strategy = await trx.selectFrom('strategies').select('id').where('slug', '=', s.slug).executeTakeFirst();
      if (!strategy) {
        strategy = await trx
          .insertInto('strategies')
          .values({
            slug: s.slug,
            name_fi: s.name.fi,
            name_sv: s.name.sv,
            name_en: s.name.en,
            summary_fi: s.summary.fi,
            summary_sv: s.summary.sv,
            summary_en: s.summary.en,
            valid_from: s.validFrom,
            valid_to: s.validTo,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        report.strategies += 1;
        for (const [index, p] of s.priorities.entries()) {
          await trx
            .insertInto('priorities')
            .values({
              strategy_id: strategy.id,
              slug: p.slug,
              name_fi: p.name.fi,
              name_sv: p.name.sv,
              name_en: p.name.en,
              description_fi: p.description.fi,
              description_sv: p.description.sv,
              description_en: p.description.en,
              sort_order: index,
            })
            .execute();
          report.priorities += 1;
        }
      }
    }

    const current = await trx
      .selectFrom('strategies')
      .select('id')
      .where('slug', '=', strategies[0]!.slug)
      .executeTakeFirstOrThrow();
    for (const [index, g] of growthSectors.entries()) {
      const exists = await trx
        .selectFrom('growth_sectors')
        .select('id')
        .where('region_code', '=', g.regionCode)
        .where('slug', '=', g.slug)
        .executeTakeFirst();
      if (exists) continue;
      const inserted = await trx
        .insertInto('growth_sectors')
        .values({
          region_code: g.regionCode,
          slug: g.slug,
          name_fi: g.name.fi,
          name_sv: g.name.sv,
          name_en: g.name.en,
          sort_order: index,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      report.growthSectors += 1;
      const priorityIds = await trx
        .selectFrom('priorities')
        .select('id')
        .where('strategy_id', '=', current.id)
        .where('slug', 'in', [...g.priorities])
        .execute();
      if (priorityIds.length > 0) {
        await trx
          .insertInto('growth_sector_priorities')
          .values(priorityIds.map((p) => ({ growth_sector_id: inserted.id, priority_id: p.id })))
          .execute();
      }
    }

    const settings = await trx.selectFrom('chair_settings').select('id').executeTakeFirst();
    if (!settings) {
      await trx.insertInto('chair_settings').values({ id: 1, base_year: chairRotation.baseYear }).execute();
      await trx
        .insertInto('chair_rotation')
        .values(chairRotation.order.map((region_code, position) => ({ position, region_code })))
        .execute();
      report.chairRotation = chairRotation.order.length;
    }

    const seededAt = new Date().toISOString();
    for (const [index, i] of indicatorCatalogue.entries()) {
      const result = await trx
        .insertInto('indicators')
        .values({
          code: i.code,
          kind: i.kind,
          source: i.source,
          unit: i.unit,
          decimals: i.decimals,
          computed: i.computed,
          name_fi: i.name.fi,
          name_sv: i.name.sv,
          name_en: i.name.en,
          description_fi: i.description.fi,
          description_sv: i.description.sv,
          description_en: i.description.en,
          sort_order: index,
          created_by: null,
          created_at: seededAt,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      report.indicators += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return report;
  });
}

/** Adds the labelled demo dataset unless it is there already. Returns how many rows it added. */
export async function seedDemoData(db: Db): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    if (await hasDemoData(trx)) return 0;
    const at = new Date().toISOString();
    const organisation = await trx
      .insertInto('organisations')
      .values({
        business_id: demoOrganisation.businessId,
        name: demoOrganisation.name,
        org_type: demoOrganisation.type,
        region_code: demoOrganisation.regionCode,
        is_demo: 1,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const userIds = new Map<string, number>();
    for (const account of demoAccounts) {
      const user = await trx
        .insertInto('users')
        .values({
          email: account.email,
          name: account.name,
          locale: account.locale,
          status: 'active',
          password_hash: passwordHash,
          password_changed_at: at,
          is_demo: 1,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(account.email, user.id);
      if (account.role === 'applicant') {
        await trx
          .insertInto('organisation_members')
          .values({ organisation_id: organisation.id, user_id: user.id, is_admin: account.email.startsWith('hakija') ? 1 : 0, created_at: at })
          .execute();
      } else {
        await trx
          .insertInto('role_assignments')
          .values({ user_id: user.id, role: account.role, region_code: account.regionCode, created_at: at })
          .execute();
      }
    }
    await trx
      .insertInto('expert_group_members')
      .values(
        demoExpertGroup.map((m, index) => ({
          region_code: m.regionCode,
          name: m.name,
          title_fi: m.title.fi,
          title_sv: m.title.sv,
          title_en: m.title.en,
          organisation: m.organisation,
          email: m.email,
          phone: m.phone,
          is_demo: 1,
          sort_order: index,
          user_id: userIds.get(m.email) ?? null,
        })),
      )
      .execute();
    return demoExpertGroup.length + demoAccounts.length + 1;
  });
}

async function hasDemoData(db: Executor): Promise<boolean> {
  const row = await db.selectFrom('expert_group_members').select('id').where('is_demo', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** True when nobody has added anything beyond reference data: no expert group members yet. */
export async function hasNoUserData(db: Db): Promise<boolean> {
  const row = await db.selectFrom('expert_group_members').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
