import type { Executor } from '../database.js';
import { findCallDetails } from '../../features/calls/calls.repository.js';
import { demoExpert, insertDemoReviews, insertSubmittedDemoApplication } from './demo-applications.js';
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
    const applicationId = await insertSubmittedDemoApplication(
      trx,
      call,
      {
        leadOrganisationId: orgIds.get(spec.leads[0])!,
        title: `${spec.title} (demo)`,
        summary: `Kolmen maakunnan toimijat kokeilevat yhdessä: ${spec.title.toLowerCase()}. (Kokeiluaineistoa.)`,
        priorityId: priority,
        startDate: `${year + 1}-03-01`,
        endDate: `${year + 3}-02-28`,
        submittedAt: new Date(submittedBase + i * 3_600_000).toISOString(),
        receiptNumber: `${call.reference}-${String(i + 1).padStart(4, '0')}`,
        submittedBy: null,
        indicators: [{ name: 'Yhteistyöhön osallistuvat yritykset', unit: 'kpl', targetValue: 10 + i }],
        partners: spec.leads.map((businessId, p) => ({
          organisationId: orgIds.get(businessId)!,
          regionCode: orgRegion.get(businessId)!,
          requestEuros: spec.requestEuros,
          contactName: 'Kuvitteellinen Yhteyshenkilö',
          contactEmail: `yhteys${i + 1}-${p + 1}@example.org`,
        })),
      },
      at,
    );
    // Two fictional experts have scored every application; the demo expert has one to declare and score.
    await insertDemoReviews(trx, call, applicationId, reviewers.map((reviewerId, r) => ({ reviewerId, level: spec.scores[r] ?? 3 })), at);
    if (liisa && i === 3) {
      await trx
        .insertInto('review_assignments')
        .values({ application_id: applicationId, reviewer_id: liisa.id, method: 'manual', status: 'awaiting-declaration', assigned_at: at })
        .execute();
    }
  }
}
