import assert from 'node:assert/strict';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CallRow, OrganisationRow, UserRow } from '../../src/db/schema.js';
import { submitApplication } from '../../src/features/applications/submission.service.js';
import { authMessages } from '../../src/features/auth/auth.messages.js';
import { pagePath } from '../../src/http/page-paths.js';
import type { TestApp } from '../helpers/app.js';
import { buildApplication, buildCall } from '../helpers/call-factories.js';
import { buildOrganisation, buildUser, TEST_PASSWORD } from '../helpers/factories.js';
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

export interface Account {
  user: UserRow;
  totpSecret?: string;
}

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

/** Signing in through the real forms (with the second factor where the account has one), remembered per person. */
export class Browsing {
  private readonly states = new Map<Who, Awaited<ReturnType<BrowserContext['storageState']>>>();

  constructor(
    private readonly browser: Browser,
    private readonly t: TestApp,
    private readonly origin: string,
    private readonly accounts: Record<Who, Account>,
  ) {}

  private totpCode(secret: string): string {
    // A step once accepted is never accepted again, so each sign-in happens a period later.
    this.t.clock.set(new Date(this.t.clock.now().getTime() + 30_000).toISOString());
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    return totp.generate({ timestamp: this.t.clock.now().getTime() });
  }

  async signIn(page: Page, who: Who): Promise<void> {
    const m = authMessages.fi;
    const account = this.accounts[who];
    await page.goto(this.origin + pagePath('fi', 'signIn'));
    await page.getByLabel(m.email).fill(account.user.email);
    await page.getByLabel(m.password, { exact: true }).fill(TEST_PASSWORD);
    await page.getByRole('button', { name: m.submit, exact: true }).click();
    if (account.totpSecret) {
      assert.equal(new URL(page.url()).pathname, pagePath('fi', 'signInSecondFactor'), 'asked for the second factor');
      await page.locator('input[autocomplete="one-time-code"], input[name="code"]').first().fill(this.totpCode(account.totpSecret));
      await page.locator('main form button[type="submit"]').first().click();
    }
    assert.equal(await page.locator('.user-menu__name').count(), 1, `signed in as ${account.user.email} (now at ${page.url()})`);
  }

  /** A new browser context signed in as the person (through the forms the first time), with or without JavaScript. */
  async contextFor(who: Who, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    if (!this.states.has(who)) {
      const context = await this.browser.newContext();
      await this.signIn(await context.newPage(), who);
      this.states.set(who, await context.storageState());
      await context.close();
    }
    const context = await this.browser.newContext({ storageState: this.states.get(who)!, ...options });
    // A missing element fails the step in seconds rather than at the runner's timeout.
    context.setDefaultTimeout(10_000);
    return context;
  }

  async pageFor(who: Who, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
    return (await this.contextFor(who, options)).newPage();
  }
}

/** Clicks a submit button and waits for the page the form's answer loads. */
export async function submitWith(page: Page, button: ReturnType<Page['locator']>): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}
