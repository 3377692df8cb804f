import type { Db } from '../../src/db/database.js';
import type { CallRow, CallStoredStatus, CostModelKind, OrganisationRow, OrganisationType, UserRow } from '../../src/db/schema.js';
import { organisationTypes } from '../../src/db/schema.js';
import { applicationSections, type CostCategory } from '../../src/domain/eligibility.js';
import { buildOrganisation } from './factories.js';

let counter = 0;
const next = () => ++counter;
const SEEDED_AT = '2026-11-01T08:00:00.000Z';

export const ALL_REGIONS = ['10', '11', '12', '16', '17', '18', '19'] as const;

export interface CallSpec {
  status?: CallStoredStatus;
  /** Defaults: opened 1 Nov 2026 10.00, closes 15 Dec 2026 16.15 Helsinki time (the test clock is 28 Nov 2026). */
  opensAt?: string;
  closesAt?: string;
  /** Participating councils and their budgets in cents; default all seven at EUR 300,000. */
  budgets?: Record<string, number>;
  /** Priority slugs of the strategy in force; default clean-solutions. */
  priorities?: string[];
  minRegions?: number;
  eligibleOrgTypes?: OrganisationType[];
  minGrantCents?: number;
  maxGrantCents?: number;
  maxAidRateBp?: number;
  maxDurationMonths?: number;
  leadRegionMustParticipate?: boolean;
  costModel?: CostModelKind;
  flatRateBp?: number;
  /** Extra questions; default one required text question. */
  questions?: Array<{ kind: 'text' | 'choice' | 'number' | 'file'; required?: boolean; maxLength?: number; options?: string[] }>;
  createdBy?: UserRow;
  title?: string;
}

