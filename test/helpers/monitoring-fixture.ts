import type { Db } from '../../src/db/database.js';
import type { CallRow } from '../../src/db/schema.js';
import { buildCall } from './call-factories.js';
import { buildProject, buildReport, buildReportingPeriod, setProjectTarget, type BuiltProject } from './project-factories.js';

/**
 * Eight funded projects with hand-chosen figures for the monitoring dashboard tests. Amounts in
 * euros below (×100 in cents). Regions: 10 Etelä-Savo, 11 Pohjois-Savo, 12 Pohjois-Karjala,
 * 16 Keski-Pohjanmaa, 17 Pohjois-Pohjanmaa, 18 Kainuu, 19 Lappi.
 *
 *   project call  priority              year partners (regions)  funding per council         regions
 *   P1      A     clean-solutions       2025 17, 18, 19          17: 100k, 18: 50k, 19: 50k    3
 *   P2      A     clean-solutions       2026 17, 17, 18          17: 120k, 18: 80k             2
 *   P3      A     digitalisation        2026 10, 11              10: 60k, 11: 40k              2
 *   P4      B     digitalisation        2026 12                  12: 30k                       1
 *   P5      B     sustainable-services  2027 16, 17, 18, 19      25k each                      4
 *   P6      A     sustainable-services  2024 11, 11              11: 70k                       1
 *   P7      C     elmo-digitalisation   2022 17, 18              17: 500k, 18: 500k            2   (ELMO strategy)
 *   P8      A     clean-solutions       2027 18, 10              18: 45k, 10: 15k              2
 *
 * Call A is ERDF, B AKKE, C ERDF under the earlier ELMO strategy.
 *
 * Indicators (targets; reports with status, period end, values):
 *   P1 targets RCO01 10, RCR01 5;  accepted 2027-12-31 RCO01 4, RCR01 1.5; accepted 2028-12-31 RCO01 7, RCR01 2.0
 *   P2 target  RCO01 20;           accepted 2027-12-31 RCO01 5; submitted 2028-12-31 RCO01 12 (not accepted)
 *   P3 targets RCO01 6, RCR01 2.5; accepted 2026-12-31 RCO01 2, RCR01 0.5; returned 2027-12-31 RCO01 3, RCR01 1
 *   P5 target  RCO84 3
 *   P7 target  RCO01 100;          accepted 2023-12-31 RCO01 50
 *   P8 no target;                  accepted 2027-12-31 RCO01 1
 * Strategy 2024 targets: RCO01 60, S3-CROSS 10, S3-REGIONS 2.5, S3-FUNDING 2 000 000 €.
 */
export interface MonitoringFixture {
  calls: { a: CallRow; b: CallRow; c: CallRow };
  projects: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6' | 'p7' | 'p8', BuiltProject>;
}

const k = (euros: number) => euros * 1000 * 100;

