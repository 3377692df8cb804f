import type { Executor } from '../database.js';
import { applicationSections } from '../../domain/eligibility.js';
import { findApplicationDetails } from '../../features/applications/applications.repository.js';
import { buildSnapshot, sealSnapshot } from '../../features/applications/submission.snapshot.js';
import { findCallDetails } from '../../features/calls/calls.repository.js';
import { demoOrganisationId, demoPartnerOrganisations, helsinkiAfternoon, helsinkiMorning, insertCall } from './demo-calls.js';
import { demoOrganisation } from './demo-data.js';

/**
 * A demo call that has closed and is in review, so that the review, ranking, allocation and decision
 * pages have something to show: six submitted applications of fictional organisations, each scored
 * by two fictional experts (accounts without a password: nobody signs in as them), and one
 * application assigned to the demo expert Liisa Harjoitus, still waiting for her disqualification
 * declaration and scores. The budgets are set so that the standard rule puts a project on the reserve
 * list because one council's budget runs out while a lower-ranked project is still funded.
 */

const DAY = 86_400_000;

const moreOrganisations = [
  { businessId: '9990004-0', name: 'Esimerkkikaupunki (demo)', type: 'municipality' as const, regionCode: '12' },
  { businessId: '9990005-9', name: 'Mallikehitysyhdistys (demo)', type: 'association' as const, regionCode: '11' },
  { businessId: '9990006-7', name: 'Kokeiluammattikorkeakoulu (demo)', type: 'university-of-applied-sciences' as const, regionCode: '16' },
  { businessId: '9990007-5', name: 'Harjoitteluinstituutti (demo)', type: 'research-institute' as const, regionCode: '10' },
];

/** Business ID of the lead first, then the partners; each partner asks EUR `requestEuros` from its own council; reviewers' scores. */
const applications = [
  { title: 'Teollisuuden sivuvirrat uusiksi materiaaleiksi', leads: ['9990001-6', '9990002-4', '9990003-2'], requestEuros: 120_000, scores: [5, 5] },
  { title: 'Vedyn paikallinen tuotanto ja varastointi', leads: ['9990004-0', '9990001-6', '9990002-4'], requestEuros: 100_000, scores: [5, 4] },
  { title: 'Metsäbiomassan kestävä käyttö energiaksi', leads: ['9990005-9', '9990001-6', '9990003-2'], requestEuros: 110_000, scores: [4, 4] },
  { title: 'Älykkäät lämpöpumput maaseudun kiinteistöihin', leads: ['9990006-7', '9990001-6', '9990007-5'], requestEuros: 90_000, scores: [4, 3] },
  { title: 'Puhtaan veden teknologiat pienille vesilaitoksille', leads: ['9990007-5', '9990002-4', '9990004-0'], requestEuros: 80_000, scores: [3, 3] },
  { title: 'Rakennusjätteen lajittelun kokeilu', leads: ['9990003-2', '9990005-9', '9990006-7'], requestEuros: 70_000, scores: [2, 2] },
] as const;