/** A call as the test needs it: by default published and open, like the 2024 joint ERDF call. */
export async function buildCall(db: Db, spec: CallSpec = {}): Promise<CallRow> {
  const n = next();
  const title = spec.title ?? `Testihaku ${n}`;
  const call = await db
    .insertInto('calls')
    .values({
      reference: `TEST-${n}-${Math.random().toString(36).slice(2, 7)}`,
      strategy_id: (await db.selectFrom('strategies').select('id').where('slug', '=', 'ita-ja-pohjois-suomi-2024').executeTakeFirst())?.id ??
        (await db.selectFrom('strategies').select('id').orderBy('valid_from', 'desc').executeTakeFirstOrThrow()).id,
      status: spec.status ?? 'published',
      instrument: 'erdf',
      title_fi: title,
      title_sv: `Testutlysning ${n}`,
      title_en: `Test call ${n}`,
      summary_fi: 'Yhteishaku ryhmähankkeille.',
      summary_sv: 'Gemensam utlysning för gruppprojekt.',
      summary_en: 'A joint call for group projects.',
      body_fi: 'Haun kuvaus.',
      body_sv: 'Beskrivning av utlysningen.',
      body_en: 'Description of the call.',
      opens_at: spec.opensAt ?? '2026-11-01T08:00:00.000Z',
      closes_at: spec.closesAt ?? '2026-12-15T14:15:00.000Z',
      min_regions: spec.minRegions ?? 3,
      eligible_org_types: JSON.stringify(spec.eligibleOrgTypes ?? organisationTypes),
      min_grant_cents: spec.minGrantCents ?? 5_000_000,
      max_grant_cents: spec.maxGrantCents ?? 60_000_000,
      max_aid_rate_bp: spec.maxAidRateBp ?? 8000,
      max_duration_months: spec.maxDurationMonths ?? 36,
      lead_region_must_participate: spec.leadRegionMustParticipate === false ? 0 : 1,
      cost_model: spec.costModel ?? 'flat_rate',
      flat_rate_bp: spec.flatRateBp ?? 4000,
      min_total_score: 14,
      contact_email: 'haut@example.test',
      published_at: (spec.status ?? 'published') === 'draft' ? null : SEEDED_AT,
      created_by: spec.createdBy?.id ?? null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

  const budgets = spec.budgets ?? Object.fromEntries(ALL_REGIONS.map((r) => [r, 30_000_000]));
  await db
    .insertInto('call_regions')
    .values(Object.entries(budgets).map(([region_code, budget_cents]) => ({ call_id: call.id, region_code, budget_cents })))
    .execute();
  const prioritySlugs = spec.priorities ?? ['clean-solutions'];
  const priorities = await db
    .selectFrom('priorities')
    .innerJoin('strategies', 'strategies.id', 'priorities.strategy_id')
    .select('priorities.id')
    .where('priorities.strategy_id', '=', call.strategy_id)
    .where('priorities.slug', 'in', prioritySlugs)
    .execute();
  await db.insertInto('call_priorities').values(priorities.map((p) => ({ call_id: call.id, priority_id: p.id }))).execute();

  const criteria = [
    { kind: 'general', fi: 'Hanke sopii strategiaan', weight: 1 },
    { kind: 'content', fi: 'Ylimaakunnallinen lisäarvo', weight: 3 },
    { kind: 'specifying', fi: 'Toteutuskelpoisuus', weight: 2 },
    { kind: 'horizontal', fi: 'Kestävä kehitys', weight: 1 },
  ] as const;
  await db
    .insertInto('call_criteria')
    .values(
      criteria.map((c, i) => ({
        call_id: call.id,
        kind: c.kind,
        name_fi: c.fi,
        name_sv: `${c.fi} (sv)`,
        name_en: `${c.fi} (en)`,
        description_fi: '',
        description_sv: '',
        description_en: '',
        weight: c.weight,
        sort_order: i + 1,
      })),
    )
    .execute();

  const questions = spec.questions ?? [{ kind: 'text' as const, required: true, maxLength: 2000 }];
  for (const [i, q] of questions.entries()) {
    await db
      .insertInto('call_questions')
      .values({
        call_id: call.id,
        kind: q.kind,
        label_fi: `Lisäkysymys ${i + 1}`,
        label_sv: `Tilläggsfråga ${i + 1}`,
        label_en: `Extra question ${i + 1}`,
        help_fi: '',
        help_sv: '',
        help_en: '',
        options: JSON.stringify((q.options ?? []).map((o) => ({ fi: o, sv: o, en: o }))),
        required: q.required === false ? 0 : 1,
        max_length: q.maxLength ?? null,
        sort_order: i + 1,
      })
      .execute();
  }
  return call;
}

export interface PartnerSpec {
  organisation?: OrganisationRow;
  region?: string;
  orgType?: OrganisationType;
  /** Staff costs in cents; default EUR 100,000. Financing defaults to 80 % requested, the rest own funding. */
  staffCents?: number;
  costs?: Partial<Record<CostCategory, number>>;
  requestedCents?: number;
  ownFundingCents?: number;
  otherPublicCents?: number;
}

export interface ApplicationSpec {
  call: CallRow;
  lead: PartnerSpec & { organisation: OrganisationRow };
  /** Other partners; default two, in Kainuu (18) and Lapland (19). */
  partners?: PartnerSpec[];
  status?: 'draft' | 'submitted' | 'withdrawn';
  createdBy?: UserRow;
  title?: string;
  /** Leave the description, indicators and answers empty (an incomplete draft). */
  empty?: boolean;
}

/**
 * An application as the test needs it: by default a complete draft that passes every rule of a
 * call made by buildCall (three regions, flat rate 40 %, 80 % aid, EUR 336,000 requested).
 */
export async function buildApplication(db: Db, spec: ApplicationSpec): Promise<{ id: number; partnerIds: number[] }> {
  const n = next();
  const priority = await db.selectFrom('call_priorities').select('priority_id').where('call_id', '=', spec.call.id).executeTakeFirstOrThrow();
  const status = spec.status ?? 'draft';
  const app = await db
    .insertInto('applications')
    .values({
      call_id: spec.call.id,
      lead_organisation_id: spec.lead.organisation.id,
      status,
      title: spec.title ?? (spec.empty ? '' : `Testihanke ${n}`),
      summary: spec.empty ? '' : 'Hankkeen julkinen tiivistelmä.',
      priority_id: spec.empty ? null : priority.priority_id,
      start_date: spec.empty ? null : '2027-01-01',
      end_date: spec.empty ? null : '2028-12-31',
      created_by: spec.createdBy?.id ?? null,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
      submitted_at: status === 'draft' ? null : '2026-11-20T10:00:00.000Z',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  if (!spec.empty) {
    await db
      .insertInto('application_sections')
      .values(applicationSections.map((section) => ({ application_id: app.id, section, body: `Osio ${section}.`, is_secret: section === 'implementation' ? 1 : 0 })))
      .execute();
    await db
      .insertInto('application_indicators')
      .values({ application_id: app.id, name: 'Tuetut yritykset', unit: 'kpl', target_value: 12, sort_order: 1 })
      .execute();
    const questions = await db.selectFrom('call_questions').select(['id', 'kind']).where('call_id', '=', spec.call.id).execute();
    for (const q of questions) {
      if (q.kind === 'file') continue;
      await db
        .insertInto('application_answers')
        .values({ application_id: app.id, question_id: q.id, value: q.kind === 'number' ? '3' : q.kind === 'choice' ? '0' : 'Vastaus.' })
        .execute();
    }
  }

  const partners: Array<PartnerSpec & { isLead: boolean }> = [
    { ...spec.lead, isLead: true },
    ...(spec.partners ?? [{ region: '18' }, { region: '19' }]).map((p) => ({ ...p, isLead: false })),
  ];
  const partnerIds: number[] = [];
  for (const [i, p] of partners.entries()) {
    const organisation = p.organisation ?? (await buildOrganisation(db, { region: p.region ?? '17', type: p.orgType ?? 'university' }));
    const staff = p.staffCents ?? 10_000_000;
    const total = spec.call.cost_model === 'flat_rate' ? staff + Math.floor((staff * spec.call.flat_rate_bp) / 10_000) : Object.values(p.costs ?? { staff }).reduce((s, v) => s + (v ?? 0), 0);
    const requested = p.requestedCents ?? Math.floor((total * 8000) / 10_000);
    const row = await db
      .insertInto('application_partners')
      .values({
        application_id: app.id,
        organisation_id: organisation.id,
        is_lead: p.isLead ? 1 : 0,
        region_code: p.region ?? organisation.region_code,
        unit: spec.empty ? '' : 'Tutkimusyksikkö',
        role_description: spec.empty ? '' : 'Toteuttaa työpaketin.',
        contact_name: spec.empty ? '' : `Yhteyshenkilö ${n}-${i}`,
        contact_email: spec.empty ? '' : `contact${n}-${i}@example.test`,
        requested_cents: spec.empty ? 0 : requested,
        own_funding_cents: spec.empty ? 0 : (p.ownFundingCents ?? total - requested - (p.otherPublicCents ?? 0)),
        other_public_cents: spec.empty ? 0 : (p.otherPublicCents ?? 0),
        sort_order: i,
        created_at: SEEDED_AT,
        updated_at: SEEDED_AT,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    partnerIds.push(row.id);
    const costs = spec.call.cost_model === 'flat_rate' ? { staff } : (p.costs ?? { staff });
    if (!spec.empty) {
      await db
        .insertInto('application_partner_costs')
        .values(Object.entries(costs).map(([category, amount_cents]) => ({ partner_id: row.id, category, amount_cents: amount_cents ?? 0 })))
        .execute();
    }
  }
  return { id: app.id, partnerIds };
}