async function indicatorId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('indicators').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function buildMonitoringFixture(db: Db): Promise<MonitoringFixture> {
  const strategy2024 = (await db.selectFrom('strategies').select('id').where('slug', '=', 'ita-ja-pohjois-suomi-2024').executeTakeFirstOrThrow()).id;
  const elmo = (await db.selectFrom('strategies').select('id').where('slug', '=', 'elmo-2019-2023').executeTakeFirstOrThrow()).id;
  const a = await buildCall(db, { status: 'decided', title: 'Seurantahaku A' });
  const bRow = await buildCall(db, { status: 'decided', title: 'Seurantahaku B' });
  await db.updateTable('calls').set({ instrument: 'akke' }).where('id', '=', bRow.id).execute();
  const b: CallRow = { ...bRow, instrument: 'akke' };
  const cRow = await buildCall(db, { status: 'decided', title: 'Seurantahaku C' });
  await db.updateTable('calls').set({ strategy_id: elmo }).where('id', '=', cRow.id).execute();
  const c: CallRow = { ...cRow, strategy_id: elmo };
  // Each call's funding proposal is made here, in a fixed order: buildProject caches proposal ids by call id
  // in module state, which otherwise leaks from the SQLite run into the PostgreSQL run of the same process.
  for (const call of [a, b, c]) {
    await db
      .insertInto('funding_proposals')
      .values({ call_id: call.id, snapshot: '{}', sha256: '0'.repeat(64), confirmed_by: null, confirmed_at: '2026-11-24T10:00:00.000Z' })
      .execute();
  }

  const p = (region: string) => ({ region });
  const p1 = await buildProject(db, { call: a, priority: 'clean-solutions', decisionYear: 2025, partners: [p('17'), p('18'), p('19')], funding: { '17': k(100), '18': k(50), '19': k(50) } });
  const p2 = await buildProject(db, { call: a, priority: 'clean-solutions', decisionYear: 2026, partners: [p('17'), p('17'), p('18')], funding: { '17': k(120), '18': k(80) } });
  const p3 = await buildProject(db, { call: a, priority: 'digitalisation', decisionYear: 2026, partners: [p('10'), p('11')], funding: { '10': k(60), '11': k(40) } });
  const p4 = await buildProject(db, { call: b, priority: 'digitalisation', decisionYear: 2026, partners: [p('12')], funding: { '12': k(30) } });
  const p5 = await buildProject(db, {
    call: b,
    priority: 'sustainable-services',
    decisionYear: 2027,
    partners: [p('16'), p('17'), p('18'), p('19')],
    funding: { '16': k(25), '17': k(25), '18': k(25), '19': k(25) },
  });
  const p6 = await buildProject(db, { call: a, priority: 'sustainable-services', decisionYear: 2024, partners: [p('11'), p('11')], funding: { '11': k(70) } });
  const p7 = await buildProject(db, { call: c, priority: 'elmo-digitalisation', decisionYear: 2022, partners: [p('17'), p('18')], funding: { '17': k(500), '18': k(500) } });
  const p8 = await buildProject(db, { call: a, priority: 'clean-solutions', decisionYear: 2027, partners: [p('18'), p('10')], funding: { '18': k(45), '10': k(15) } });

  await setProjectTarget(db, p1.id, 'RCO01', 10);
  await setProjectTarget(db, p1.id, 'RCR01', 5);
  await setProjectTarget(db, p2.id, 'RCO01', 20);
  await setProjectTarget(db, p3.id, 'RCO01', 6);
  await setProjectTarget(db, p3.id, 'RCR01', 2.5);
  await setProjectTarget(db, p5.id, 'RCO84', 3);
  await setProjectTarget(db, p7.id, 'RCO01', 100);

  const period = (project: BuiltProject, end: string) =>
    buildReportingPeriod(db, project.id, { start: `${end.slice(0, 4)}-01-01`, end, due: `${Number(end.slice(0, 4)) + 1}-01-31` });
  // The later period is written first, so that the latest is found by its period end, not by its id.
  await buildReport(db, p1, await period(p1, '2028-12-31'), { status: 'accepted', indicators: { RCO01: 7, RCR01: 2.0 } });
  await buildReport(db, p1, await period(p1, '2027-12-31'), { status: 'accepted', indicators: { RCO01: 4, RCR01: 1.5 } });
  await buildReport(db, p2, await period(p2, '2027-12-31'), { status: 'accepted', indicators: { RCO01: 5 } });
  await buildReport(db, p2, await period(p2, '2028-12-31'), { status: 'submitted', indicators: { RCO01: 12 } });
  await buildReport(db, p3, await period(p3, '2026-12-31'), { status: 'accepted', indicators: { RCO01: 2, RCR01: 0.5 } });
  await buildReport(db, p3, await period(p3, '2027-12-31'), { status: 'returned', indicators: { RCO01: 3, RCR01: 1 } });
  await buildReport(db, p7, await period(p7, '2023-12-31'), { status: 'accepted', indicators: { RCO01: 50 } });
  await buildReport(db, p8, await period(p8, '2027-12-31'), { status: 'accepted', indicators: { RCO01: 1 } });

  for (const [code, target] of [
    ['RCO01', 6000],
    ['S3-CROSS', 1000],
    ['S3-REGIONS', 250],
    ['S3-FUNDING', 2_000_000 * 100],
  ] as const) {
    await db.insertInto('strategy_indicator_targets').values({ strategy_id: strategy2024, indicator_id: await indicatorId(db, code), target_hundredths: target }).execute();
  }
  return { calls: { a, b, c }, projects: { p1, p2, p3, p4, p5, p6, p7, p8 } };
}
