import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import type { CallRow, OrganisationRow } from '../../src/db/schema.js';
import { submitApplication } from '../../src/features/applications/submission.service.js';
import type { TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';
import { submitScores } from '../helpers/review-factories.js';

/**
 * What the review-and-decisions browser test starts from, set up where the UI itself cannot: a call
 * of four councils that has just closed with four applications submitted while it was open, and the
 * people who take part (an officer of Kainuu, an administrator, an expert, each with a second factor,
 * and an applicant who is a member of the first application's lead organisation). Everything after
 * this is done through the pages, except the reviews of the other members of the expert group
 * (otherReviewsIn), whose demo accounts cannot sign in.
 */

export type Who = 'officer' | 'admin' | 'expert' | 'applicant';
export { Browsing, type Account } from './browsing.js';
import type { Account } from './browsing.js';

/** Four councils at EUR 300,000 each: Kainuu's and Lapland's budgets run out after two projects. */
export const councils = { '12': 30_000_000, '17': 30_000_000, '18': 30_000_000, '19': 30_000_000 } as const;

/** The applications, in the order they were submitted; each asks EUR 112,000 from each of its three councils. */
export const applicationSpecs = [
  { key: 'A', title: 'Kiertotalouden yhteinen kokeilualusta', lead: 'Oulun seudun testiyliopisto', region: '17', type: 'university' },
  { key: 'B', title: 'Vetytalouden osaamiskeskittymä Itä- ja Pohjois-Suomeen', lead: 'Joensuun testikehitysyhtiö Oy', region: '12', type: 'company' },
  { key: 'C', title: 'Puurakentamisen digitaaliset työkalut ja tietomallit pienille yrityksille', lead: 'Pohjois-Pohjanmaan testitutkimuslaitos', region: '17', type: 'research-institute' },
  { key: 'D', title: 'Matkailun ympärivuotisuus', lead: 'Pohjois-Karjalan testiyhdistys ry', region: '12', type: 'association' },
] as const;

export type AppKey = (typeof applicationSpecs)[number]['key'];

/** What the other reviewers give each application: A scores highest, C lowest of the fundable, D fails the general criterion. */
const otherReviews: Record<AppKey, { fill: number; generalPassed: boolean }> = {
  A: { fill: 5, generalPassed: true },
  B: { fill: 4, generalPassed: true },
  C: { fill: 3, generalPassed: true },
  D: { fill: 3, generalPassed: false },
};

export interface World {
  call: CallRow;
  accounts: Record<Who, Account>;
  applicationIds: Record<AppKey, number>;
  /** Criteria of the call in order: general, content (×3), specifying (×2), horizontal (×1). */
  criteria: Array<{ id: number; kind: string; name: string }>;
}

export async function buildWorld(t: TestApp, origin: string): Promise<World> {
  const db = t.database.db;
  const secret = () => new OTPAuth.Secret({ size: 20 }).base32;
  const withSecret = async (spec: Parameters<typeof buildUser>[1]): Promise<Account> => {
    const totpSecret = secret();
    return { user: await buildUser(db, { ...spec, totpSecret }, t.app.config), totpSecret };
  };
  const organisations: OrganisationRow[] = [];
  for (const spec of applicationSpecs) organisations.push(await buildOrganisation(db, { name: spec.lead, region: spec.region, type: spec.type }));
  const kainuu = await buildOrganisation(db, { name: 'Kainuun testiammattiopisto', region: '18', type: 'university-of-applied-sciences' });
  const lapland = await buildOrganisation(db, { name: 'Lapin testiyliopisto', region: '19' });

  const accounts: Record<Who, Account> = {
    officer: await withSecret({ name: 'Outi Virkailija', roles: [{ role: 'officer', region: '18' }] }),
    admin: await withSecret({ name: 'Aino Ylläpitäjä', roles: [{ role: 'admin' }] }),
    expert: await withSecret({ name: 'Eeva Arvioija', roles: [{ role: 'expert', region: '16' }] }),
    applicant: { user: await buildUser(db, { name: 'Heikki Hakija', memberOf: [{ organisation: organisations[0]!, admin: true }] }) },
  };

  const call = await buildCall(db, {
    title: 'Ylimaakunnalliset kehittämishankkeet 2026',
    opensAt: '2026-09-01T06:00:00.000Z',
    closesAt: '2026-11-20T14:15:00.000Z',
    budgets: { ...councils },
  });
  const applicationIds = {} as Record<AppKey, number>;
  for (const [i, spec] of applicationSpecs.entries()) {
    const draft = await buildApplication(db, {
      call,
      title: spec.title,
      lead: { organisation: organisations[i]! },
      partners: [{ organisation: kainuu }, { organisation: lapland }],
    });
    // Submitted for real (with a receipt) while the call was open.
    const outcome = await submitApplication(db, {
      applicationId: draft.id,
      actor: { userId: accounts.applicant.user.id, label: 'user', ip: '127.0.0.1' },
      user: { userId: accounts.applicant.user.id, email: accounts.applicant.user.email, locale: 'fi' },
      now: () => new Date(`2026-11-${10 + i}T10:00:00.000Z`),
      deliverMail: false,
      baseUrl: origin,
      declared: true,
    });
    assert.equal(outcome.kind, 'submitted', JSON.stringify(outcome));
    applicationIds[spec.key] = draft.id;
  }
  const criteria = (await db.selectFrom('call_criteria').select(['id', 'kind', 'name_fi']).where('call_id', '=', call.id).orderBy('sort_order').execute()).map((c) => ({
    id: c.id,
    kind: c.kind,
    name: c.name_fi,
  }));
  return { call, accounts, applicationIds, criteria };
}

/**
 * The other members of the expert group declare that no ground applies and submit their reviews. They
 * are the seeded demo experts, whose accounts have no password, so this is written directly.
 */
export async function otherReviewsIn(t: TestApp, world: World): Promise<void> {
  const db = t.database.db;
  const general = world.criteria.find((c) => c.kind === 'general')!;
  const rows = await db
    .selectFrom('review_assignments as r')
    .innerJoin('applications as a', 'a.id', 'r.application_id')
    .select(['r.id', 'r.application_id'])
    .where('a.call_id', '=', world.call.id)
    .where('r.reviewer_id', '!=', world.accounts.expert.user.id)
    .execute();
  assert.ok(rows.length > 0, 'the other experts have assignments');
  for (const row of rows) {
    const key = (Object.keys(world.applicationIds) as AppKey[]).find((k) => world.applicationIds[k] === row.application_id)!;
    await db.updateTable('review_assignments').set({ status: 'cleared', declared_at: '2026-11-28T09:00:00.000Z', disqualification_grounds: '[]' }).where('id', '=', row.id).execute();
    await submitScores(db, row.id, { [general.id]: otherReviews[key].generalPassed ? 1 : 0 }, otherReviews[key].fill);
  }
}

/** Clicks a submit button and waits for the page the form's answer loads. */
export async function submitWith(page: Page, button: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}
