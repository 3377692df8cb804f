import * as OTPAuth from 'otpauth';
import type { CallRow, OrganisationRow } from '../../src/db/schema.js';
import type { TestApp } from '../helpers/app.js';
import { buildCall } from '../helpers/call-factories.js';
import { buildOrganisation, buildUser } from '../helpers/factories.js';
import { buildProject, buildReportingPeriod, setProjectTarget, type BuiltProject } from '../helpers/project-factories.js';
import type { Account } from './browsing.js';
export { Browsing } from './browsing.js';

/**
 * What the projects-and-monitoring browser test starts from (the test clock is 28 Nov 2026): one
 * call decided in 2026 with 22 funded projects on top of the seeded demo projects (decided in 2024
 * and 2025), so that the call filter gives exactly two pages of results and the dashboard filtered
 * to 2026 shows hand-computable figures:
 *  - "main": the circular-economy project led by Oulun testiyliopisto (17) with partners in Kainuu
 *    (18) and Lapland (19), EUR 100,000 from each council; its first progress period
 *    (1.1.–30.6.2026, due 31.8.2026) has ended and no report is in, and two reported indicators
 *    (RCO01 target 10, RCO07 target 3);
 *  - "late": a project of Kainuu (18) and North Karelia (12), EUR 50,000 each, whose period is late;
 *  - 20 more of Pohjois-Pohjanmaa and Kainuu, EUR 10,000 each.
 * People: the lead partner (a member of the lead organisation, no second factor) and an officer of
 * the Regional Council of Kainuu (with a second factor, as officials have).
 */

export type Who = 'lead' | 'officer';

export const mainProjectTitle = 'Kiertotalous ja teollisuuden sivuvirrat pohjoisessa';
export const lateProjectTitle = 'Vesistöjen kunnostuksen yhteistyöverkosto';
export const leadOrganisationName = 'Oulun testiyliopisto';
export const partnerOrganisationNames = ['Kainuun testiammattiopisto', 'Lapin testitutkimuslaitos'] as const;
export const callTitle = 'Ylimaakunnalliset kehittämishankkeet 2026';
export const fillerCount = 20;
/** The projects of the call: main, late and the fillers. */
export const callProjectCount = fillerCount + 2;

const fillerTopics = ['Matkailun digitaaliset palvelut', 'Puurakentamisen osaaminen', 'Vetytalouden koulutus', 'Bioenergian pienhankkeet', 'Kylmäosaamisen testaus'];

export interface World {
  call: CallRow;
  accounts: Record<Who, Account>;
  main: BuiltProject;
  late: BuiltProject;
  /** The main project's first reporting period (ended, report late). */
  firstPeriodId: number;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  const lead: OrganisationRow = await buildOrganisation(db, { name: leadOrganisationName, region: '17', type: 'university' });
  const kainuu = await buildOrganisation(db, { name: partnerOrganisationNames[0], region: '18', type: 'university-of-applied-sciences' });
  const lapland = await buildOrganisation(db, { name: partnerOrganisationNames[1], region: '19', type: 'research-institute' });
  const call = await buildCall(db, { title: callTitle, status: 'decided' });

  const main = await buildProject(db, {
    call,
    title: mainProjectTitle,
    summary: 'Yliopisto, ammattikorkeakoulu ja tutkimuslaitos etsivät teollisuuden sivuvirroille uusia käyttötapoja kiertotaloudessa.',
    partners: [
      { region: '17', organisation: lead },
      { region: '18', organisation: kainuu },
      { region: '19', organisation: lapland },
    ],
    funding: { '17': 10_000_000, '18': 10_000_000, '19': 10_000_000 },
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });
  const firstPeriodId = await buildReportingPeriod(db, main.id, { start: '2026-01-01', end: '2026-06-30', due: '2026-08-31' });
  await setProjectTarget(db, main.id, 'RCO01', 10);
  await setProjectTarget(db, main.id, 'RCO07', 3);

  const late = await buildProject(db, {
    call,
    title: lateProjectTitle,
    summary: 'Kunnat ja yhdistykset kunnostavat vesistöjä yhdessä.',
    partners: [{ region: '18' }, { region: '12' }],
    funding: { '18': 5_000_000, '12': 5_000_000 },
    startDate: '2026-01-01',
    endDate: '2027-06-30',
  });
  await buildReportingPeriod(db, late.id, { start: '2026-01-01', end: '2026-06-30', due: '2026-09-30' });

  for (let i = 0; i < fillerCount; i++) {
    await buildProject(db, {
      call,
      title: `${fillerTopics[i % fillerTopics.length]} ${i + 1}`,
      partners: [{ region: '17' }, { region: '18' }],
      funding: { '17': 1_000_000, '18': 1_000_000 },
      startDate: '2026-03-01',
      endDate: '2027-12-31',
    });
  }

  const totpSecret = new OTPAuth.Secret({ size: 20 }).base32;
  const accounts: Record<Who, Account> = {
    lead: { user: await buildUser(db, { name: 'Liisa Päätoteuttaja', memberOf: [{ organisation: lead }] }) },
    officer: { user: await buildUser(db, { name: 'Kalle Kainuulainen', roles: [{ role: 'officer', region: '18' }], totpSecret }, t.app.config), totpSecret },
  };
  return { call, accounts, main, late, firstPeriodId };
}