async function demoExpert(trx: Executor, email: string, name: string, regionCode: string, at: string): Promise<number> {
  const existing = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) return existing.id;
  const user = await trx
    .insertInto('users')
    .values({ email, name, locale: 'fi', status: 'active', password_hash: null, password_changed_at: null, is_demo: 1, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('role_assignments').values({ user_id: user.id, role: 'expert', region_code: regionCode, created_at: at }).execute();
  return user.id;
}

export async function insertDemoReviewCall(trx: Executor, now: Date, year: number): Promise<void> {
  const at = now.toISOString();
  const callId = await insertCall(
    trx,
    {
      reference: `DEMO-${year}-04`,
      status: 'in_review',
      title: {
        fi: 'Vähähiiliset energiaratkaisut – arvioitavana (demo)',
        sv: 'Koldioxidsnåla energilösningar – under bedömning (demo)',
        en: 'Low-carbon energy solutions – in review (demo)',
      },
      summary: {
        fi: 'Päättynyt yhteishaku, jonka hakemuksia asiantuntijaryhmä arvioi.',
        sv: 'En avslutad gemensam utlysning vars ansökningar expertgruppen bedömer.',
        en: 'A closed joint call whose applications the expert group is reviewing.',
      },
      opensAt: helsinkiMorning(now, -90),
      closesAt: helsinkiAfternoon(now, -30),
      priority: 'clean-solutions',
      instrument: 'erdf',
      budgetCents: 30_000_000,
    },
    at,
  );
  const orgIds = new Map<string, number>();
  for (const o of [demoOrganisation, ...demoPartnerOrganisations, ...moreOrganisations]) orgIds.set(o.businessId, await demoOrganisationId(trx, o, at));
  const orgRegion = new Map([demoOrganisation, ...demoPartnerOrganisations, ...moreOrganisations].map((o) => [o.businessId, o.regionCode]));
  const reviewers = [
    await demoExpert(trx, 'pekka.kokeilu@example.org', 'Pekka Kokeilu', '12', at),
    await demoExpert(trx, 'niilo.harjoittelu@example.org', 'Niilo Harjoittelu', '19', at),
  ];
  const liisa = await trx.selectFrom('users').select('id').where('email', '=', 'liisa.harjoitus@example.org').executeTakeFirst();
  const call = await findCallDetails(trx, callId);
  if (!call) throw new Error('demo review call was not stored');
  const priority = call.priorityIds[0] ?? null;
  const submittedBase = new Date(call.closesAt).getTime() - 3 * DAY;

  for (const [i, spec] of applications.entries()) {
    const submittedAt = new Date(submittedBase + i * 3_600_000).toISOString();
    const application = await trx
      .insertInto('applications')
      .values({
        call_id: callId,
        lead_organisation_id: orgIds.get(spec.leads[0])!,
        status: 'submitted',
        title: `${spec.title} (demo)`,
        summary: `Kolmen maakunnan toimijat kokeilevat yhdessä: ${spec.title.toLowerCase()}. (Kokeiluaineistoa.)`,
        priority_id: priority,
        start_date: `${year + 1}-03-01`,
        end_date: `${year + 3}-02-28`,
        created_at: at,
        updated_at: at,
        submitted_at: submittedAt,
        is_demo: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('application_sections')
      .values(applicationSections.map((section) => ({ application_id: application.id, section, body: `Kuvitteellinen teksti osiosta ${section}. (Kokeiluaineistoa.)`, is_secret: section === 'implementation' ? 1 : 0 })))
      .execute();
    await trx.insertInto('application_indicators').values({ application_id: application.id, name: 'Yhteistyöhön osallistuvat yritykset', unit: 'kpl', target_value: 10 + i, sort_order: 1 }).execute();
    for (const q of call.questions) {
      await trx.insertInto('application_answers').values({ application_id: application.id, question_id: q.id, value: q.kind === 'choice' ? '0' : 'Tulokset jäävät maakuntien yhteiseen käyttöön.' }).execute();
    }
    for (const [p, businessId] of spec.leads.entries()) {
      const requested = spec.requestEuros * 100;
      const staff = Math.ceil(requested / 1.4 / 0.75);
      const total = staff + Math.floor((staff * 4000) / 10_000);
      const partner = await trx
        .insertInto('application_partners')
        .values({
          application_id: application.id,
          organisation_id: orgIds.get(businessId)!,
          is_lead: p === 0 ? 1 : 0,
          region_code: orgRegion.get(businessId)!,
          unit: 'Hankeyksikkö',
          role_description: p === 0 ? 'Koordinoi hanketta.' : 'Toteuttaa työpaketin omassa maakunnassaan.',
          contact_name: 'Kuvitteellinen Yhteyshenkilö',
          contact_email: `yhteys${i + 1}-${p + 1}@example.org`,
          requested_cents: requested,
          own_funding_cents: total - requested,
          other_public_cents: 0,
          sort_order: p,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('application_partner_costs').values({ partner_id: partner.id, category: 'staff', amount_cents: staff }).execute();
    }
    const details = await findApplicationDetails(trx, application.id);
    if (!details) throw new Error('demo application was not stored');
    const sealed = sealSnapshot(buildSnapshot(call, details));
    await trx
      .insertInto('application_submissions')
      .values({
        application_id: application.id,
        receipt_number: `${call.reference}-${String(i + 1).padStart(4, '0')}`,
        submitted_at: submittedAt,
        submitted_by: null,
        content_sha256: sealed.sha256,
        snapshot: sealed.json,
      })
      .execute();

    // Two fictional experts have scored every application; the demo expert has one to declare and score.
    for (const [r, reviewerId] of reviewers.entries()) {
      const assignment = await trx
        .insertInto('review_assignments')
        .values({
          application_id: application.id,
          reviewer_id: reviewerId,
          method: 'automatic',
          status: 'cleared',
          assigned_at: at,
          declared_at: at,
          disqualification_grounds: '[]',
          submitted_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const level = spec.scores[r] ?? 3;
      for (const c of call.criteria) {
        const score = c.kind === 'general' ? 1 : c.kind === 'horizontal' ? Math.min(level, 3) : level;
        await trx
          .insertInto('review_scores')
          .values({ assignment_id: assignment.id, criterion_id: c.id, score, comment: 'Kuvitteellinen perustelu. (Kokeiluaineistoa.)', updated_at: at })
          .execute();
      }
    }
    if (liisa && i === 3) {
      await trx
        .insertInto('review_assignments')
        .values({ application_id: application.id, reviewer_id: liisa.id, method: 'manual', status: 'awaiting-declaration', assigned_at: at })
        .execute();
    }
  }
}
