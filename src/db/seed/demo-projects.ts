import type { Db, Executor } from '../database.js';
import { helsinkiDate, helsinkiToUtc, helsinkiWallClock } from '../../domain/helsinki-time.js';
import { systemActor } from '../../features/audit/audit.repository.js';
import { findCallDetails } from '../../features/calls/calls.repository.js';
import { recordCouncilDecision } from '../../features/decisions/council-decisions.service.js';
import { councilsInvolved, findProposal } from '../../features/decisions/funding-proposal.js';
import { confirmProposal } from '../../features/decisions/funding.service.js';
import { demoExpert, insertDemoReviews, insertSubmittedDemoApplication } from './demo-applications.js';
import { demoOrganisationId, insertCall } from './demo-calls.js';
import { addMonths, monthStart, seedDemoReporting, type DemoReportingPlan } from './demo-project-reports.js';

/**
 * Decided demo calls with funded demo projects, so that the project database, the monitoring
 * dashboard and the lead partner's reporting have something to show. Two calls of earlier years
 * (about 13 and 25 months back) went through the real path: submitted applications scored by two
 * fictional experts, a confirmed funding proposal and each council's decision (the decision service
 * renders the letters and makes the projects). Their reporting (demo-project-reports.ts) is dated
 * relative to `now`: accepted reports, one returned, one waiting, late ones, future periods and one
 * completed project. Every title says "(demo)" and every row is marked is_demo.
 */

type Priority = 'clean-solutions' | 'digitalisation' | 'sustainable-services';
type OrgSpec = { businessId: string; name: string; type: 'university' | 'university-of-applied-sciences' | 'research-institute' | 'municipality' | 'association' | 'other'; regionCode: string };

/** The demo organisations of demo-data.ts, demo-calls.ts and demo-review.ts (found by business ID), and three more. */
export const demoProjectOrganisations: readonly OrgSpec[] = [
  { businessId: '9990001-6', name: 'Esimerkkiyliopisto (demo)', type: 'university', regionCode: '17' },
  { businessId: '9990002-4', name: 'Kuvitteellinen ammattikorkeakoulu (demo)', type: 'university-of-applied-sciences', regionCode: '18' },
  { businessId: '9990003-2', name: 'Harjoitustutkimuslaitos (demo)', type: 'research-institute', regionCode: '19' },
  { businessId: '9990004-0', name: 'Esimerkkikaupunki (demo)', type: 'municipality', regionCode: '12' },
  { businessId: '9990005-9', name: 'Mallikehitysyhdistys (demo)', type: 'association', regionCode: '11' },
  { businessId: '9990006-7', name: 'Kokeiluammattikorkeakoulu (demo)', type: 'university-of-applied-sciences', regionCode: '16' },
  { businessId: '9990007-5', name: 'Harjoitteluinstituutti (demo)', type: 'research-institute', regionCode: '10' },
  { businessId: '9990008-3', name: 'Tunturimatkailun kehittämisyhdistys (demo)', type: 'association', regionCode: '19' },
  { businessId: '9990009-1', name: 'Kuvitteellinen kehitysyhtiö (demo)', type: 'other', regionCode: '18' },
  { businessId: '9990010-4', name: 'Esimerkkikunta (demo)', type: 'municipality', regionCode: '17' },
];

export interface DemoProjectSpec {
  title: string;
  summary: string;
  priority: Priority;
  /** Business ID and the grant in euros asked from the partner's own council; the lead first. */
  partners: ReadonlyArray<readonly [string, number]>;
  /** The two experts' level for every criterion (2 makes it not fundable). */
  scores: readonly [number, number];
  /** Duration in months from the start. */
  months: number;
  reporting: DemoReportingPlan['reporting'];
  /** Indicator code → the project's target in units. */
  targets: Record<string, number>;
}

