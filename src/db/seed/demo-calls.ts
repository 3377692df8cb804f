import type { Executor, Db } from '../database.js';
import { organisationTypes } from '../schema.js';
import { applicationSections } from '../../domain/eligibility.js';
import { helsinkiToUtc, helsinkiWallClock } from '../../domain/helsinki-time.js';
import { demoOrganisation } from './demo-data.js';
import { insertDemoReviewCall } from './demo-review.js';
import { seedDemoProjects } from './demo-projects.js';

/**
 * Demo calls, dated relative to the day the demo data is added so that there is always one open
 * call to try: one open (modelled on the real 2024 joint call: all seven councils, EUR 300,000
 * each, partners in three regions), one coming, one draft, and one closed and in review with
 * submitted applications and reviews (demo-review.ts). Every title says "(demo)" and every row
 * is marked is_demo. A demo draft application of the demo organisation waits in the open call.
 */

const DAY = 86_400_000;

/** 16.15 Helsinki time on the day `days` from `now`. */
export function helsinkiAfternoon(now: Date, days: number): string {
  const d = helsinkiWallClock(new Date(now.getTime() + days * DAY));
  return helsinkiToUtc({ year: d.year, month: d.month, day: d.day, hour: 16, minute: 15, second: 0 }).toISOString();
}

/** 9.00 Helsinki time on the day `days` from `now`. */
export function helsinkiMorning(now: Date, days: number): string {
  const d = helsinkiWallClock(new Date(now.getTime() + days * DAY));
  return helsinkiToUtc({ year: d.year, month: d.month, day: d.day, hour: 9, minute: 0, second: 0 }).toISOString();
}

export const demoPartnerOrganisations = [
  { businessId: '9990002-4', name: 'Kuvitteellinen ammattikorkeakoulu (demo)', type: 'university-of-applied-sciences' as const, regionCode: '18' },
  { businessId: '9990003-2', name: 'Harjoitustutkimuslaitos (demo)', type: 'research-institute' as const, regionCode: '19' },
];

export interface DemoCallSpec {
  reference: string;
  status: 'draft' | 'published' | 'in_review';
  title: { fi: string; sv: string; en: string };
  summary: { fi: string; sv: string; en: string };
  opensAt: string;
  closesAt: string;
  priority: string;
  instrument: 'erdf' | 'akke';
  budgetCents: number;
}

const criteria = [
  { kind: 'general', fi: 'Hanke toteuttaa strategian painopistettä', sv: 'Projektet genomför strategins prioritering', en: 'The project carries out a priority of the strategy', weight: 1 },
  { kind: 'general', fi: 'Hankkeessa on toimijoita vähintään kolmesta maakunnasta', sv: 'Projektet har aktörer från minst tre landskap', en: 'The project has partners from at least three regions', weight: 1 },
  { kind: 'content', fi: 'Ylimaakunnallinen lisäarvo', sv: 'Mervärde över landskapsgränserna', en: 'Cross-regional added value', weight: 3 },
  { kind: 'content', fi: 'Tulosten vaikuttavuus ja hyödynnettävyys', sv: 'Resultatens genomslag och nytta', en: 'Impact and usability of the results', weight: 2 },
  { kind: 'specifying', fi: 'Toteutussuunnitelman realistisuus', sv: 'Genomförandeplanens realism', en: 'Realism of the work plan', weight: 2 },
  { kind: 'horizontal', fi: 'Ympäristön kannalta kestävä kehitys', sv: 'Miljömässigt hållbar utveckling', en: 'Environmentally sustainable development', weight: 1 },
  { kind: 'horizontal', fi: 'Yhdenvertaisuus ja tasa-arvo', sv: 'Likabehandling och jämställdhet', en: 'Equality and non-discrimination', weight: 1 },
] as const;