/** The call decided about 13 months back: seven funded, one not. The demo organisation leads the first, whose latest report is late. */
export const recentDemoProjects: readonly DemoProjectSpec[] = [
  {
    title: 'Akkumateriaalien talteenotto ja kierrätys',
    summary: 'Yliopisto, ammattikorkeakoulu ja tutkimuslaitos kehittävät akkumateriaalien talteenottoa ja kierrätystä kiertotaloudessa. Litiumin ja koboltin talteenottoa kokeillaan pilottilaitteistolla.',
    priority: 'clean-solutions',
    partners: [['9990001-6', 140_000], ['9990002-4', 90_000], ['9990003-2', 80_000]],
    scores: [5, 5],
    months: 30,
    reporting: 'late',
    targets: { RCO01: 12, RCO07: 3, RCR29: 150 },
  },
  {
    title: 'Vedyn tuotanto ja varastointi teollisuuden tarpeisiin',
    summary: 'Vetytalouden osaamiskeskittymä: vedyn paikallinen tuotanto, varastointi ja käyttö teollisuudessa ja liikenteessä. Mukana kaupunki, kehittämisyhdistys ja ammattikorkeakoulu.',
    priority: 'clean-solutions',
    partners: [['9990004-0', 120_000], ['9990005-9', 70_000], ['9990006-7', 90_000]],
    scores: [5, 4],
    months: 30,
    reporting: 'submitted',
    targets: { RCO01: 15, RCO10: 20, RCR01: 4 },
  },
  {
    title: 'Metsäteollisuuden digitaaliset kaksoset',
    summary: 'Digitalisaatio metsäteollisuudessa: tuotantolinjojen digitaaliset kaksoset, data-analytiikka ja tekoäly kunnossapidossa. Pk-yritykset kokeilevat ratkaisuja omissa tuotantolaitoksissaan.',
    priority: 'digitalisation',
    partners: [['9990005-9', 110_000], ['9990007-5', 80_000], ['9990004-0', 60_000]],
    scores: [4, 4],
    months: 30,
    reporting: 'returned',
    targets: { RCO01: 20, RCO10: 25, RCR03: 6 },
  },
  {
    title: 'Digitala tvillingar och dataekonomi i små företag',
    summary: 'Yrkeshögskolan, universitetet och forskningsinstitutet hjälper små och medelstora företag att utnyttja data och digitala tvillingar. Digitaliseringen av tillverkningen prövas i pilotföretag.',
    priority: 'digitalisation',
    partners: [['9990006-7', 100_000], ['9990001-6', 70_000], ['9990003-2', 60_000]],
    scores: [5, 4],
    months: 24,
    reporting: 'accepted',
    targets: { RCO01: 18, RCO10: 18, RCR03: 5 },
  },
  {
    title: 'Etäpalvelut harvaan asutuilla alueilla',
    summary: 'Sosiaali- ja terveyspalvelujen etävastaanotot ja liikkuvat palvelut harvaan asutuilla alueilla. Palvelujen saavutettavuutta parannetaan digitaalisilla palveluilla ja palvelupisteillä.',
    priority: 'sustainable-services',
    partners: [['9990007-5', 90_000], ['9990005-9', 70_000], ['9990002-4', 60_000]],
    scores: [4, 4],
    months: 24,
    reporting: 'accepted',
    targets: { RCO07: 2, RCR01: 3 },
  },
  {
    title: 'Kestävä luontomatkailu tuntureilla ja järviseuduilla',
    summary: 'Luontomatkailun palvelujen kestävä kehittäminen: kävijämäärien seuranta, vastuullisuuskriteerit ja ympärivuotiset matkailupalvelut. Matkailuyritykset osallistuvat kehittämiseen.',
    priority: 'sustainable-services',
    partners: [['9990008-3', 80_000], ['9990009-1', 60_000], ['9990001-6', 50_000]],
    scores: [4, 5],
    months: 30,
    reporting: 'draft',
    targets: { RCO01: 25, RCR01: 5 },
  },
  {
    title: 'Kiertotalouden rakennusmateriaalit',
    summary: 'Purkumateriaalien ja teollisuuden sivuvirtojen käyttö rakentamisessa: kierrätysbetoni, puurakentaminen ja rakennusjätteen lajittelu. Neljän maakunnan toimijat yhdessä.',
    priority: 'clean-solutions',
    partners: [['9990009-1', 90_000], ['9990004-0', 60_000], ['9990007-5', 50_000], ['9990005-9', 50_000]],
    scores: [5, 5],
    months: 30,
    reporting: 'accepted',
    targets: { RCO01: 10, RCO07: 4, RCR29: 300 },
  },
  {
    title: 'Kyläkoulujen etäopetuksen kokeilu',
    summary: 'Kyläkoulujen etäopetusta kokeillaan kolmessa maakunnassa.',
    priority: 'sustainable-services',
    partners: [['9990010-4', 60_000], ['9990002-4', 40_000], ['9990003-2', 40_000]],
    scores: [2, 2],
    months: 24,
    reporting: 'accepted',
    targets: {},
  },
];

/** The call decided about 25 months back: three funded; the demo organisation's project is completed. */
export const olderDemoProjects: readonly DemoProjectSpec[] = [
  {
    title: 'Teollisuuden sivuvirtojen hyödyntäminen biotaloudessa',
    summary: 'Metsä- ja kaivosteollisuuden sivuvirroista jalostetaan uusia materiaaleja. Biotalouden ja kiertotalouden ratkaisuja kokeillaan yritysten kanssa.',
    priority: 'clean-solutions',
    partners: [['9990001-6', 120_000], ['9990005-9', 60_000], ['9990004-0', 60_000]],
    scores: [5, 5],
    months: 21,
    reporting: 'completed',
    targets: { RCO01: 10, RCO07: 3, RCR03: 4 },
  },
  {
    title: 'Älykäs energianhallinta kiinteistöissä',
    summary: 'Kiinteistöjen energiankulutuksen älykäs ohjaus: lämpöpumput, kysyntäjousto ja data-analytiikka. Digitalisaatio vähentää päästöjä.',
    priority: 'digitalisation',
    partners: [['9990003-2', 100_000], ['9990002-4', 70_000], ['9990006-7', 70_000]],
    scores: [4, 5],
    months: 36,
    reporting: 'accepted',
    targets: { RCO01: 14, RCO10: 12, RCR29: 220 },
  },
  {
    title: 'Hyvinvointipalvelujen uudet palvelumallit',
    summary: 'Ikääntyneiden hyvinvointipalvelujen uudet palvelumallit ja palveluohjaus harvaan asutuilla alueilla. Järjestöt ja kunnat kehittävät palveluja yhdessä.',
    priority: 'sustainable-services',
    partners: [['9990005-9', 80_000], ['9990007-5', 60_000], ['9990004-0', 50_000]],
    scores: [4, 4],
    months: 36,
    reporting: 'accepted',
    targets: { RCO07: 2, RCR01: 2 },
  },
];

const organisationOf = new Map(demoProjectOrganisations.map((o) => [o.businessId, o]));

/** Helsinki noon of a 'YYYY-MM-DD' date. */
export function helsinkiNoon(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return helsinkiToUtc({ year, month, day, hour: 12, minute: 0, second: 0 });
}

interface StoredCall {
  callId: number;
  /** Application ids in the order of the specs. */
  applicationIds: number[];
  decidedAt: Date;
}

/** A demo call in review with the specs' applications submitted and scored; the call closed 90 days before `decidedAt`. */
async function insertScoredCall(trx: Executor, specs: readonly DemoProjectSpec[], decidedAt: Date, startDate: string, at: string): Promise<StoredCall> {
  const year = helsinkiWallClock(decidedAt).year;
  const DAY = 86_400_000;
  const callId = await insertCall(
    trx,
    {
      reference: `DEMO-${year}-01`,
      status: 'in_review',
      title: {
        fi: `Älykkään erikoistumisen yhteishaku ${year} (demo)`,
        sv: `Gemensam utlysning för smart specialisering ${year} (demo)`,
        en: `Joint smart specialisation call ${year} (demo)`,
      },
      summary: {
        fi: 'Päättynyt ja ratkaistu yhteishaku, jonka rahoitetut hankkeet ovat käynnissä. (Kokeiluaineistoa.)',
        sv: 'En avslutad och avgjord gemensam utlysning vars finansierade projekt pågår. (Demodata.)',
        en: 'A closed and decided joint call whose funded projects are under way. (Demo data.)',
      },
      opensAt: new Date(decidedAt.getTime() - 150 * DAY).toISOString(),
      closesAt: new Date(decidedAt.getTime() - 90 * DAY).toISOString(),
      priority: 'clean-solutions',
      instrument: 'erdf',
      budgetCents: 60_000_000,
    },
    at,
  );
  const strategy = await trx.selectFrom('calls').select('strategy_id').where('id', '=', callId).executeTakeFirstOrThrow();
  const priorities = await trx.selectFrom('priorities').select(['id', 'slug']).where('strategy_id', '=', strategy.strategy_id).execute();
  const priorityId = new Map(priorities.map((p) => [p.slug, p.id]));
  const others = priorities.filter((p) => p.slug !== 'clean-solutions').map((p) => ({ call_id: callId, priority_id: p.id }));
  if (others.length > 0) await trx.insertInto('call_priorities').values(others).execute();

  const call = await findCallDetails(trx, callId);
  if (!call) throw new Error('demo call was not stored');
  const reviewers = [
    await demoExpert(trx, 'pekka.kokeilu@example.org', 'Pekka Kokeilu', '12', at),
    await demoExpert(trx, 'niilo.harjoittelu@example.org', 'Niilo Harjoittelu', '19', at),
  ];
  const applicant = await trx.selectFrom('users').select('id').where('email', '=', 'hakija.demo@example.org').executeTakeFirst();
  const orgIds = new Map<string, number>();
  for (const o of demoProjectOrganisations) orgIds.set(o.businessId, await demoOrganisationId(trx, o, at));
  const submittedBase = new Date(call.closesAt).getTime() - 5 * DAY;
  const applicationIds: number[] = [];

  for (const [i, spec] of specs.entries()) {
    const lead = organisationOf.get(spec.partners[0]![0])!;
    const byDemoApplicant = lead.businessId === '9990001-6' && applicant ? applicant.id : null;
    const applicationId = await insertSubmittedDemoApplication(
      trx,
      call,
      {
        leadOrganisationId: orgIds.get(lead.businessId)!,
        title: `${spec.title} (demo)`,
        summary: `${spec.summary} (Kokeiluaineistoa.)`,
        priorityId: priorityId.get(spec.priority) ?? null,
        startDate,
        endDate: addMonths(startDate, spec.months, -1),
        submittedAt: new Date(submittedBase + i * 3_600_000).toISOString(),
        receiptNumber: `${call.reference}-${String(i + 1).padStart(4, '0')}`,
        submittedBy: byDemoApplicant,
        partners: spec.partners.map(([businessId, euros], p) => ({
          organisationId: orgIds.get(businessId)!,
          regionCode: organisationOf.get(businessId)!.regionCode,
          requestEuros: euros,
          contactName: p === 0 && byDemoApplicant ? 'Hakija Demo' : 'Kuvitteellinen Yhteyshenkilö',
          contactEmail: p === 0 && byDemoApplicant ? 'hakija.demo@example.org' : `hanke${year}-${i + 1}-${p + 1}@example.org`,
        })),
      },
      at,
    );
    applicationIds.push(applicationId);
    await insertDemoReviews(trx, call, applicationId, reviewers.map((reviewerId, r) => ({ reviewerId, level: spec.scores[r]! })), at);
  }
  return { callId, applicationIds, decidedAt };
}