export async function insertCall(trx: Executor, spec: DemoCallSpec, at: string): Promise<number> {
  const strategy = await trx.selectFrom('strategies').select('id').where('valid_to', 'is', null).orderBy('valid_from', 'desc').executeTakeFirstOrThrow();
  const call = await trx
    .insertInto('calls')
    .values({
      reference: spec.reference,
      strategy_id: strategy.id,
      status: spec.status,
      instrument: spec.instrument,
      title_fi: spec.title.fi,
      title_sv: spec.title.sv,
      title_en: spec.title.en,
      summary_fi: spec.summary.fi,
      summary_sv: spec.summary.sv,
      summary_en: spec.summary.en,
      body_fi:
        'Haku on tarkoitettu ryhmähankkeille, joissa on toteuttajia vähintään kolmesta Itä- ja Pohjois-Suomen maakunnasta. Kukin maakuntaliitto rahoittaa oman maakuntansa toteuttajien osuuden.\n\nTämä on kokeiluaineiston haku: se ei ole todellinen, eikä siihen jätettyjä hakemuksia käsitellä.',
      body_sv:
        'Utlysningen gäller gruppprojekt med genomförare från minst tre landskap i Östra och Norra Finland. Varje landskapsförbund finansierar andelen för genomförarna i sitt eget landskap.\n\nDetta är en utlysning i demodata: den är inte verklig och ansökningar behandlas inte.',
      body_en:
        'The call is for group projects with partners in at least three regions of East and North Finland. Each regional council funds the share of the partners in its own region.\n\nThis is a demo call: it is not real, and applications to it are not processed.',
      opens_at: spec.opensAt,
      closes_at: spec.closesAt,
      min_regions: 3,
      eligible_org_types: JSON.stringify(organisationTypes.filter((t) => t !== 'company')),
      min_grant_cents: 5_000_000,
      max_grant_cents: 60_000_000,
      max_aid_rate_bp: 8000,
      max_duration_months: 36,
      lead_region_must_participate: 1,
      cost_model: 'flat_rate',
      flat_rate_bp: 4000,
      min_total_score: 20,
      contact_email: 'haut.demo@example.org',
      published_at: spec.status === 'draft' ? null : at,
      review_started_at: spec.status === 'in_review' ? at : null,
      is_demo: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const regions = await trx.selectFrom('regions').select('code').orderBy('sort_order').execute();
  await trx.insertInto('call_regions').values(regions.map((r) => ({ call_id: call.id, region_code: r.code, budget_cents: spec.budgetCents }))).execute();
  const priority = await trx.selectFrom('priorities').select('id').where('strategy_id', '=', strategy.id).where('slug', '=', spec.priority).executeTakeFirstOrThrow();
  await trx.insertInto('call_priorities').values({ call_id: call.id, priority_id: priority.id }).execute();
  await trx
    .insertInto('call_criteria')
    .values(
      criteria.map((c, i) => ({
        call_id: call.id,
        kind: c.kind,
        name_fi: c.fi,
        name_sv: c.sv,
        name_en: c.en,
        description_fi: '',
        description_sv: '',
        description_en: '',
        weight: c.weight,
        sort_order: i + 1,
      })),
    )
    .execute();
  await trx
    .insertInto('call_questions')
    .values([
      {
        call_id: call.id,
        kind: 'text',
        label_fi: 'Miten hankkeen tulokset jäävät käyttöön hankkeen jälkeen?',
        label_sv: 'Hur tas projektets resultat till vara efter projektet?',
        label_en: 'How will the results be used after the project?',
        help_fi: 'Enintään 2 000 merkkiä.',
        help_sv: 'Högst 2 000 tecken.',
        help_en: 'At most 2,000 characters.',
        options: '[]',
        required: 1,
        max_length: 2000,
        sort_order: 1,
      },
      {
        call_id: call.id,
        kind: 'choice',
        label_fi: 'Onko hanke jatkoa aiemmalle yhteistyölle?',
        label_sv: 'Är projektet en fortsättning på tidigare samarbete?',
        label_en: 'Does the project continue earlier cooperation?',
        help_fi: '',
        help_sv: '',
        help_en: '',
        options: JSON.stringify([
          { fi: 'Kyllä', sv: 'Ja', en: 'Yes' },
          { fi: 'Ei, yhteistyö on uutta', sv: 'Nej, samarbetet är nytt', en: 'No, the cooperation is new' },
        ]),
        required: 1,
        max_length: null,
        sort_order: 2,
      },
    ])
    .execute();
  return call.id;
}

export async function demoOrganisationId(trx: Executor, org: { businessId: string; name: string; type: (typeof organisationTypes)[number]; regionCode: string }, at: string) {
  const existing = await trx.selectFrom('organisations').select('id').where('business_id', '=', org.businessId).executeTakeFirst();
  if (existing) return existing.id;
  const row = await trx
    .insertInto('organisations')
    .values({ business_id: org.businessId, name: org.name, org_type: org.type, region_code: org.regionCode, is_demo: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A half-finished demo application of the demo organisation: partners and budgets done, texts partly written. */
async function insertDemoDraft(trx: Executor, callId: number, at: string): Promise<void> {
  const lead = await demoOrganisationId(trx, demoOrganisation, at);
  const creator = await trx.selectFrom('users').select('id').where('email', '=', 'hakija.demo@example.org').executeTakeFirst();
  const priority = await trx.selectFrom('call_priorities').select('priority_id').where('call_id', '=', callId).executeTakeFirstOrThrow();
  const application = await trx
    .insertInto('applications')
    .values({
      call_id: callId,
      lead_organisation_id: lead,
      status: 'draft',
      title: 'Akkumateriaalien kiertotalous Itä- ja Pohjois-Suomessa (demo)',
      summary: 'Kolmen maakunnan toimijat kehittävät yhdessä akkumateriaalien talteenottoa ja uudelleenkäyttöä. (Kokeiluaineistoa.)',
      priority_id: priority.priority_id,
      start_date: null,
      end_date: null,
      created_by: creator?.id ?? null,
      created_at: at,
      updated_at: at,
      updated_by: creator?.id ?? null,
      is_demo: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('application_sections')
    .values(
      applicationSections.slice(0, 2).map((section) => ({
        application_id: application.id,
        section,
        body: section === 'background' ? 'Akkujen kysyntä kasvaa, ja niiden materiaalit ovat arvokkaita.' : 'Kehittää maakuntien yhteinen talteenottomalli.',
        is_secret: 0,
      })),
    )
    .execute();
  const partners = [
    { id: lead, region: demoOrganisation.regionCode, staff: 12_000_000 },
    ...(await Promise.all(demoPartnerOrganisations.map(async (o) => ({ id: await demoOrganisationId(trx, o, at), region: o.regionCode, staff: 8_000_000 })))),
  ];
  for (const [i, p] of partners.entries()) {
    const total = p.staff + Math.floor((p.staff * 4000) / 10_000);
    const requested = Math.floor((total * 8000) / 10_000);
    const row = await trx
      .insertInto('application_partners')
      .values({
        application_id: application.id,
        organisation_id: p.id,
        is_lead: i === 0 ? 1 : 0,
        region_code: p.region,
        unit: i === 0 ? 'Kemian tutkimusyksikkö' : '',
        role_description: i === 0 ? 'Koordinoi hanketta ja vastaa materiaalianalyyseista.' : '',
        contact_name: i === 0 ? 'Hakija Demo' : '',
        contact_email: i === 0 ? 'hakija.demo@example.org' : '',
        requested_cents: requested,
        own_funding_cents: total - requested,
        other_public_cents: 0,
        sort_order: i,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('application_partner_costs').values({ partner_id: row.id, category: 'staff', amount_cents: p.staff }).execute();
  }
}

/**
 * Adds the demo calls unless there are some already, then the decided demo calls of earlier years
 * with their projects (demo-projects.ts) unless there are some. Returns how many calls it added.
 */
export async function seedDemoCalls(db: Db, now: Date): Promise<number> {
  const added = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('calls').select('id').where('is_demo', '=', 1).limit(1).executeTakeFirst();
    if (existing) return 0;
    const at = now.toISOString();
    const year = helsinkiWallClock(now).year;
    const open = await insertCall(
      trx,
      {
        reference: `DEMO-${year}-01`,
        status: 'published',
        title: {
          fi: 'Puhtaat ratkaisut – ylimaakunnallinen yhteishaku (demo)',
          sv: 'Rena lösningar – gemensam utlysning över landskapsgränserna (demo)',
          en: 'Clean solutions – joint cross-regional call (demo)',
        },
        summary: {
          fi: 'Seitsemän maakuntaliiton yhteinen EAKR-haku ryhmähankkeille, joissa on toteuttajia vähintään kolmesta maakunnasta.',
          sv: 'De sju landskapsförbundens gemensamma Eruf-utlysning för gruppprojekt med genomförare från minst tre landskap.',
          en: "The seven regional councils' joint ERDF call for group projects with partners in at least three regions.",
        },
        opensAt: helsinkiMorning(now, -14),
        closesAt: helsinkiAfternoon(now, 30),
        priority: 'clean-solutions',
        instrument: 'erdf',
        budgetCents: 30_000_000,
      },
      at,
    );
    await insertCall(
      trx,
      {
        reference: `DEMO-${year}-02`,
        status: 'published',
        title: {
          fi: 'Digitalisaation hyödyntäminen palveluissa (demo)',
          sv: 'Utnyttjande av digitaliseringen i tjänster (demo)',
          en: 'Utilising digitalisation in services (demo)',
        },
        summary: {
          fi: 'Tuleva yhteishaku digitalisaatiota hyödyntäville ryhmähankkeille.',
          sv: 'En kommande gemensam utlysning för gruppprojekt som utnyttjar digitaliseringen.',
          en: 'A coming joint call for group projects that make use of digitalisation.',
        },
        opensAt: helsinkiMorning(now, 20),
        closesAt: helsinkiAfternoon(now, 80),
        priority: 'digitalisation',
        instrument: 'akke',
        budgetCents: 15_000_000,
      },
      at,
    );
    await insertCall(
      trx,
      {
        reference: `DEMO-${year}-03`,
        status: 'draft',
        title: { fi: 'Kestävä palvelutuotanto (demo, luonnos)', sv: 'Hållbar serviceproduktion (demo, utkast)', en: 'Sustainable service production (demo, draft)' },
        summary: { fi: 'Valmisteilla oleva haku.', sv: 'En utlysning under beredning.', en: 'A call in preparation.' },
        opensAt: helsinkiMorning(now, 60),
        closesAt: helsinkiAfternoon(now, 120),
        priority: 'sustainable-services',
        instrument: 'erdf',
        budgetCents: 20_000_000,
      },
      at,
    );
    await insertDemoDraft(trx, open, at);
    await insertDemoReviewCall(trx, now, year);
    return 4;
  });
  return added + (await seedDemoProjects(db, now));
}