/** Confirms the call's proposal and records every council's decision through the decision service (letters rendered, projects made, no mail sent). */
async function decide(db: Db, stored: StoredCall): Promise<void> {
  const confirmed = await confirmProposal(db, systemActor, stored.callId, new Date(stored.decidedAt.getTime() - 7 * 86_400_000));
  if (!confirmed.ok) throw new Error(`demo proposal: ${confirmed.reason}`);
  const proposal = await findProposal(db, stored.callId);
  const year = helsinkiWallClock(stored.decidedAt).year;
  for (const region of councilsInvolved(proposal!.proposal)) {
    const result = await recordCouncilDecision(
      db,
      systemActor,
      {
        callId: stored.callId,
        regionCode: region,
        decision: {
          number: `${region}/DEMO/${year}`,
          date: helsinkiDate(stored.decidedAt),
          maker: 'Maakuntahallitus (demo)',
          grounds: 'Hakemukset on arvioitu haun valintaperusteilla ja asetettu pisteiden mukaiseen järjestykseen. (Kokeiluaineistoa.)',
        },
      },
      { deliverMail: false },
      stored.decidedAt,
    );
    if (!result.ok) throw new Error(`demo decision ${region}: ${result.reason}`);
  }
}

/**
 * Adds the two decided demo calls and their projects unless a demo call has been decided already.
 * Returns how many calls it added. Runs in several transactions (the decision service opens its own).
 */
export async function seedDemoProjects(db: Db, now: Date): Promise<number> {
  const done = await db.selectFrom('calls').select('id').where('is_demo', '=', 1).where('status', '=', 'decided').limit(1).executeTakeFirst();
  if (done) return 0;
  const at = now.toISOString();
  // Decided in the middle of the month 13 and 25 months back; projects start on the first of the next month.
  const recentStart = monthStart(now, -12);
  const olderStart = monthStart(now, -24);
  const calls = await db.transaction().execute(async (trx) => [
    await insertScoredCall(trx, olderDemoProjects, helsinkiNoon(addMonths(olderStart, -1, 14)), olderStart, at),
    await insertScoredCall(trx, recentDemoProjects, helsinkiNoon(addMonths(recentStart, -1, 14)), recentStart, at),
  ]);
  for (const call of calls) await decide(db, call);

  const plans: DemoReportingPlan[] = [];
  for (const [call, specs, startOffset] of [[calls[0]!, olderDemoProjects, -24], [calls[1]!, recentDemoProjects, -12]] as const) {
    for (const [i, spec] of specs.entries()) {
      const project = await db.selectFrom('projects').select('id').where('application_id', '=', call.applicationIds[i]!).executeTakeFirst();
      if (project) plans.push({ projectId: project.id, startOffset, months: spec.months, reporting: spec.reporting, targets: spec.targets, byDemoApplicant: spec.partners[0]![0] === '9990001-6' });
    }
  }
  await db.transaction().execute((trx) => seedDemoReporting(trx, now, plans));
  return calls.length;
}
